import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../config/load.js';
import { configProblems, demoRaw as demo } from '../../support/config-problems.js';

describe('SMPP hardening keys (issue 10)', () => {
  it('defaults every cap when the keys are absent', () => {
    const config = validateConfig(demo(), 'test');
    expect(config.smpp.limits).toEqual({
      maxCommandLength: 65_536,
      maxMessageChars: 10_000,
      maxOpenMultipartPerPeer: 200,
      maxOpenMultipart: 5_000,
      maxMultipartBytes: 16 * 1024 * 1024,
      maxConcurrentSignals: 64,
    });
    expect(config.smpp.listen).toMatchObject({
      maxConnections: 200,
      maxConnectionsPerAddress: 10,
      bindTimeoutSeconds: 10,
      failedBindDelaySeconds: 1,
      failedBindMaxDelaySeconds: 60,
      enquireLinkSeconds: 30,
      responseTimeoutSeconds: 10,
      windowSize: 10,
      inboundWindow: 64,
    });
    expect(config.smpp.gatewayId).toBeUndefined();
  });

  it('an empty listener password is refused, naming the key', () => {
    const raw = demo();
    raw.smpp.listen.accounts[0].password = '';
    expect(configProblems(raw)).toContainEqual(
      expect.stringMatching(/^smpp\.listen\.accounts\[0\]\.password: an empty password lets anyone bind$/),
    );
  });

  it('account scoping keys are accepted, and a bad prefix names its key', () => {
    const raw = demo();
    raw.smpp.listen.accounts[0] = {
      ...raw.smpp.listen.accounts[0],
      sourcePrefixes: ['+1555'],
      numbers: ['+15551230000'],
      allowedAddresses: ['10.0.0.0/8', '127.0.0.1'],
    };
    expect(configProblems(raw)).toEqual([]);
    raw.smpp.listen.accounts[0].sourcePrefixes = ['+1-555'];
    expect(configProblems(raw)).toContainEqual(
      expect.stringMatching(/^smpp\.listen\.accounts\[0\]\.sourcePrefixes\[0\]: /),
    );
  });

  it('a misspelt limits key, a command length under 1 KiB and a bad gatewayId are refused by name', () => {
    const raw = demo();
    raw.smpp.limits = { maxComandLength: 10 };
    expect(configProblems(raw)).toContainEqual(expect.stringMatching(/^smpp\.limits\.maxComandLength: unknown key$/));
    raw.smpp.limits = { maxCommandLength: 100 };
    expect(configProblems(raw)).toContainEqual(expect.stringMatching(/^smpp\.limits\.maxCommandLength: /));
    raw.smpp.limits = {};
    raw.smpp.gatewayId = 'gw a';
    expect(configProblems(raw)).toContainEqual(expect.stringMatching(/^smpp\.gatewayId: /));
  });
});
