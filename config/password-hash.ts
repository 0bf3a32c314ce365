// Password hashes in the configuration. Two formats, both scrypt:
//   scrypt$<salt-b64>$<hash-b64>                      the first format: N=16384, r=8, p=1, as it was
//   $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt-b64>$<hash-b64>   self-describing (PHC style), what new hashes use
// Pure parsing and formatting only: config/schema.ts refuses a malformed hash at start, and
// api/auth/passwords.ts derives with the parameters a hash names.

export interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** New hashes (OWASP's first scrypt setting): N=2^17, r=8, p=1, 128 MiB and ~0.3 s per check. */
export const DEFAULT_SCRYPT = { ln: 17, r: 8, p: 1 } as const;
const LEGACY_SCRYPT = { ln: 14, r: 8, p: 1 } as const;

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
const LIMITS = { ln: [10, 20], r: [1, 32], p: [1, 16] } as const;
/** Bytes scrypt needs for (N, r): refused above 256 MiB so a configuration cannot exhaust memory. */
export const scryptMemory = (N: number, r: number): number => 128 * N * r;
const MAX_MEMORY = 256 * 1024 * 1024;

function bytes(value: string | undefined, min: number): Buffer | undefined {
  if (!value || !B64.test(value)) return undefined;
  const buffer = Buffer.from(value, 'base64');
  return buffer.length >= min && buffer.length <= 1024 ? buffer : undefined;
}

function withCost(
  ln: number,
  r: number,
  p: number,
  salt: Buffer | undefined,
  hash: Buffer | undefined,
): ScryptHash | undefined {
  const inRange = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!inRange(ln, LIMITS.ln) || !inRange(r, LIMITS.r) || !inRange(p, LIMITS.p)) return undefined;
  if (!salt || !hash || scryptMemory(2 ** ln, r) > MAX_MEMORY) return undefined;
  return { N: 2 ** ln, r, p, salt, hash };
}

/** The parameters, salt and hash of a configured passwordHash, or undefined if it is malformed. */
export function parsePasswordHash(encoded: string): ScryptHash | undefined {
  const parts = encoded.split('$');
  if (parts.length === 3 && parts[0] === 'scrypt') {
    return withCost(LEGACY_SCRYPT.ln, LEGACY_SCRYPT.r, LEGACY_SCRYPT.p, bytes(parts[1], 8), bytes(parts[2], 16));
  }
  if (parts.length === 5 && parts[0] === '' && parts[1] === 'scrypt') {
    const m = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/.exec(parts[2]!);
    if (!m) return undefined;
    return withCost(Number(m[1]), Number(m[2]), Number(m[3]), bytes(parts[3], 8), bytes(parts[4], 16));
  }
  return undefined;
}

export function formatPasswordHash(h: ScryptHash): string {
  return `$scrypt$ln=${Math.log2(h.N)},r=${h.r},p=${h.p}$${h.salt.toString('base64')}$${h.hash.toString('base64')}`;
}

export const PASSWORD_HASH_FORMAT =
  '$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt-b64>$<hash-b64> (npm run hash-password), or scrypt$<salt-b64>$<hash-b64>';
