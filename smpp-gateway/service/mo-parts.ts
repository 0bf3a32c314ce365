import { groupKey, type InboundPart } from '../../platform/smpp-codec/reassembly.js';
import type { EarlyAckStore } from './mo-assembler.js';
import type { MoPartRecord, StateFile, StateRecord } from './state-file.js';

// The multipart MO parts we acknowledged before their message reached Temporal (the carrier's
// response timeout forced the ack). From that ack on nobody else will resend them, so they are
// written down first, and forgotten only once their message was signalled.

export interface PartRoute {
  side: 'esme' | 'listener';
  bindId: string;
}

export class MoPartLedger implements EarlyAckStore {
  private readonly kept = new Map<string, Map<number, MoPartRecord>>();

  constructor(
    private readonly file: StateFile,
    private readonly routeOf: (key: string) => PartRoute | undefined,
  ) {}

  load(r: StateRecord): void {
    if (r.k === 'mop') {
      const group = this.kept.get(r.g) ?? new Map<number, MoPartRecord>();
      group.set(r.q, r);
      this.kept.set(r.g, group);
    } else if (r.k === 'mopd') this.kept.delete(r.g);
  }

  /** What was kept before a restart: the parts, with the route each came in on. */
  restored(): { part: InboundPart; route: PartRoute }[] {
    return [...this.kept.values()].flatMap((group) =>
      [...group.values()].map((r) => ({
        part: {
          peer: r.p,
          source: r.f,
          destination: r.t,
          ref: r.r,
          total: r.n,
          seq: r.q,
          dataCoding: r.dc,
          bytes: Buffer.from(r.x, 'hex'),
          receivedAt: r.at,
        },
        // The peer is "<side>:<bindId>" (routeKey), as MoInbound names it.
        route: { side: r.s, bindId: r.p.startsWith(`${r.s}:`) ? r.p.slice(r.s.length + 1) : r.p },
      })),
    );
  }

  keep(part: InboundPart): void {
    const key = groupKey(part);
    const route = this.routeOf(key) ?? { side: 'esme', bindId: part.peer ?? '' };
    const record: MoPartRecord = {
      k: 'mop',
      g: key,
      p: part.peer ?? `${route.side}:${route.bindId}`,
      s: route.side,
      f: part.source,
      t: part.destination,
      r: part.ref,
      n: part.total,
      q: part.seq,
      dc: part.dataCoding ?? 0,
      x: (part.bytes ?? Buffer.from(part.text ?? '', 'utf8')).toString('hex'),
      at: part.receivedAt,
    };
    const group = this.kept.get(key) ?? new Map<number, MoPartRecord>();
    group.set(part.seq, record);
    this.kept.set(key, group);
    this.file.append(record);
  }

  release(key: string): void {
    if (!this.kept.delete(key)) return;
    this.file.append({ k: 'mopd', g: key });
  }

  *live(): Iterable<StateRecord> {
    for (const group of this.kept.values()) yield* group.values();
  }
}
