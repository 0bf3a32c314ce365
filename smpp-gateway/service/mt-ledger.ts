import { routeKey, type FinalState, type MtEntry } from './mt-entry.js';
import { MtIndex } from './mt-index.js';

export { routeKey, type MtEntry, type Side } from './mt-entry.js';
import type { StateFile, StateRecord } from './state-file.js';

// Every MT the gateway submitted, by message id (idempotency) and by (bind, carrier id) for
// receipts: a receipt settles only an MT sent on the bind it came in on, so ids that two carriers
// both issue never collide and the hex/decimal fallback stays within the bind. Before a submit_sm
// is written its intent is recorded; the part is recorded as its response arrives. An intent
// without a result after a restart is a part that may have reached the handset: never resent.

/** Entries whose outcome is known are kept this long for late activity retries. */
const KEEP_DONE_MS = 3600_000;
/** Past any carrier's validity period: a receipt that has not come by then will not come. */
const KEEP_OPEN_MS = 7 * 24 * 3600_000;

export class MtLedger extends MtIndex {
  private readonly finals: { b: string | undefined; id: string; st: FinalState; d?: string }[] = [];

  constructor(
    private readonly file: StateFile,
    now = Date.now,
  ) {
    super(now);
  }

  /** One record read back from the state file, in file order. */
  load(r: StateRecord): void {
    if (r.k === 'part' || r.k === 'try') {
      if (this.now() - r.at > KEEP_OPEN_MS) return;
      const entry =
        this.byMessage.get(r.m) ??
        this.start({ conversationId: r.c, messageId: r.m, ref: r.r, bindId: r.b, side: r.s, total: r.n, at: r.at });
      if (r.i >= entry.parts.length) return;
      if (r.k === 'try') return void (entry.parts[r.i] === undefined && entry.intents.add(r.i));
      entry.intents.delete(r.i);
      this.index(entry, r.i, r.id);
      entry.acceptedAt[r.i] = r.at;
    } else if (r.k === 'tryx') this.byMessage.get(r.m)?.intents.delete(r.i);
    else if (r.k === 'dlr') this.finals.push({ b: r.b, id: r.id, st: r.st, ...(r.d ? { d: r.d } : {}) });
    else if (r.k === 'done') this.doneAt.set(r.m, r.at);
  }

  /** After the last record: receipts applied, unanswered intents made unconfirmed, old entries forgotten. */
  loaded(): void {
    const legacy = this.finals.some((f) => f.b === undefined) ? this.byIdAcrossBinds() : undefined;
    for (const f of this.finals.splice(0)) {
      const hit = f.b === undefined ? legacy!.get(f.id) : this.lookup(f.b, f.id);
      if (hit) this.setState(hit.entry, hit.index, f.st, f.d);
    }
    for (const entry of this.byMessage.values()) {
      for (const i of entry.intents) entry.unconfirmed.add(i);
      entry.intents.clear();
    }
    for (const [m, at] of this.doneAt) {
      const entry = this.byMessage.get(m);
      if (entry) entry.done = true;
      if (this.now() - at > KEEP_DONE_MS) this.forget(m);
    }
  }

  /** Written down before the submit_sm is: a crash from here on leaves the part unconfirmed. */
  intend(entry: MtEntry, index: number): void {
    entry.intents.add(index);
    this.file.append({
      k: 'try',
      m: entry.messageId,
      c: entry.conversationId,
      i: index,
      n: entry.parts.length,
      r: entry.ref,
      b: entry.bindId,
      s: entry.side,
      at: this.now(),
    });
  }

  /** The submit was answered with a refusal (or never left): resending it later is safe. */
  cleared(entry: MtEntry, index: number): void {
    if (!entry.intents.delete(index)) return;
    this.file.append({ k: 'tryx', m: entry.messageId, i: index });
  }

  /** Indexed at once (a receipt may follow the resp within milliseconds), then written down. */
  accepted(entry: MtEntry, index: number, carrierId: string): void {
    entry.intents.delete(index);
    this.index(entry, index, carrierId);
    const at = this.now();
    entry.acceptedAt[index] = at;
    this.file.append({
      k: 'part',
      m: entry.messageId,
      c: entry.conversationId,
      i: index,
      n: entry.parts.length,
      id: carrierId,
      r: entry.ref,
      b: entry.bindId,
      s: entry.side,
      at,
    });
  }

  /**
   * Records a part's final state; returns the message's outcome once it is known (any part
   * failed, or all delivered) and the conversation has not been told yet.
   */
  receipt(
    entry: MtEntry,
    index: number,
    carrierId: string,
    state: FinalState,
    detail?: string,
  ): { status: FinalState; detail?: string } | undefined {
    if (entry.states[index] === undefined) {
      this.setState(entry, index, state, detail);
      this.file.append({ k: 'dlr', id: carrierId, st: state, b: routeKey(entry), ...(detail ? { d: detail } : {}) });
    }
    if (entry.done) return undefined;
    if (entry.states.includes('FAILED')) return { status: 'FAILED', ...(entry.detail ? { detail: entry.detail } : {}) };
    if (entry.parts.every((p) => p !== undefined) && entry.states.every((s) => s === 'DELIVERED'))
      return { status: 'DELIVERED' };
    return undefined;
  }

  finished(entry: MtEntry): void {
    if (entry.done) return;
    entry.done = true;
    const at = this.now();
    this.doneAt.set(entry.messageId, at);
    this.file.append({ k: 'done', m: entry.messageId, at });
    // Insertion order is age order: forget what is old enough that no retry can still come.
    for (const [m, t] of this.doneAt) {
      if (at - t <= KEEP_DONE_MS) break;
      this.forget(m);
    }
  }
}
