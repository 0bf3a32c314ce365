import { z } from 'zod';
import { isNumberPrefix } from '../workflows/domain/phone-numbers.js';
import { id } from './schema-parts.js';

// The SMPP parts of the configuration: the binds Switchboard makes (`smpp.binds`), the SMSC side it
// listens on (`smpp.listen`) and the caps on what a peer can make the gateway hold.

export const bindSchema = z
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
export const smppLimitsSchema = z
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

export const smppSchema = z
  .object({
    binds: z.array(bindSchema).default([]),
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
    limits: smppLimitsSchema.default({}),
    /**
     * This gateway process's name when several run (one per set of binds): it polls
     * `<taskQueue>-sms-<gatewayId>` and replies to conversations that came in on it go there.
     * Unset: the single shared `<taskQueue>-sms` queue.
     */
    gatewayId: id.optional(),
    helpText: z.string().max(1000).default('Reply STOP to opt out, START to opt back in.'),
  })
  .strict()
  .default({});
