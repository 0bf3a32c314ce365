import { readdir, readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import apiConfig from '../../../api/codegen.js';
import webConfig from '../../../web/codegen.js';
import { REPO_ROOT } from '../../../harness/child-process.js';

// The generated types are committed so that type-checking needs no generation step. This runs
// both codegen configs in memory and compares: a schema or document edited without
// `npm run codegen` fails here. A stale web output matters at run time too: the client preset's
// graphql() looks a document up by its exact text and answers `{}` for one it does not know.

/** Repository-relative path -> content, as a fresh run would write it. */
async function generated(config: CodegenConfig): Promise<Map<string, string>> {
  // saveToFile false: the files come back instead of being written.
  const files: { filename: string; content: string }[] = await generate(
    { ...config, cwd: REPO_ROOT, silent: true },
    false,
  );
  return new Map(files.map((f) => [relative(REPO_ROOT, resolve(REPO_ROOT, f.filename)), f.content]));
}

async function committed(paths: Iterable<string>): Promise<Map<string, string>> {
  const read = async (p: string) => [p, await readFile(resolve(REPO_ROOT, p), 'utf8')] as const;
  return new Map(await Promise.all([...paths].map(read)));
}

describe('committed codegen output', () => {
  it('api/generated matches a fresh run of api/codegen.ts (npm run codegen)', async () => {
    const fresh = await generated(apiConfig);
    expect([...fresh.keys()]).toEqual(['api/generated/resolvers-types.ts']);
    expect(await committed(fresh.keys()), 'stale: run npm run codegen').toEqual(fresh);
  });

  it('web/src/lib/gql matches a fresh run of web/codegen.ts and holds nothing else', async () => {
    const fresh = await generated(webConfig);
    expect(fresh.get('web/src/lib/gql/graphql.ts')).toContain('export const SnapshotDocument');
    expect(await committed(fresh.keys()), 'stale: run npm run codegen').toEqual(fresh);
    const present = (await readdir(resolve(REPO_ROOT, 'web/src/lib/gql'))).map((f) => `web/src/lib/gql/${f}`);
    expect(present.sort()).toEqual([...fresh.keys()].sort());
  });
});
