import { createHash, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import type { SwitchboardConfig } from '../../config/schema.js';

// Agents' tokens are HS256 JWTs: subject = agent id, audience = the instance (a token of one
// deployment is worthless in another that shares the secret), expiry = auth.tokenTtlSeconds.

const ISSUER = 'switchboard';

export interface AgentToken {
  agentId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export class TokenService {
  private readonly secret: Uint8Array;
  private readonly keyDigests: { name: string; digest: Buffer }[];

  constructor(private readonly config: SwitchboardConfig) {
    this.secret = new TextEncoder().encode(config.auth.jwtSecret);
    this.keyDigests = config.auth.apiKeys.map((k) => ({ name: k.name, digest: sha256(k.key) }));
  }

  async issue(agentId: string, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
    const iat = Math.floor(now / 1000);
    const exp = iat + this.config.auth.tokenTtlSeconds;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(agentId)
      .setIssuer(ISSUER)
      .setAudience(this.config.temporal.instance)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { token, expiresAt: exp * 1000 };
  }

  /** The agent of a valid, unexpired token of this instance; undefined for anything else. */
  async verify(token: string): Promise<AgentToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'], issuer: ISSUER, audience: this.config.temporal.instance,
      });
      const agentId = payload.sub;
      if (!agentId || payload.exp === undefined) return undefined;
      if (!this.config.agents.some((a) => a.id === agentId)) return undefined; // removed from the configuration
      return { agentId, expiresAt: payload.exp * 1000 };
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
