import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ConfigError, DEMO_CONFIG_PATH, validateConfig } from '../../config/load.js';

// The configuration tests' two tools: the demo file as a plain object to break one key of, and
// the problems a file is refused with (none when it is accepted), each naming its key.

export type RawConfig = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const demoRaw = (): RawConfig => parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as RawConfig;

export function configProblems(raw: unknown): string[] {
  try {
    validateConfig(raw, 'test');
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
