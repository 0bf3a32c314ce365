import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ZodIssue } from 'zod';
import { configSchema, type SwitchboardConfig } from './schema.js';
import { crossCheck } from './cross-check.js';
import { modeProblems } from './mode-checks.js';

export const DEMO_CONFIG_PATH = join(dirname(fileURLToPath(import.meta.url)), 'demo.yaml');

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function keyPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
    '',
  );
}

function describe(issue: ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${keyPath([...issue.path, k])}: unknown key`).join('; ');
  }
  return `${keyPath(issue.path) || '(top level)'}: ${issue.message}`;
}

/** Validates an already-parsed object; every problem is reported, each naming its key. */
export function validateConfig(raw: unknown, source = 'configuration'): SwitchboardConfig {
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(source, parsed.error.issues.map(describe));
  const problems = [...crossCheck(parsed.data), ...modeProblems(parsed.data)];
  if (problems.length > 0) throw new ConfigError(source, problems);
  return parsed.data;
}

/**
 * The configuration named by SWITCHBOARD_CONFIG (or `path`). There is no fallback: only `npm start`
 * passes the demo file when the variable is unset, and the demo file says `demo: true` itself.
 */
export function loadConfig(path = process.env.SWITCHBOARD_CONFIG): SwitchboardConfig {
  if (!path) {
    throw new ConfigError('SWITCHBOARD_CONFIG', [
      'not set: point it at a configuration file (only `npm start` without it runs the demo, config/demo.yaml)',
    ]);
  }
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(absolute, [`cannot read the file: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    // The first line only: the parser's excerpt of the offending line could hold a secret.
    throw new ConfigError(absolute, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  return validateConfig(raw, absolute);
}
