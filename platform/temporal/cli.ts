import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

// v1.5.1 is the newest release `go install` can build: later ones carry replace directives.
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
const TEMPORAL_CLI_VERSION = 'v1.5.1';

class TemporalCliMissingError extends Error {
  override name = 'TemporalCliMissingError';
}

/** The cache lives outside the repository so that every clone on the machine shares one build. */
function temporalCliCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'switchboard', 'temporal-cli', TEMPORAL_CLI_VERSION);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

interface FindOptions {
  /** Build with `go install` when nothing is found (default true). */
  install?: boolean;
  log?: (line: string) => void;
}

/**
 * TEMPORAL_CLI, then PATH, then the cache, then a `go install` into the cache. Never a download
 * of a prebuilt binary: this machine (and CI) only reach package registries.
 */
export function findTemporalCli(options: FindOptions = {}): string {
  const log = options.log ?? ((line: string) => console.error(line));
  const explicit = process.env.TEMPORAL_CLI;
  if (explicit) {
    if (!isExecutable(explicit))
      throw new TemporalCliMissingError(`TEMPORAL_CLI=${explicit} is not an executable file`);
    return explicit;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cacheDir = temporalCliCacheDir();
  const cached = join(cacheDir, 'temporal');
  if (isExecutable(cached)) return cached;
  if (options.install === false) throw missing();
  const go = onPath('go');
  if (!go) throw missing();
  mkdirSync(cacheDir, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install into ${cacheDir} (a few minutes, once)...`);
  const built = spawnSync(go, ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: cacheDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0 || !isExecutable(cached)) {
    throw new TemporalCliMissingError(
      `go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} failed (exit ${built.status})`,
    );
  }
  return cached;
}

export function temporalCliVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
}

function missing(): TemporalCliMissingError {
  return new TemporalCliMissingError(
    'The Temporal CLI was not found and Go is not installed to build it. Either install Go ' +
      `(https://go.dev/doc/install) and run again, or run \`go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}\` ` +
      'elsewhere and put `temporal` on PATH (or set TEMPORAL_CLI to its path).',
  );
}
