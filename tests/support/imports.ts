import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../../harness/child-process.js';

/** Every .ts file under a folder of the repository (paths relative to the repository). */
export function sourceFiles(folder: string): string[] {
  const root = join(REPO_ROOT, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => relative(REPO_ROOT, join(root, f)))
    .sort();
}

/**
 * The repository files a file imports, type-only imports and re-exports included (they tie
 * files together for a reader as much as value imports do). Packages are left out.
 */
export function localImports(file: string): string[] {
  const source = readFileSync(join(REPO_ROOT, file), 'utf8');
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const target = resolve(REPO_ROOT, dirname(file), spec).replace(/\.js$/, '.ts');
      return relative(REPO_ROOT, existsSync(target) ? target : join(target, 'index.ts'));
    });
}

/** The import cycles among the given files, each as the list of files around it (first one repeated). */
export function importCycles(files: string[]): string[][] {
  const inside = new Set(files);
  const edges = new Map(files.map((f) => [f, localImports(f).filter((t) => inside.has(t))]));
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of files) visit(file, []);
  return cycles;
}
