import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

// Who may bind to the listener. Unknown system_id, wrong password and a disallowed address all
// get the same answer (ESME_RBINDFAIL), so a prober learns nothing about which accounts exist;
// passwords are compared in constant time (over digests, so lengths do not show either).

export interface ListenerAccount {
  systemId: string;
  password: string;
  sourcePrefixes?: string[] | undefined;
  numbers?: string[] | undefined;
  allowedAddresses?: string[] | undefined;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one peer. */
export function normaliseIp(address: string | undefined): string {
  const a = address ?? '';
  return a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => ((n << 8) | Number(p)) >>> 0, 0);
}

/** An exact address, or an IPv4 CIDR block. */
export function addressAllowed(address: string, allowed: readonly string[]): boolean {
  const ip = normaliseIp(address);
  return allowed.some((rule) => {
    const [base, bits] = rule.split('/');
    if (bits === undefined) return normaliseIp(base) === ip;
    const b = ipv4ToInt(base ?? '');
    const a = ipv4ToInt(ip);
    const n = Number(bits);
    if (b === undefined || a === undefined || !Number.isInteger(n) || n < 0 || n > 32) return false;
    const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
    return (a & mask) >>> 0 === (b & mask) >>> 0;
  });
}

/** The account a bind authenticates as, or undefined (the caller answers ESME_RBINDFAIL). */
export function authenticate(
  accounts: readonly ListenerAccount[],
  systemId: string,
  password: string,
  address: string,
): ListenerAccount | undefined {
  let found: ListenerAccount | undefined;
  // Every account is compared, so the time taken does not depend on which system_id matched.
  for (const account of accounts) {
    const idOk = constantTimeEqual(account.systemId, systemId);
    const passwordOk = constantTimeEqual(account.password, password);
    if (idOk && passwordOk && !found) found = account;
  }
  if (found?.allowedAddresses && !addressAllowed(address, found.allowedAddresses)) return undefined;
  return found;
}
