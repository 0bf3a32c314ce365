import { describe, expect, it } from 'vitest';
import { hashPassword, PasswordChecker } from '../../../api/auth/passwords.js';
import { DEFAULT_SCRYPT, parsePasswordHash } from '../../../config/password-hash.js';
import { validateConfig } from '../../../config/load.js';
import { testConfig, testPasswordHash } from '../../../harness/test-config.js';

// Hash formats: the first one (scrypt$salt$hash, N=16384) stays accepted as it is; new hashes name
// their cost. An unknown username costs the same scrypt work as a wrong password.

const agent = (id: string, credential: { password?: string; passwordHash?: string }) => ({
  id,
  name: id,
  username: id,
  queues: ['support'],
  capacity: 5,
  ...credential,
});

describe('password hashes', () => {
  it('the first format is accepted as it is (N=16384, r=8, p=1)', async () => {
    const legacy = testPasswordHash('s3cret');
    expect(parsePasswordHash(legacy)).toMatchObject({ N: 16384, r: 8, p: 1 });
    const checker = new PasswordChecker([agent('ann', { passwordHash: legacy })]);
    expect((await checker.check('ann', 's3cret'))?.id).toBe('ann');
    expect(await checker.check('ann', 'wrong')).toBeUndefined();
  });

  it('new hashes are self-describing, at a stronger default cost', async () => {
    const hash = await hashPassword('correct horse', { ln: 12, r: 8, p: 1 });
    expect(hash).toMatch(/^\$scrypt\$ln=12,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const checker = new PasswordChecker([agent('ann', { passwordHash: hash })]);
    expect((await checker.check('ann', 'correct horse'))?.id).toBe('ann');
    expect(await checker.check('ann', 'correct horsE')).toBeUndefined();
    expect(DEFAULT_SCRYPT.ln).toBeGreaterThan(14);
    expect(parsePasswordHash(await hashPassword('x'))).toMatchObject({
      N: 2 ** DEFAULT_SCRYPT.ln,
      r: DEFAULT_SCRYPT.r,
      p: DEFAULT_SCRYPT.p,
    });
  });

  it('malformed hashes are refused', () => {
    for (const bad of [
      'scrypt$',
      'scrypt$YQ==$YQ==',
      '$scrypt$ln=14$YWJjZGVmZ2g=$YWJjZGVmZ2hpamtsbW5vcA==',
      'argon2$x',
      '$scrypt$ln=14,r=8,p=1$***$YQ==',
    ]) {
      expect(parsePasswordHash(bad)).toBeUndefined();
    }
  });

  it('an unknown user and a wrong password take the same time', async () => {
    // The same scrypt cost either way; timed generously (a factor of 2 on medians), as the rule allows.
    const config = testConfig({ production: true });
    const checker = new PasswordChecker(validateConfig(config).agents);
    const time = async (username: string) => {
      const started = performance.now();
      expect(await checker.check(username, 'not-the-password')).toBeUndefined();
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time('alice'));
      unknown.push(await time('nobody-by-that-name'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[3]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
