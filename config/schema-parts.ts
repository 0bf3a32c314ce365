import { z } from 'zod';

// The pieces the configuration's sections share.

/** Ids in the configuration (queues, agents, binds, idle codes...): safe in ids, logs and URLs. */
export const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/i, 'letters, digits, - and _ only (max 63)');
export const seconds = z.number().int().nonnegative();

export const temporalTls = z.union([
  z.boolean(),
  z
    .object({
      serverName: z.string().optional(),
      serverRootCACertPath: z.string().optional(),
      clientCertPath: z.string().optional(),
      clientKeyPath: z.string().optional(),
    })
    .strict(),
]);

const base64Key = z.string().refine((k) => /^[A-Za-z0-9+/]+={0,2}$/.test(k) && Buffer.from(k, 'base64').length === 32, {
  message: '32 bytes, base64 (openssl rand -base64 32)',
});

/** Payload encryption (AES-256-GCM): the first key encrypts; every listed key decrypts (rotation). */
export const encryptionKey = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, . _ - (max 32)'),
    key: base64Key,
  })
  .strict();

/** Sign-in: the token's key and life, the login throttle, and the integrators' API keys. */
export const authSchema = z
  .object({
    jwtSecret: z.string().min(8, 'at least 8 characters'),
    tokenTtlSeconds: z
      .number()
      .int()
      .positive()
      .max(24 * 3600, 'at most 86400 (24 h)')
      .default(8 * 3600),
    /** Sign-in per (username, client address): free attempts, then a delay doubling per failure. */
    login: z
      .object({
        freeAttempts: z.number().int().min(1).max(100).default(5),
        /** Failed attempts from one address over every username before the delay applies to it. */
        perAddressFreeAttempts: z.number().int().min(1).max(10_000).default(100),
        baseDelaySeconds: z.number().positive().max(60).default(1),
        maxDelaySeconds: z
          .number()
          .positive()
          .max(24 * 3600)
          .default(900),
        /** Failures are forgotten this long after the last one. */
        windowSeconds: z
          .number()
          .int()
          .positive()
          .max(7 * 24 * 3600)
          .default(3600),
      })
      .strict()
      .default({}),
    apiKeys: z
      .array(z.object({ name: z.string().min(1), key: z.string().min(8, 'at least 8 characters') }).strict())
      .default([]),
  })
  .strict();
