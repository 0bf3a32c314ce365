import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { AgentConfig } from '../../config/schema.js';
import {
  DEFAULT_SCRYPT,
  formatPasswordHash,
  parsePasswordHash,
  scryptMemory,
  type ScryptHash,
} from '../../config/password-hash.js';

// Passwords are checked with scrypt at the cost each hash names (config/password-hash.ts). Plain
// passwords exist only in a demo (config/mode-checks.ts refuses them elsewhere).

function derive(
  password: string,
  salt: Buffer,
  length: number,
  cost: Pick<ScryptHash, 'N' | 'r' | 'p'>,
): Promise<Buffer> {
  const options = { ...cost, maxmem: 2 * scryptMemory(cost.N, cost.r) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new hash in the self-describing format at the default cost (what `npm run hash-password` prints). */
export async function hashPassword(
  password: string,
  cost: { ln: number; r: number; p: number } = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(16);
  const c = { N: 2 ** cost.ln, r: cost.r, p: cost.p };
  return formatPasswordHash({ ...c, salt, hash: await derive(password, salt, 32, c) });
}

async function verify(password: string, h: ScryptHash): Promise<boolean> {
  const actual = await derive(password, h.salt, h.hash.length, h);
  return timingSafeEqual(actual, h.hash);
}

function equalConstantTime(a: string, b: string): boolean {
  // Digests have one length, so neither the content nor the length leaks through timing.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

type Credential = { kind: 'hash'; hash: ScryptHash } | { kind: 'plain'; password: string };

function credentialOf(agent: AgentConfig): Credential {
  if (agent.passwordHash) {
    const hash = parsePasswordHash(agent.passwordHash);
    if (!hash) throw new Error(`agent ${agent.id}: malformed passwordHash`); // the schema refuses it first
    return { kind: 'hash', hash };
  }
  return { kind: 'plain', password: agent.password ?? '' };
}

/**
 * Checks a username and password. An unknown username is checked against a decoy with the cost
 * most agents' hashes have, so it takes as long as a wrong password for a known one.
 */
export class PasswordChecker {
  private readonly byUsername = new Map<string, { agent: AgentConfig; credential: Credential }>();
  private readonly decoy: Credential;

  constructor(agents: AgentConfig[]) {
    const counts = new Map<string, { n: number; credential: Credential }>();
    for (const agent of agents) {
      const credential = credentialOf(agent);
      this.byUsername.set(agent.username, { agent, credential });
      const key =
        credential.kind === 'hash'
          ? `${credential.hash.N},${credential.hash.r},${credential.hash.p},${credential.hash.hash.length}`
          : 'plain';
      const entry = counts.get(key) ?? { n: 0, credential };
      entry.n++;
      counts.set(key, entry);
    }
    const typical = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.credential ?? { kind: 'plain', password: '' };
    this.decoy =
      typical.kind === 'plain'
        ? { kind: 'plain', password: randomBytes(16).toString('hex') }
        : {
            kind: 'hash',
            hash: {
              ...typical.hash,
              salt: randomBytes(typical.hash.salt.length),
              hash: randomBytes(typical.hash.hash.length),
            },
          };
  }

  /** The agent whose username and password match, or undefined. */
  async check(username: string, password: string): Promise<AgentConfig | undefined> {
    const known = this.byUsername.get(username);
    const credential = known?.credential ?? this.decoy;
    const matches =
      credential.kind === 'hash'
        ? await verify(password, credential.hash)
        : equalConstantTime(password, credential.password);
    return known && matches ? known.agent : undefined;
  }
}
