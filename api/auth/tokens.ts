import { createHash, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { Revocations } from './revocations.js';

// Agents' tokens are HS256 JWTs: subject = agent id, audience = the instance (a token of one
// deployment is worthless in another that shares the secret), expiry = auth.tokenTtlSeconds (at
// most 24 h), and `iat_ms`, the issue time to the millisecond, which `logout` revokes up to.

const ISSUER = 'switchboard';

interface AgentToken {
  agentId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  issuedAt: number;
}

export class TokenService {
  private readonly secret: Uint8Array;
  private readonly keyDigests: { name: string; digest: Buffer }[];

  constructor(
    private readonly config: SwitchboardConfig,
    readonly revocations: Revocations,
  ) {
    this.secret = new TextEncoder().encode(config.auth.jwtSecret);
    this.keyDigests = config.auth.apiKeys.map((k) => ({ name: k.name, digest: sha256(k.key) }));
  }

  async issue(agentId: string, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
    const iat = Math.floor(now / 1000);
    const exp = iat + this.config.auth.tokenTtlSeconds;
    const token = await new SignJWT({ iat_ms: now })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(agentId)
      .setIssuer(ISSUER)
      .setAudience(this.config.temporal.instance)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { token, expiresAt: exp * 1000 };
  }

  /** The agent of a valid, unexpired, unrevoked token of this instance; undefined for anything else. */
  async verify(token: string): Promise<AgentToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: this.config.temporal.instance,
      });
      const agentId = payload.sub;
      if (!agentId || payload.exp === undefined) return undefined;
      if (!this.config.agents.some((a) => a.id === agentId)) return undefined; // removed from the configuration
      const issuedAt = typeof payload.iat_ms === 'number' ? payload.iat_ms : (payload.iat ?? 0) * 1000 + 999;
      if (issuedAt <= (await this.revocations.revokedUpTo(agentId))) return undefined;
      return { agentId, expiresAt: payload.exp * 1000, issuedAt };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return undefined;
      throw error;
    }
  }

  /** The integrator whose API key this is. Digests make the comparison constant-time. */
  integrator(candidate: string): string | undefined {
    const digest = sha256(candidate);
    let found: string | undefined;
    for (const k of this.keyDigests) if (timingSafeEqual(k.digest, digest)) found ??= k.name;
    return found;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
