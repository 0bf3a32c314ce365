import type { CustomerPhone } from '../../workflows/contract/customer-phone.js';
import type { TokenService } from './tokens.js';
import { forbidden, unauthenticated } from './errors.js';

/** Who is calling: resolved once per request (or per subscription) from `Authorization`. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'agent'; agentId: string; expiresAt: number; issuedAt: number }
  | { kind: 'integrator'; name: string };

/**
 * `Authorization: Bearer <token or API key>`. No header is anonymous (only login and the demo
 * phone accept that); a header that is present but wrong, or expired, fails the whole request.
 */
export async function resolveCaller(header: string | null | undefined, tokens: TokenService): Promise<Caller> {
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  const credential = match[1];
  const integrator = tokens.integrator(credential);
  if (integrator) return { kind: 'integrator', name: integrator };
  const agent = await tokens.verify(credential);
  if (!agent) throw unauthenticated('The token is invalid or has expired; log in again.');
  return { kind: 'agent', agentId: agent.agentId, expiresAt: agent.expiresAt, issuedAt: agent.issuedAt };
}

// The checks take the caller, not the whole context: auth depends on nothing of the API above it.

/** The calling agent's id; integrators have no desk to act from. */
export function requireAgent(c: Caller): string {
  if (c.kind === 'agent') {
    if (Date.now() >= c.expiresAt) throw unauthenticated('The token has expired; log in again.');
    return c.agentId;
  }
  if (c.kind === 'integrator') throw forbidden('Only an agent can do this.');
  throw unauthenticated();
}

export function requireIntegrator(c: Caller): void {
  if (c.kind === 'integrator') return;
  if (c.kind === 'agent') throw forbidden('An integrator API key is needed for this.');
  throw unauthenticated('An integrator API key is needed: Authorization: Bearer <key>.');
}

/** Any authenticated caller, agent or integrator. */
export function requireCaller(c: Caller): Exclude<Caller, { kind: 'anonymous' }> {
  if (c.kind === 'anonymous') throw unauthenticated();
  if (c.kind === 'agent') requireAgent(c);
  return c;
}

/** The demo phone: open to anyone while the carrier simulator is on (a phone is injected). */
export function requirePhoneAccess(phone: CustomerPhone | undefined): CustomerPhone {
  if (!phone) throw forbidden('The demo customer phone is not enabled (a demo with smpp.simulator.enabled).');
  return phone;
}

/**
 * The client's address for sign-in limits: the socket's peer, or, behind a reverse proxy named by
 * api.trustedProxyHeader, the last entry of that header (the one the proxy itself wrote).
 */
export function clientAddress(
  headers: Headers,
  socketAddress: string | undefined,
  trustedHeader: string | undefined,
): string {
  if (trustedHeader) {
    const last = headers.get(trustedHeader)?.split(',').at(-1)?.trim();
    if (last && last.length <= 64) return last;
  }
  return socketAddress ?? 'local';
}
