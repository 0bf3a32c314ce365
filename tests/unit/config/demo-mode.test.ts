import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH, loadConfig } from '../../../config/load.js';
import { SHIPPED_SECRETS } from '../../../config/mode-checks.js';
import { testPasswordHash } from '../../../harness/test-config.js';
import { configProblems, demoRaw as demo, type RawConfig as Raw } from '../../support/config-problems.js';

// Demo is a mode (`demo: true`), not a fallback: a file without it must bring its own secrets,
// hashed passwords and no simulator; a demo listens on loopback only. Every refusal names its key.

/** The demo file made production-ready: what an operator must change, and nothing else. */
function production(): Raw {
  const raw = demo();
  delete raw.demo;
  raw.auth = { jwtSecret: 'x'.repeat(40), apiKeys: [{ name: 'crm', key: 'k'.repeat(24) }] };
  raw.agents = raw.agents.map(({ password, ...a }: Raw) => ({ ...a, passwordHash: testPasswordHash(password) }));
  raw.smpp.simulator = { enabled: false };
  return raw;
}

describe('demo is a mode', () => {
  it('the demo file says demo: true, and is valid as one', () => {
    expect(demo().demo).toBe(true);
    expect(loadConfig(DEMO_CONFIG_PATH).demo).toBe(true);
  });

  it('without SWITCHBOARD_CONFIG there is no configuration (no fallback to the demo file)', () => {
    const saved = process.env.SWITCHBOARD_CONFIG;
    delete process.env.SWITCHBOARD_CONFIG;
    try {
      expect(() => loadConfig()).toThrow(/SWITCHBOARD_CONFIG: invalid configuration\n {2}- not set/);
    } finally {
      if (saved !== undefined) process.env.SWITCHBOARD_CONFIG = saved;
    }
  });

  it('a production-style file with its own secrets is accepted', () => {
    expect(configProblems(production())).toEqual([]);
  });

  it.each<[string, (c: Raw) => void, RegExp]>([
    [
      'the demo file without demo: true',
      (c) => Object.assign(c, demo(), { demo: false }),
      /^auth\.jwtSecret: this secret ships in the repository/,
    ],
    [
      'a JWT secret under 32 bytes',
      (c) => {
        c.auth.jwtSecret = 'short-but-not-shipped-secret';
      },
      /^auth\.jwtSecret: at least 32 bytes outside a demo/,
    ],
    [
      'the contract example secret',
      (c) => {
        c.auth.jwtSecret = 'change-me-in-production';
      },
      /^auth\.jwtSecret: this secret ships in the repository/,
    ],
    [
      'the demo integrator key',
      (c) => {
        c.auth.apiKeys[0].key = 'dev-integrator-key';
      },
      /^auth\.apiKeys\[0\]\.key: this key ships in the repository/,
    ],
    [
      'an API key under 16 characters',
      (c) => {
        c.auth.apiKeys[0].key = 'abcdefghij';
      },
      /^auth\.apiKeys\[0\]\.key: at least 16 characters/,
    ],
    [
      'a plain password',
      (c) => {
        delete c.agents[1].passwordHash;
        c.agents[1].password = 'bob';
      },
      /^agents\[1\]\.password: plain passwords only in a demo/,
    ],
    [
      'the carrier simulator',
      (c) => {
        c.smpp.simulator.enabled = true;
      },
      /^smpp\.simulator\.enabled: the carrier simulator and the anonymous customer-phone API run only in a demo/,
    ],
    [
      'a malformed hash',
      (c) => {
        c.agents[0].passwordHash = 'scrypt$not base64$x';
      },
      /^agents\[0\]\.passwordHash: malformed; expected \$scrypt\$ln=/,
    ],
    [
      'a hash of unknown cost',
      (c) => {
        c.agents[0].passwordHash = '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==';
      },
      /^agents\[0\]\.passwordHash: malformed/,
    ],
    [
      'a token lifetime over 24 h',
      (c) => {
        c.auth.tokenTtlSeconds = 86_401;
      },
      /^auth\.tokenTtlSeconds: at most 86400/,
    ],
  ])('refuses %s, naming the key', (_name, breakIt, expected) => {
    const raw = production();
    breakIt(raw);
    expect(configProblems(raw)).toContainEqual(expect.stringMatching(expected));
  });

  it('encryption keys are 32 bytes each, with an id hash key beside them', () => {
    const raw = production();
    raw.temporal.encryptionKeys = [{ id: 'k1', key: Buffer.alloc(16, 1).toString('base64') }];
    expect(configProblems(raw)).toEqual(['temporal.encryptionKeys[0].key: 32 bytes, base64 (openssl rand -base64 32)']);
    raw.temporal.encryptionKeys = [{ id: 'k1', key: Buffer.alloc(32, 1).toString('base64') }];
    expect(configProblems(raw)).toEqual([
      expect.stringMatching(/^temporal\.idHashKey: needed with temporal\.encryptionKeys/),
    ]);
    raw.temporal.idHashKey = 'h'.repeat(40);
    expect(configProblems(raw)).toEqual([]);
  });

  it('a duplicate API key is named by its entries, never echoed', () => {
    const raw = production();
    raw.auth.apiKeys.push({ name: 'erp', key: raw.auth.apiKeys[0].key });
    const found = configProblems(raw);
    expect(found).toEqual(['auth.apiKeys[1].key: the same key as auth.apiKeys[0].key']);
  });

  it('a demo never listens beyond loopback', () => {
    const raw = demo();
    raw.api.host = '0.0.0.0';
    raw.smpp.listen.host = '192.0.2.1';
    expect(configProblems(raw)).toEqual([
      "api.host: a demo (demo: true) listens on loopback only (127.0.0.1, ::1 or localhost), not '0.0.0.0'",
      "smpp.listen.host: a demo (demo: true) listens on loopback only (127.0.0.1, ::1 or localhost), not '192.0.2.1'",
    ]);
    raw.api.host = '::1';
    raw.smpp.listen.host = 'localhost';
    expect(configProblems(raw)).toEqual([]);
  });

  it('every secret the repository ships is on the refused list', () => {
    // The contract's example file is checked in tests/unit/contract, where the contract is at hand.
    const raw = demo();
    expect(SHIPPED_SECRETS.has(raw.auth.jwtSecret)).toBe(true);
    for (const k of raw.auth.apiKeys) expect(SHIPPED_SECRETS.has(k.key)).toBe(true);
    const testConfigSource = readFileSync(new URL('../../../harness/test-config.ts', import.meta.url), 'utf8');
    for (const m of testConfigSource.matchAll(/(?:jwtSecret|key): '([^']+)'/g))
      expect(SHIPPED_SECRETS.has(m[1]!)).toBe(true);
  });
});
