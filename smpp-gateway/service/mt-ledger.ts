import { receiptIdKeys } from '../codec/receipt.js';
import type { StateFile, StateRecord } from './state-file.js';

// Every MT the gateway submitted, by message id (idempotency) and by the carrier's ids (receipts).
// Parts are recorded one by one as each submit_sm_resp arrives, so a retry sends only the parts
// the carrier has not taken, and a receipt that comes after a restart still finds its message.

export type FinalState = 'DELIVERED' | 'FAILED';

export interface MtEntry {
  conversationId: string;
  messageId: string;
  ref: number;
  bindId: string;
  side: 'esme' | 'listener';
  /** The carrier's id of each part, once accepted. */
  parts: (string | undefined)[];
  states: (FinalState | undefined)[];
  /** When each part was accepted, so the file forgets what can no longer get a receipt. */
  acceptedAt: (number | undefined)[];
  detail?: string;
  /** The conversation has been told DELIVERED / FAILED. */
  done: boolean;
}

/** Entries whose outcome is known are kept this long for late activity retries. */
const KEEP_DONE_MS = 3600_000;
/** Past any carrier's validity period: a receipt that has not come by then will not come. */
const KEEP_OPEN_MS = 7 * 24 * 3600_000;

type Hit = { entry: MtEntry; index: number };

export class MtLedger {
  private readonly byMessage = new Map<string, MtEntry>();
  private readonly exact = new Map<string, Hit>();
  private readonly converted = new Map<string, Hit>();
  private readonly doneAt = new Map<string, number>();

  constructor(private readonly file: StateFile, records: StateRecord[], private readonly now = Date.now) {
    const finals = new Map<string, { st: FinalState; d?: string }>();
    for (const r of records) {
      if (r.k === 'part') {
        if (this.now() - r.at > KEEP_OPEN_MS) continue;
        const entry = this.byMessage.get(r.m) ?? this.start({ conversationId: r.c, messageId: r.m, ref: r.r, bindId: r.b, side: r.s, total: r.n });
        this.index(entry, r.i, r.id);
        entry.acceptedAt[r.i] = r.at;
      } else if (r.k === 'dlr') finals.set(r.id, { st: r.st, ...(r.d ? { d: r.d } : {}) });
      else if (r.k === 'done') this.doneAt.set(r.m, r.at);
    }
    for (const [id, f] of finals) {
      const hit = this.lookup(id);
      if (hit) this.setState(hit.entry, hit.index, f.st, f.d);
    }
    for (const [m, at] of this.doneAt) {
      const entry = this.byMessage.get(m);
      if (entry) entry.done = true;
      if (this.now() - at > KEEP_DONE_MS) this.forget(m);
    }
  }

  get(messageId: string): MtEntry | undefined {
    return this.byMessage.get(messageId);
  }

  start(e: { conversationId: string; messageId: string; ref: number; bindId: string; side: 'esme' | 'listener'; total: number }): MtEntry {
    const entry: MtEntry = {
      conversationId: e.conversationId, messageId: e.messageId, ref: e.ref, bindId: e.bindId, side: e.side,
      parts: new Array<string | undefined>(e.total).fill(undefined), states: new Array<FinalState | undefined>(e.total).fill(undefined),
      acceptedAt: new Array<number | undefined>(e.total).fill(undefined), done: false,
    };
    this.byMessage.set(e.messageId, entry);
    return entry;
  }

  /** Indexed at once (a receipt may follow the resp within milliseconds), then written down. */
  async accepted(entry: MtEntry, index: number, carrierId: string): Promise<void> {
    this.index(entry, index, carrierId);
    const at = this.now();
    entry.acceptedAt[index] = at;
    await this.file.append({
      k: 'part', m: entry.messageId, c: entry.conversationId, i: index, n: entry.parts.length, id: carrierId,
      r: entry.ref, b: entry.bindId, s: entry.side, at,
    });
  }

  /** Exact id first: "10" in hex is "16" in decimal, so a conversion is only a fallback. */
  lookup(carrierId: string): Hit | undefined {
    const keys = receiptIdKeys(carrierId);
    return this.exact.get(keys[0]!) ?? keys.map((k) => this.converted.get(k)).find((hit) => hit !== undefined);
  }

  /**
   * Records a part's final state; returns the message's outcome once it is known (any part
   * failed, or all delivered) and the conversation has not been told yet.
   */
  async receipt(entry: MtEntry, index: number, carrierId: string, state: FinalState, detail?: string): Promise<{ status: FinalState; detail?: string } | undefined> {
    if (entry.states[index] === undefined) {
      this.setState(entry, index, state, detail);
      await this.file.append({ k: 'dlr', id: carrierId, st: state, ...(detail ? { d: detail } : {}) });
    }
    if (entry.done) return undefined;
    if (entry.states.includes('FAILED')) return { status: 'FAILED', ...(entry.detail ? { detail: entry.detail } : {}) };
    if (entry.parts.every((p) => p !== undefined) && entry.states.every((s) => s === 'DELIVERED')) return { status: 'DELIVERED' };
    return undefined;
  }

  async finished(entry: MtEntry): Promise<void> {
    if (entry.done) return;
    entry.done = true;
    const at = this.now();
    this.doneAt.set(entry.messageId, at);
    await this.file.append({ k: 'done', m: entry.messageId, at });
    // Insertion order is age order: forget what is old enough that no retry can still come.
    for (const [m, t] of this.doneAt) {
      if (at - t <= KEEP_DONE_MS) break;
      this.forget(m);
    }
  }

  live(): StateRecord[] {
    const out: StateRecord[] = [];
    for (const e of this.byMessage.values()) {
      e.parts.forEach((id, i) => {
        if (id === undefined) return;
        out.push({ k: 'part', m: e.messageId, c: e.conversationId, i, n: e.parts.length, id, r: e.ref, b: e.bindId, s: e.side, at: e.acceptedAt[i] ?? this.now() });
        const st = e.states[i];
        if (st) out.push({ k: 'dlr', id, st, ...(st === 'FAILED' && e.detail ? { d: e.detail } : {}) });
      });
      const at = this.doneAt.get(e.messageId);
      if (at !== undefined) out.push({ k: 'done', m: e.messageId, at });
    }
    return out;
  }

  private index(entry: MtEntry, index: number, carrierId: string): void {
    entry.parts[index] = carrierId;
    const [canonical, ...others] = receiptIdKeys(carrierId);
    this.exact.set(canonical!, { entry, index });
    for (const k of others) this.converted.set(k, { entry, index });
  }

  private setState(entry: MtEntry, index: number, state: FinalState, detail?: string): void {
    entry.states[index] = state;
    if (state === 'FAILED' && detail && !entry.detail) entry.detail = detail;
  }

  private forget(messageId: string): void {
    const entry = this.byMessage.get(messageId);
    this.byMessage.delete(messageId);
    this.doneAt.delete(messageId);
    for (const id of entry?.parts ?? []) {
      if (id === undefined) continue;
      const [canonical, ...others] = receiptIdKeys(id);
      if (this.exact.get(canonical!)?.entry === entry) this.exact.delete(canonical!);
      for (const k of others) if (this.converted.get(k)?.entry === entry) this.converted.delete(k);
    }
  }
}
