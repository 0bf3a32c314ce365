import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_CONFIG_PATH } from '../../config/load.js';
import type { SwitchboardConfig } from '../../config/schema.js';
import { PasswordChecker } from '../../api/auth/passwords.js';
import { runToExit as run, writeConfigFile } from '../../harness/child-process.js';

// Demo is a mode, not a fallback: every entry point but `npm start` needs SWITCHBOARD_CONFIG and
// says so; a non-demo file holding the demo's secrets is refused at start, naming the key.

describe('entry points and their configuration', () => {
  it.each(['stack/main/api.ts', 'stack/main/worker.ts', 'stack/main/gateway.ts'])(
    '%s without SWITCHBOARD_CONFIG says so and exits 1',
    async (entry) => {
      const { code, output } = await run([entry], { SWITCHBOARD_CONFIG: undefined }); // spawn leaves undefined out
      expect(code).toBe(1);
      expect(output).toContain('SWITCHBOARD_CONFIG: invalid configuration');
      expect(output).toContain('not set: point it at a configuration file');
      expect(output).not.toMatch(/listening|ready/);
    },
  );

  it('the demo file without demo: true is refused at start, naming each key', async () => {
    const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Omit<SwitchboardConfig, 'demo'> & { demo?: boolean };
    delete raw.demo;
    const { code, output } = await run(['stack/main/api.ts'], {
      SWITCHBOARD_CONFIG: writeConfigFile(raw as SwitchboardConfig),
    });
    expect(code).toBe(1);
    expect(output).toContain('auth.jwtSecret: this secret ships in the repository');
    expect(output).toContain('auth.apiKeys[0].key: this key ships in the repository');
    expect(output).toContain('agents[0].password: plain passwords only in a demo');
    expect(output).toContain(
      'smpp.simulator.enabled: the carrier simulator and the anonymous customer-phone API run only in a demo',
    );
    expect(output).not.toContain(raw.auth.jwtSecret); // a refusal names the key, never the secret
  });

  it('a configuration line holding a secret is never echoed, even when it does not parse', async () => {
    const path = writeConfigFile({} as SwitchboardConfig);
    writeFileSync(path, 'auth:\n  jwtSecret: "kept-out-of-logs-7f3a9\n  apiKeys: [\n');
    const { code, output } = await run(['stack/main/api.ts'], { SWITCHBOARD_CONFIG: path });
    expect(code).toBe(1);
    expect(output).toContain('not valid YAML');
    expect(output).not.toContain('kept-out-of-logs');
  });

  it('npm run hash-password prints a hash that checks the password', async () => {
    const { code, output } = await run(['api/auth/hash-password-cli.ts'], {}, 'tr0ub4dor&3\n');
    expect(code).toBe(0);
    const hash = output.trim();
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    const checker = new PasswordChecker([
      { id: 'ann', name: 'Ann', username: 'ann', passwordHash: hash, queues: ['support'], capacity: 5 },
    ]);
    expect((await checker.check('ann', 'tr0ub4dor&3'))?.id).toBe('ann');
    expect(await checker.check('ann', 'tr0ub4dor&4')).toBeUndefined();
  });
});
