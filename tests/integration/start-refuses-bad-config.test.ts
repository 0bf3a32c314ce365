import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_CONFIG_PATH, validateConfig } from '../../config/load.js';
import { runToExit, writeConfigFile } from '../../harness/child-process.js';

// `npm start` is `tsx stack/start.ts`: with a wrong configuration it names the key and the
// problem, exits non-zero, and starts nothing (no Temporal server, no ports).
describe('npm start with a wrong configuration', () => {
  it('names the key, exits 1 and starts nothing', async () => {
    const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as ReturnType<typeof validateConfig>;
    const path = writeConfigFile(raw);
    writeFileSync(path, readFileSync(path, 'utf8').replace('ronaTimeoutSeconds: 30', 'ronaTimeoutSecs: 30'));
    const { code, output } = await runToExit(['stack/start.ts'], { SWITCHBOARD_CONFIG: path });
    expect(code).toBe(1);
    expect(output).toContain('queues[0].ronaTimeoutSecs: unknown key');
    expect(output).not.toContain('Temporal dev server');
    expect(output).not.toContain('is running');
  });
});
