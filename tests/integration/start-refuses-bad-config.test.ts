import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_CONFIG_PATH, validateConfig } from '../../config/load.js';
import { REPO_ROOT, writeConfigFile } from '../support/child-process.js';

// `npm start` is `tsx scripts/start.ts`: with a wrong configuration it names the key and the
// problem, exits non-zero, and starts nothing (no Temporal server, no ports).
describe('npm start with a wrong configuration', () => {
  it('names the key, exits 1 and starts nothing', async () => {
    const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as ReturnType<typeof validateConfig>;
    const path = writeConfigFile(raw);
    writeFileSync(path, readFileSync(path, 'utf8').replace('ronaTimeoutSeconds: 30', 'ronaTimeoutSecs: 30'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, SWITCHBOARD_CONFIG: path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('queues[0].ronaTimeoutSecs: unknown key');
    expect(output).not.toContain('Temporal dev server');
    expect(output).not.toContain('is running');
  });
});
