import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { submitCustomerText } from '../../platform/temporal/inbound.js';
import { withTimeout } from '../../platform/with-timeout.js';
import type { InboundMessage } from '../../workflows/domain/types.js';
import { classifyKeyword, type Keyword } from '../../workflows/domain/keywords.js';
import { normaliseAddress } from '../../platform/smpp-codec/numbers.js';
import { groupKey, ReassemblyFullError, type CompletedMessage } from '../../platform/smpp-codec/reassembly.js';
import { decodeUserData } from '../../platform/smpp-codec/user-data.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../session/messages.js';
import type { Limiter } from './limiter.js';
import { statusError, type GatewayLog } from './log.js';
import { MoAssembler } from './mo-assembler.js';
import { singlePartHash, type MoLedger } from './mo-ledger.js';
import type { MoPartLedger } from './mo-parts.js';
import { inScope, type AccountScope } from './mo-scope.js';

/** Where an MO came in: an outbound bind (deliver_sm) or a peer bound to our listener (submit_sm). */
export interface MoSource {
  side: 'esme' | 'listener';
  /** The bind id, or the listener peer's system_id. */
  bindId: string;
  gsmPacked: boolean;
  /** How long a part's response may be held (below the carrier's response timeout). */
  holdMs: number;
  /** A listener account's scoping: what it may submit for. */
  scope?: AccountScope;
}

interface MoInboundDeps {
  config: SwitchboardConfig;
  client: Client;
  ledger: MoLedger;
  /** Early-acked multipart parts (loaded with the state file). */
  parts: MoPartLedger;
  log: GatewayLog;
  /** Bound on one signalWithStart; past it the carrier is told to try again. */
  signalTimeoutMs: number;
  /** Bounds concurrent calls to Temporal (smpp.limits.maxConcurrentSignals). */
  limiter: Limiter;
  /** The automatic HELP answer, sent once Temporal has the message. */
  answerHelp(source: MoSource, business: string, customer: string): void;
}

const ESME_RINVSRCADR = 0x0a; // not in the session's typed STATUS subset
const ESME_RINVMSGLEN = 0x01;

interface Routed {
  from: string;
  to: string;
  source: MoSource;
}
const peerOf = (s: { side: string; bindId: string }): string => `${s.side}:${s.bindId}`;
const chars = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** MO to Temporal: decode, reassemble, route to a business number, signal, and only then ack. */
export class MoInbound {
  private readonly assembler: MoAssembler;
  /** Group key -> the route its parts came in on (bounded by the reassembly limits). */
  private readonly routes = new Map<string, MoSource>();
  constructor(private readonly deps: MoInboundDeps) {
    const { limits } = deps.config.smpp;
    this.assembler = new MoAssembler(
      deps.config.smpp.reassemblyTimeoutSeconds * 1000,
      (m) => this.completed(m),
      deps.parts,
      (p) =>
        deps.log('warn', 'part acked before its message was complete (carrier response timeout); kept until it is', {
          ref: p.ref,
          seq: p.seq,
          total: p.total,
        }),
      {
        maxGroupsPerPeer: limits.maxOpenMultipartPerPeer,
        maxGroups: limits.maxOpenMultipart,
        maxBytes: limits.maxMultipartBytes,
      },
    );
  }

  /** After the state file was read: early-acked parts from before a restart go back in. */
  restore(): void {
    const restored = this.deps.parts.restored();
    for (const { part, route } of restored) this.routes.set(groupKey(part), { ...route, gsmPacked: false, holdMs: 0 });
    this.assembler.restore(restored.map((r) => r.part));
    if (restored.length > 0) this.deps.log('info', 'early-acked MO parts restored', { parts: restored.length });
  }

  /** The route a multipart group's parts came in on. */
  routeOf(key: string): MoSource | undefined {
    return this.routes.get(key);
  }

  /** Resolves with the message id (ack), or rejects with a `status` for the response. */
  async handle(sm: ShortMessage, source: MoSource): Promise<string | undefined> {
    const from = this.address(sm.source, ESME_RINVSRCADR, 'source');
    const to = this.address(sm.destination, STATUS.ESME_RINVDSTADR, 'destination');
    if (!this.deps.config.numbers.some((n) => n.number === to)) {
      this.deps.log('warn', 'MO to an unknown business number refused', { to, bind: source.bindId });
      throw statusError(STATUS.ESME_RINVDSTADR, `no business number ${to}`);
    }
    const refused = inScope(source.scope, from, to);
    if (refused) {
      this.deps.log('warn', "MO outside the account's scope refused", { bind: source.bindId, which: refused });
      throw statusError(
        refused === 'source' ? ESME_RINVSRCADR : STATUS.ESME_RINVDSTADR,
        `not this account's ${refused}`,
      );
    }
    const num = (key: string): number | undefined =>
      typeof sm.pdu[key] === 'number' ? (sm.pdu[key] as number) : undefined;
    const ud = decodeUserData(
      {
        esmClass: sm.esmClass,
        dataCoding: sm.dataCoding,
        shortMessage: sm.shortMessage,
        ...(sm.messagePayload ? { messagePayload: sm.messagePayload } : {}),
        ...optional('sar_msg_ref_num', num('sar_msg_ref_num')),
        ...optional('sar_total_segments', num('sar_total_segments')),
        ...optional('sar_segment_seqnum', num('sar_segment_seqnum')),
      },
      { gsmPacked: source.gsmPacked },
    );
    this.capped(ud.text, source);
    if (!ud.concat || ud.concat.total === 1) {
      const hash = singlePartHash({
        from,
        to,
        dataCoding: sm.dataCoding,
        bytes: ud.bytes,
        userMessageReference: num('user_message_reference'),
      });
      return this.deliver(
        hash,
        { from, to, source },
        { text: ud.text, segments: 1, incomplete: false, receivedAt: Date.now() },
      );
    }
    const part = {
      peer: peerOf(source),
      source: from,
      destination: to,
      ref: ud.concat.ref,
      total: ud.concat.total,
      seq: ud.concat.seq,
      bytes: ud.bytes,
      dataCoding: ud.dataCoding,
      receivedAt: Date.now(),
    };
    // Set first: a last part completes its group synchronously, and the message needs its route.
    const key = groupKey(part);
    const known = this.routes.has(key);
    this.routes.set(key, source);
    try {
      return await this.assembler.add(part, source.holdMs);
    } catch (error) {
      if (!(error instanceof ReassemblyFullError)) throw error;
      if (!known) this.routes.delete(key);
      this.deps.log('warn', 'multipart MO refused: reassembly full', { bind: source.bindId, why: error.message });
      throw statusError(STATUS.ESME_RMSGQFUL, error.message);
    }
  }

  close(): void {
    this.assembler.close(statusError(STATUS.ESME_RX_T_APPN, 'gateway stopping'));
  }

  private capped(text: string, source: MoSource): void {
    const max = this.deps.config.smpp.limits.maxMessageChars;
    if (text.length <= max || chars(text) <= max) return;
    this.deps.log('warn', 'MO refused: text over smpp.limits.maxMessageChars', { bind: source.bindId, max });
    throw statusError(ESME_RINVMSGLEN, `message over ${max} characters`);
  }

  private completed(m: CompletedMessage): Promise<string> {
    const source = this.routes.get(m.key) ?? { side: 'esme', bindId: '', gsmPacked: false, holdMs: 0 };
    this.routes.delete(m.key);
    try {
      this.capped(m.text, source);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.deliver(
      m.identity,
      { from: m.source, to: m.destination, source },
      {
        text: m.text,
        segments: m.segments,
        incomplete: m.incomplete,
        receivedAt: m.firstReceivedAt,
      },
    ).catch((error: unknown) => {
      this.routes.set(m.key, source); // its parts may be requeued and complete again
      throw error;
    });
  }

  private async deliver(
    hash: string,
    r: Routed,
    m: { text: string; segments: number; incomplete: boolean; receivedAt: number },
  ): Promise<string> {
    const { id, redelivery } = this.deps.ledger.begin(hash);
    // A fragment is not a keyword: "STOP" could be the start of "STOP sending me ads, I want...".
    const keyword: Keyword | null = m.incomplete ? null : classifyKeyword(m.text);
    const message: InboundMessage = {
      id,
      text: m.text,
      receivedAt: new Date(m.receivedAt).toISOString(),
      segments: m.segments,
      ...(m.incomplete ? { incomplete: true } : {}),
      ...(keyword ? { keyword } : {}),
      ingress: {
        bindId: r.source.bindId,
        side: r.source.side,
        ...(this.deps.config.smpp.gatewayId ? { gateway: this.deps.config.smpp.gatewayId } : {}),
      },
    };
    const deadline = Date.now() + this.deps.signalTimeoutMs;
    try {
      await this.deps.limiter.run(this.deps.signalTimeoutMs, () =>
        withTimeout(
          this.deps.client.withDeadline(deadline, () =>
            submitCustomerText(this.deps.client, this.deps.config, { from: r.from, to: r.to, message }),
          ),
          deadline - Date.now(),
        ),
      );
    } catch (error) {
      this.deps.log('warn', 'Temporal did not take the MO; the carrier will retry', {
        id,
        redelivery,
        error: (error as Error).message,
      });
      throw statusError(STATUS.ESME_RX_T_APPN, 'Temporal unavailable');
    }
    this.deps.ledger.acked(hash, id);
    if (keyword === 'HELP') this.deps.answerHelp(r.source, r.to, r.from);
    return id;
  }

  private address(a: { addr: string; ton: number; npi: number }, status: number, which: string): string {
    try {
      return normaliseAddress(a.addr, a.ton, a.npi);
    } catch (error) {
      this.deps.log('warn', `MO with a bad ${which} address refused`, { ton: a.ton, error: (error as Error).message });
      throw statusError(status, `bad ${which} address`);
    }
  }
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
