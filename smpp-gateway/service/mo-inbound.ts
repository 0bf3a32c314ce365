import { groupKey, ReassemblyFullError, type CompletedMessage } from '../../platform/smpp-codec/reassembly.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../session/messages.js';
import { statusError } from './log.js';
import { MoAssembler } from './mo-assembler.js';
import { singlePartHash } from './mo-ledger.js';
import type { MoPartLedger } from './mo-parts.js';
import { checkLength, decodeMo, type MoSource } from './mo-decode.js';
import { MoSubmit, type MoSubmitDeps } from './mo-submit.js';

export type { MoSource } from './mo-decode.js';

interface MoInboundDeps extends MoSubmitDeps {
  /** Early-acked multipart parts (loaded with the state file). */
  parts: MoPartLedger;
}

const peerOf = (s: { side: string; bindId: string }): string => `${s.side}:${s.bindId}`;

/** MO to Temporal: decode, reassemble, route to a business number, submit, and only then ack. */
export class MoInbound {
  private readonly assembler: MoAssembler;
  private readonly submit: MoSubmit;
  /** Group key -> the route its parts came in on (bounded by the reassembly limits). */
  private readonly routes = new Map<string, MoSource>();
  constructor(private readonly deps: MoInboundDeps) {
    const { limits } = deps.config.smpp;
    this.submit = new MoSubmit(deps);
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
    const { from, to, ud, userMessageReference } = decodeMo(this.deps.config, this.deps.log, sm, source);
    if (!ud.concat || ud.concat.total === 1) {
      const hash = singlePartHash({ from, to, dataCoding: sm.dataCoding, bytes: ud.bytes, userMessageReference });
      return this.submit.deliver(
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

  private completed(m: CompletedMessage): Promise<string> {
    const source = this.routes.get(m.key) ?? { side: 'esme', bindId: '', gsmPacked: false, holdMs: 0 };
    this.routes.delete(m.key);
    try {
      checkLength(this.deps.config, this.deps.log, m.text, source);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.submit
      .deliver(
        m.identity,
        { from: m.source, to: m.destination, source },
        { text: m.text, segments: m.segments, incomplete: m.incomplete, receivedAt: m.firstReceivedAt },
      )
      .catch((error: unknown) => {
        this.routes.set(m.key, source); // its parts may be requeued and complete again
        throw error;
      });
  }
}
