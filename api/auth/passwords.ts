import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { AgentConfig } from '../../config/schema.js';

// scrypt$<salt-b64>$<hash-b64> with node's default cost (N=16384, r=8, p=1): the format of
// config/schema.ts. Plain passwords are accepted only because the demo file uses them.

const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, salt = randomBytes(16)): Promise<string> {
  const hash = await derive(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyScrypt(password: string, encoded: string): Promise<boolean> {
  const [scheme, saltB64, hashB64] = encoded.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  if (expected.length === 0) return false;
  const actual = await derive(password, Buffer.from(saltB64, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

function equalConstantTime(a: string, b: string): boolean {
  // Digests have one length, so neither the content nor the length leaks through timing.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

// A fixed hash to check against for unknown usernames, so the answer takes as long either way.
let decoy: Promise<string> | undefined;

/** The agent whose username and password match, or undefined. */
export async function checkPassword(agents: AgentConfig[], username: string, password: string): Promise<AgentConfig | undefined> {
  const agent = agents.find((a) => a.username === username);
  if (!agent) {
    decoy ??= hashPassword('decoy-password');
    await verifyScrypt(password, await decoy);
    return undefined;
  }
  if (agent.passwordHash) return (await verifyScrypt(password, agent.passwordHash)) ? agent : undefined;
  return agent.password !== undefined && equalConstantTime(password, agent.password) ? agent : undefined;
}
