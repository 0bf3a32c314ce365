import { z } from 'zod';
import { isBusinessNumber, isNumberPrefix } from '../workflows/domain/phone-numbers.js';
import { PASSWORD_HASH_FORMAT, parsePasswordHash } from './password-hash.js';

// The keys of ../shared/contract/config.example.yaml are the contract; everything else here is an
// addition with a default. Objects are strict so that a misspelt key is an error, not a silent no-op.
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/i, 'letters, digits, - and _ only (max 63)');
const seconds = z.number().int().nonnegative();

const temporalTls = z.union([
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

const bind = z
  .object({
    id,
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    // SMPP 3.4 C-Octet String limits (5.2.1, 5.2.2, 5.2.3), without the terminating NUL.
    systemId: z.string().min(1).max(15, 'system_id is at most 15 characters (SMPP 3.4)'),
    password: z.string().max(8, 'password is at most 8 characters (SMPP 3.4)'),
    systemType: z.string().max(12, 'system_type is at most 12 characters (SMPP 3.4)').default(''),
    bindType: z.enum(['transceiver', 'transmitter+receiver']).default('transceiver'),
    enquireLinkSeconds: z.number().positive().default(30),
    responseTimeoutSeconds: z.number().positive().default(10),
    windowSize: z.number().int().min(1).max(1000).default(10),
    maxSubmitsPerSecond: z.number().positive().default(50),
    segmentation: z.enum(['udh8', 'udh16', 'sar', 'payload']).default('udh8'),
    gsmPacked: z.boolean().default(false),
    /** Requests from the carrier awaiting our response at once; beyond it ESME_RTHROTTLED (64). */
    inboundWindow: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

const base64Key = z.string().refine((k) => /^[A-Za-z0-9+/]+={0,2}$/.test(k) && Buffer.from(k, 'base64').length === 32, {
  message: '32 bytes, base64 (openssl rand -base64 32)',
});

/** Payload encryption (AES-256-GCM): the first key encrypts; every listed key decrypts (rotation). */
const encryptionKey = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, . _ - (max 32)'),
    key: base64Key,
  })
  .strict();

const account = z
  .object({
    systemId: z.string().min(1).max(15, 'system_id is at most 15 characters (SMPP 3.4)'),
    // Empty would let anyone who knows the system_id bind.
    password: z
      .string()
      .min(1, 'an empty password lets anyone bind')
      .max(8, 'password is at most 8 characters (SMPP 3.4)'),
    /** Scoping (each optional, unrestricted when absent): customer number prefixes (E.164, "+1555"). */
    sourcePrefixes: z.array(z.string().refine(isNumberPrefix, 'digits, optionally after +')).min(1).optional(),
    /** The business numbers (numbers[].number) this account may submit for. */
    numbers: z.array(z.string().min(1)).min(1).optional(),
    /** Peer addresses it may bind from: IPv4/IPv6 addresses, or IPv4 CIDR blocks ("10.0.0.0/8"). */
    allowedAddresses: z.array(z.string().min(2)).min(1).optional(),
  })
  .strict();

// Caps on what any one peer can make the gateway hold (issue 10). Defaults suit a contact
// center's traffic with headroom; each names what a peer gets beyond it.
const smppLimits = z
  .object({
    /** Largest command_length accepted; larger is a framing error (socket destroyed). */
    maxCommandLength: z
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(64 * 1024),
    /** An MO's text after reassembly or message_payload; longer is refused ESME_RINVMSGLEN. */
    maxMessageChars: z.number().int().min(160).max(1_000_000).default(10_000),
    /** Open multipart groups per peer (bind or listener account) and in total: ESME_RMSGQFUL beyond. */
    maxOpenMultipartPerPeer: z.number().int().min(1).default(200),
    maxOpenMultipart: z.number().int().min(1).default(5_000),
    /** Octets held by open multipart groups, in total: ESME_RMSGQFUL beyond. */
    maxMultipartBytes: z
      .number()
      .int()
      .min(1024)
      .default(16 * 1024 * 1024),
    /** signalWithStart calls in flight at once; more wait (within the signal timeout). */
    maxConcurrentSignals: z.number().int().min(1).max(10_000).default(64),
  })
  .strict();

/** The SMSC side (`smpp.listen`): carriers and aggregators bind to Switchboard. */
export const listenSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535),
    accounts: z.array(account).min(1),
    maxConnections: z.number().int().min(1).default(200),
    maxConnectionsPerAddress: z.number().int().min(1).default(10),
    /** A connection that has not bound by then is closed. */
    bindTimeoutSeconds: z.number().positive().default(10),
    /** A failed bind delays the next bind from that address: this long, doubling up to the max. */
    failedBindDelaySeconds: z.number().positive().default(1),
    failedBindMaxDelaySeconds: z.number().positive().default(60),
    /** enquire_link to bound peers; two unanswered ones drop the peer. */
    enquireLinkSeconds: z.number().positive().default(30),
    responseTimeoutSeconds: z.number().positive().default(10),
    windowSize: z.number().int().min(1).max(1000).default(10),
    inboundWindow: z.number().int().min(1).max(10_000).default(64),
  })
  .strict();

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
    auth: z
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
      .strict(),
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
    smpp: z
      .object({
        binds: z.array(bind).default([]),
        listen: listenSchema.optional(),
        simulator: z
          .object({
            enabled: z.boolean().default(false),
            port: z.number().int().min(0).max(65535).default(2775),
            receiptDelayMs: z.number().int().nonnegative().default(200),
          })
          .strict()
          .default({}),
        reassemblyTimeoutSeconds: z.number().positive().default(60),
        limits: smppLimits.default({}),
        /**
         * This gateway process's name when several run (one per set of binds): it polls
         * `<taskQueue>-sms-<gatewayId>` and replies to conversations that came in on it go there.
         * Unset: the single shared `<taskQueue>-sms` queue.
         */
        gatewayId: id.optional(),
        helpText: z.string().max(1000).default('Reply STOP to opt out, START to opt back in.'),
      })
      .strict()
      .default({}),
  })
  .strict();

export type SwitchboardConfig = z.infer<typeof configSchema>;
export type AgentConfig = SwitchboardConfig['agents'][number];
export type NumberConfig = SwitchboardConfig['numbers'][number];
export type BindConfig = SwitchboardConfig['smpp']['binds'][number];
