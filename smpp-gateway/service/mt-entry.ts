import type { StateRecord } from './state-file.js';

// One MT in the ledger, and the records that say everything still worth knowing about it (what a
// compaction keeps). Pure: the ledger owns the maps and the file.

export type FinalState = 'DELIVERED' | 'FAILED';
export type Side = 'esme' | 'listener';

export interface MtEntry {
  conversationId: string;
  messageId: string;
  ref: number;
  bindId: string;
  side: Side;
  /** The carrier's id of each part, once accepted. */
  parts: (string | undefined)[];
  states: (FinalState | undefined)[];
  /** When each part was accepted, so the file forgets what can no longer get a receipt. */
  acceptedAt: (number | undefined)[];
  /** Parts written (or about to be) and not answered yet. */
  intents: Set<number>;
  /** Parts whose submit was written before a restart and never answered: outcome unknown. */
  unconfirmed: Set<number>;
  detail?: string;
  /** The conversation has been told DELIVERED / FAILED. */
  done: boolean;
  /** When it was first recorded: an intent kept through compactions keeps its age. */
  createdAt: number;
}

export interface NewEntry {
  conversationId: string;
  messageId: string;
  ref: number;
  bindId: string;
  side: Side;
  total: number;
  at?: number;
}

export const routeKey = (r: { side: Side; bindId: string }): string => `${r.side}:${r.bindId}`;

export function newEntry(e: NewEntry): MtEntry {
  return {
    conversationId: e.conversationId,
    messageId: e.messageId,
    ref: e.ref,
    bindId: e.bindId,
    side: e.side,
    parts: new Array<string | undefined>(e.total).fill(undefined),
    states: new Array<FinalState | undefined>(e.total).fill(undefined),
    acceptedAt: new Array<number | undefined>(e.total).fill(undefined),
    intents: new Set(),
    unconfirmed: new Set(),
    done: false,
    createdAt: e.at ?? Date.now(),
  };
}

/** The live records of `entries`: intents, accepted parts, their receipts, the done mark. */
export function* liveRecords(
  entries: Iterable<MtEntry>,
  doneAt: ReadonlyMap<string, number>,
  now: () => number,
): Iterable<StateRecord> {
  for (const e of entries) {
    const base = { m: e.messageId, c: e.conversationId, n: e.parts.length, r: e.ref, b: e.bindId, s: e.side };
    for (const i of [...e.intents, ...e.unconfirmed]) yield { k: 'try', ...base, i, at: e.createdAt };
    for (let i = 0; i < e.parts.length; i++) {
      const id = e.parts[i];
      if (id === undefined) continue;
      yield { k: 'part', ...base, i, id, at: e.acceptedAt[i] ?? now() };
      const st = e.states[i];
      if (st) yield { k: 'dlr', id, st, b: routeKey(e), ...(st === 'FAILED' && e.detail ? { d: e.detail } : {}) };
    }
    const at = doneAt.get(e.messageId);
    if (at !== undefined) yield { k: 'done', m: e.messageId, at };
  }
}
