import { liveRecords, newEntry, routeKey, type FinalState, type MtEntry, type NewEntry } from './mt-entry.js';
import { ReceiptIndex, type Hit as IndexHit } from './receipt-index.js';
import type { StateRecord } from './state-file.js';

// The MT ledger's memory, without the file (mt-ledger.ts writes every change down first): the
// entries by message id, their parts by (bind, carrier id) for receipts, and when each was done.

export type Hit = IndexHit<MtEntry>;

export class MtIndex {
  protected readonly byMessage = new Map<string, MtEntry>();
  protected readonly doneAt = new Map<string, number>();
  private readonly receipts = new ReceiptIndex<MtEntry>();

  constructor(protected readonly now = Date.now) {}

  get(messageId: string): MtEntry | undefined {
    return this.byMessage.get(messageId);
  }

  start(e: NewEntry): MtEntry {
    const entry = newEntry({ at: this.now(), ...e });
    this.byMessage.set(e.messageId, entry);
    return entry;
  }

  /** On the bind `route` (routeKey): exact id first ("10" in hex is "16" in decimal), then conversions. */
  lookup(route: string, carrierId: string): Hit | undefined {
    return this.receipts.lookup(route, carrierId);
  }

  live(): Iterable<StateRecord> {
    return liveRecords(this.byMessage.values(), this.doneAt, this.now);
  }

  /** For receipt records from files written before receipts were keyed by bind: exact ids only. */
  protected byIdAcrossBinds(): Map<string, Hit> {
    const out = new Map<string, Hit>();
    for (const entry of this.byMessage.values())
      entry.parts.forEach((id, index) => {
        if (id !== undefined) out.set(id, { entry, index });
      });
    return out;
  }

  protected index(entry: MtEntry, index: number, carrierId: string): void {
    entry.parts[index] = carrierId;
    this.receipts.add(routeKey(entry), carrierId, { entry, index });
  }

  protected setState(entry: MtEntry, index: number, state: FinalState, detail?: string): void {
    entry.states[index] = state;
    if (state === 'FAILED' && detail && !entry.detail) entry.detail = detail;
  }

  protected forget(messageId: string): void {
    const entry = this.byMessage.get(messageId);
    this.byMessage.delete(messageId);
    this.doneAt.delete(messageId);
    if (!entry) return;
    for (const id of entry.parts) if (id !== undefined) this.receipts.remove(routeKey(entry), id, entry);
  }
}
