import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { submitCustomerText } from '../../worker/temporal/inbound.js';
import type { InboundMessage, Keyword } from '../../workflows/domain/types.js';
import { classifyKeyword } from '../codec/keywords.js';
import { normaliseAddress } from '../codec/numbers.js';
import type { CompletedMessage } from '../codec/reassembly.js';
import { decodeUserData } from '../codec/user-data.js';
import { STATUS } from '../session/errors.js';
import type { ShortMessage } from '../session/messages.js';
import { statusError, type GatewayLog } from './log.js';
import { MoAssembler } from './mo-assembler.js';
import { singlePartHash, type MoLedger } from './mo-ledger.js';

/** Where an MO came in: an outbound bind (deliver_sm) or a peer bound to our listener (submit_sm). */
export interface MoSource {
  side: 'esme' | 'listener';
  /** The bind id, or the listener peer's system_id. */
  bindId: string;
  gsmPacked: boolean;
  /** How long a part's response may be held (below the carrier's response timeout). */
  holdMs: number;
}

export interface MoInboundDeps {
  config: SwitchboardConfig;
  client: Client;
  ledger: MoLedger;
  log: GatewayLog;
  /** Bound on one signalWithStart; past it the carrier is told to try again. */
  signalTimeoutMs: number;
  /** The automatic HELP answer, sent once Temporal has the message. */
  answerHelp(source: MoSource, business: string, customer: string): void;
}

const ESME_RINVSRCADR = 0x0a; // not in the session's typed STATUS subset

interface Routed { from: string; to: string; source: MoSource }

/** MO to Temporal: decode, reassemble, route to a business number, signal, and only then ack. */
export class MoInbound {
  private readonly assembler: MoAssembler;
  private readonly routes = new Map<string, MoSource>();

  constructor(private readonly deps: MoInboundDeps) {
    this.assembler = new MoAssembler(
      deps.config.smpp.reassemblyTimeoutSeconds * 1000,
      (m) => this.deliver(m.identity, { from: m.source, to: m.destination, source: this.sourceOf(m) }, {
        text: m.text, segments: m.segments, incomplete: m.incomplete, receivedAt: m.firstReceivedAt,
      }),
      (p) => deps.log('warn', 'part acked before its message was complete (carrier response timeout)', { from: p.source, to: p.destination, ref: p.ref, seq: p.seq }),
    );
  }

  /** Resolves with the message id (ack), or rejects with a `status` for the response. */
  async handle(sm: ShortMessage, source: MoSource): Promise<string | undefined> {
    const from = this.address(sm.source, ESME_RINVSRCADR, 'source');
    const to = this.address(sm.destination, STATUS.ESME_RINVDSTADR, 'destination');
    if (!this.deps.config.numbers.some((n) => n.number === to)) {
      this.deps.log('warn', 'MO to an unknown business number refused', { to, bind: source.bindId });
      throw statusError(STATUS.ESME_RINVDSTADR, `no business number ${to}`);
    }
    const num = (key: string): number | undefined => (typeof sm.pdu[key] === 'number' ? (sm.pdu[key] as number) : undefined);
    const ud = decodeUserData({
      esmClass: sm.esmClass, dataCoding: sm.dataCoding, shortMessage: sm.shortMessage,
      ...(sm.messagePayload ? { messagePayload: sm.messagePayload } : {}),
      ...optional('sar_msg_ref_num', num('sar_msg_ref_num')),
      ...optional('sar_total_segments', num('sar_total_segments')),
      ...optional('sar_segment_seqnum', num('sar_segment_seqnum')),
    }, { gsmPacked: source.gsmPacked });
    if (!ud.concat || ud.concat.total === 1) {
      const hash = singlePartHash({ from, to, dataCoding: sm.dataCoding, bytes: ud.bytes, userMessageReference: num('user_message_reference') });
      return this.deliver(hash, { from, to, source }, { text: ud.text, segments: 1, incomplete: false, receivedAt: Date.now() });
    }
    this.routes.set(JSON.stringify([from, to, ud.concat.ref, ud.concat.total]), source);
    return this.assembler.add({
      source: from, destination: to, ref: ud.concat.ref, total: ud.concat.total, seq: ud.concat.seq,
      bytes: ud.bytes, dataCoding: ud.dataCoding, receivedAt: Date.now(),
    }, source.holdMs);
  }

  close(): void {
    this.assembler.close(statusError(STATUS.ESME_RX_T_APPN, 'gateway stopping'));
  }

  private sourceOf(m: CompletedMessage): MoSource {
    const key = JSON.stringify([m.source, m.destination, m.ref, m.segments]);
    const source = this.routes.get(key);
    this.routes.delete(key);
    return source ?? { side: 'esme', bindId: '', gsmPacked: false, holdMs: 0 };
  }

  private async deliver(hash: string, r: Routed, m: { text: string; segments: number; incomplete: boolean; receivedAt: number }): Promise<string> {
    const { id, redelivery } = await this.deps.ledger.begin(hash);
    // A fragment is not a keyword: "STOP" could be the start of "STOP sending me ads, I want...".
    const keyword: Keyword | null = m.incomplete ? null : classifyKeyword(m.text);
    const message: InboundMessage = {
      id, text: m.text, receivedAt: new Date(m.receivedAt).toISOString(), segments: m.segments,
      ...(m.incomplete ? { incomplete: true } : {}), ...(keyword ? { keyword } : {}),
      ingress: { bindId: r.source.bindId, side: r.source.side },
    };
    try {
      await withTimeout(this.deps.signalTimeoutMs, this.deps.client.withDeadline(Date.now() + this.deps.signalTimeoutMs, () =>
        submitCustomerText(this.deps.client, this.deps.config, { from: r.from, to: r.to, message })));
    } catch (error) {
      this.deps.log('warn', 'Temporal did not take the MO; the carrier will retry', { id, redelivery, error: (error as Error).message });
      throw statusError(STATUS.ESME_RX_T_APPN, 'Temporal unavailable');
    }
    await this.deps.ledger.acked(hash, id);
    if (keyword === 'HELP') this.deps.answerHelp(r.source, r.to, r.from);
    return id;
  }

  private address(a: { addr: string; ton: number; npi: number }, status: number, which: string): string {
    try {
      return normaliseAddress(a.addr, a.ton, a.npi);
    } catch (error) {
      this.deps.log('warn', `MO with a bad ${which} address refused`, { addr: a.addr, ton: a.ton, error: (error as Error).message });
      throw statusError(status, `bad ${which} address`);
    }
  }
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

function withTimeout<T>(ms: number, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}
