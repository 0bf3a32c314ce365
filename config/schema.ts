import { z } from 'zod';
import { isBusinessNumber } from '../workflows/domain/phone-numbers.js';
import { PASSWORD_HASH_FORMAT, parsePasswordHash } from './password-hash.js';
import { authSchema, encryptionKey, id, seconds, temporalTls } from './schema-parts.js';
import { smppSchema } from './smpp-schema.js';

export { listenSchema } from './smpp-schema.js';

// The keys of ../shared/contract/config.example.yaml are the contract; everything else here is an
// addition with a default. Objects are strict so that a misspelt key is an error, not a silent no-op.

export const configSchema = z
  .object({
    /** The demo (config/demo.yaml): shipped secrets, plain passwords and the simulator allowed, loopback only. */
    demo: z.boolean().default(false),
    temporal: z
      .object({
        address: z.string().default('embedded'),
        namespace: z.string().default('default'),
        dataDir: z.string().default('.switchboard'),
        taskQueue: z.string().default('switchboard'),
        /** Prefix of every workflow id and the SbInstance search attribute. */
        instance: id.default('sb'),
        /** Embedded server only. */
        port: z.number().int().min(1).max(65535).default(7233),
        uiPort: z.number().int().min(0).max(65535).default(8233),
        /** Entity workflows continue as new past this many history events (replays stay cheap). */
        historyLimit: z.number().int().min(20).max(50_000).default(5000),
        tls: temporalTls.optional(),
        apiKey: z.string().optional(),
        encryptionKeys: z.array(encryptionKey).min(1).optional(),
        /** HMAC key for customer numbers in workflow ids and search attributes; needed with encryptionKeys. */
        idHashKey: z.string().min(32, 'at least 32 characters').optional(),
      })
      .strict()
      .default({}),
    api: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(4000),
        /** Behind a reverse proxy: the header it sets to the client's address (its last entry is used). */
        trustedProxyHeader: z
          .string()
          .regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name')
          .optional(),
        /** Open subscriptions one caller (agent, integrator or address) may hold at once. */
        maxSubscriptionsPerCaller: z.number().int().min(1).max(1000).default(32),
        /** Origins (the Temporal UI's) allowed to call the codec endpoints from a browser. */
        codecCorsOrigins: z.array(z.string().url()).default([]),
      })
      .strict()
      .default({}),
    web: z
      .object({ port: z.number().int().min(0).max(65535).default(3000) })
      .strict()
      .default({}),
    auth: authSchema,
    redis: z.object({ url: z.string().url() }).strict().optional(),
    queues: z
      .array(
        z
          .object({
            id,
            name: z.string().min(1),
            ronaTimeoutSeconds: z.number().positive().default(30),
          })
          .strict(),
      )
      .min(1),
    agents: z
      .array(
        z
          .object({
            id,
            name: z.string().min(1),
            username: z.string().min(1),
            password: z.string().min(1).optional(),
            passwordHash: z
              .string()
              .refine((h) => parsePasswordHash(h) !== undefined, {
                message: `malformed; expected ${PASSWORD_HASH_FORMAT}`,
              })
              .optional(),
            queues: z.array(id).min(1),
            capacity: z.number().int().min(1).max(50).default(5),
          })
          .strict()
          .refine((a) => (a.password === undefined) !== (a.passwordHash === undefined), {
            message: 'exactly one of password and passwordHash',
          }),
      )
      .min(1),
    numbers: z
      .array(
        z
          .object({
            number: z.string().refine(isBusinessNumber, 'E.164 (+15551230000) or a 3-8 digit short code'),
            type: z.enum(['LONGCODE', 'SHORTCODE', 'TOLL_FREE']),
            queue: id,
            /** The bind an MT for this number leaves on when the conversation did not come in on one. */
            bind: id.optional(),
          })
          .strict(),
      )
      .min(1),
    idleCodes: z.array(z.object({ id, name: z.string().min(1) }).strict()).min(1),
    wrapUp: z
      .object({
        reasons: z.array(z.object({ id, name: z.string().min(1) }).strict()).min(1),
        autoWrapUpSeconds: seconds.default(0),
        defaultReasonId: id,
      })
      .strict(),
    smpp: smppSchema,
  })
  .strict();

export type SwitchboardConfig = z.infer<typeof configSchema>;
export type AgentConfig = SwitchboardConfig['agents'][number];
export type NumberConfig = SwitchboardConfig['numbers'][number];
export type BindConfig = SwitchboardConfig['smpp']['binds'][number];
