import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEMO_CONFIG_PATH, loadConfig } from '../../../config/load.js';
import { configProblems, demoRaw as demo } from '../../support/config-problems.js';

describe('the demo configuration', () => {
  it('is valid and has what the demo needs', () => {
    const config = loadConfig(DEMO_CONFIG_PATH);
    expect(config.queues.length).toBeGreaterThanOrEqual(2);
    expect(config.agents.length).toBeGreaterThanOrEqual(3);
    expect(new Set(config.numbers.map((n) => n.type))).toEqual(new Set(['LONGCODE', 'SHORTCODE', 'TOLL_FREE']));
    expect(config.idleCodes.length).toBeGreaterThan(0);
    expect(config.wrapUp.reasons.length).toBeGreaterThan(0);
    expect(config.agents.every((a) => a.capacity === 5 || a.capacity > 0)).toBe(true);
  });
});

describe('a wrong key or value names the key and the problem', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  it.each<[string, (c: Record<string, any>) => void, RegExp]>([
    [
      'a misspelt key',
      (c) => {
        c.queues[0].ronaTimeout = 5;
      },
      /^queues\[0\]\.ronaTimeout: unknown key$/,
    ],
    [
      'an unknown top-level section',
      (c) => {
        c.queus = [];
      },
      /^queus: unknown key$/,
    ],
    [
      'a negative RONA timeout',
      (c) => {
        c.queues[1].ronaTimeoutSeconds = -1;
      },
      /^queues\[1\]\.ronaTimeoutSeconds: /,
    ],
    [
      'an agent in an unknown queue',
      (c) => {
        c.agents[0].queues = ['nope'];
      },
      /^agents\[0\]\.queues\[0\]: unknown queue 'nope'$/,
    ],
    [
      'a number routed to an unknown queue',
      (c) => {
        c.numbers[0].queue = 'nope';
      },
      /^numbers\[0\]\.queue: unknown queue 'nope'$/,
    ],
    [
      'a short code typed as a long code',
      (c) => {
        c.numbers[1].type = 'LONGCODE';
      },
      /^numbers\[1\]\.number: '12345' does not look like a LONGCODE/,
    ],
    [
      'a bad E.164 number',
      (c) => {
        c.numbers[0].number = '555-1234';
      },
      /^numbers\[0\]\.number: E\.164/,
    ],
    [
      'an unknown default wrap-up reason',
      (c) => {
        c.wrapUp.defaultReasonId = 'nope';
      },
      /^wrapUp\.defaultReasonId: unknown reason 'nope'$/,
    ],
    [
      'a duplicate agent id',
      (c) => {
        c.agents[1].id = c.agents[0].id;
      },
      /^agents\[\]\.id: 'alice' appears more than once$/,
    ],
    [
      'a system_id over 15 characters (SMPP 3.4)',
      (c) => {
        c.smpp.binds[0].systemId = 'a'.repeat(16);
      },
      /^smpp\.binds\[0\]\.systemId: system_id is at most 15 characters/,
    ],
    [
      'a password over 8 characters (SMPP 3.4)',
      (c) => {
        c.smpp.binds[0].password = 'x'.repeat(9);
      },
      /^smpp\.binds\[0\]\.password: password is at most 8 characters/,
    ],
    [
      'a system_type over 12 characters (SMPP 3.4)',
      (c) => {
        c.smpp.binds[0].systemType = 'y'.repeat(13);
      },
      /^smpp\.binds\[0\]\.systemType: system_type is at most 12 characters/,
    ],
    [
      'a listener account password over 8',
      (c) => {
        c.smpp.listen.accounts[0].password = 'z'.repeat(9);
      },
      /^smpp\.listen\.accounts\[0\]\.password: /,
    ],
    [
      'an agent with both password and hash',
      (c) => {
        c.agents[0].passwordHash = 'scrypt$a$b';
      },
      /^agents\[0\]: exactly one of password and passwordHash$/,
    ],
  ])('%s', (_name, breakIt, expected) => {
    const raw = demo();
    breakIt(raw);
    expect(configProblems(raw)).toContainEqual(expect.stringMatching(expected));
  });

  it('reports the file and every problem at once', () => {
    const raw = demo();
    raw.queues[0].bogus = 1;
    raw.api.port = 'eighty';
    const dir = mkdtempSync(join(tmpdir(), 'sb-config-'));
    writeFileSync(join(dir, 'bad.yaml'), stringify(raw));
    expect(() => loadConfig(join(dir, 'bad.yaml'))).toThrow(/bad\.yaml: invalid configuration\n {2}- .*\n {2}- /);
    expect(() => loadConfig(join(dir, 'missing.yaml'))).toThrow(/cannot read the file/);
    writeFileSync(join(dir, 'broken.yaml'), 'queues: [\n');
    expect(() => loadConfig(join(dir, 'broken.yaml'))).toThrow(/not valid YAML/);
  });
});
