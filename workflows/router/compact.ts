import { byAge, type RouterAgent, type RouterState, type Waiting } from './model.js';

/**
 * What a router carries across continue-as-new: the same state as `RouterState`, with the waiting
 * list packed (it is the one part that grows with traffic). Entries are flat triples
 * [queue index, id, priorityAt] in service order (oldest first, ties in arrival order), so `seq`
 * is the position and is renumbered on unpacking. Ids drop the prefix they share
 * (`<instance>:conv:`) and a uuid tail is written as 22 base64url characters; priorityAt is epoch
 * ms as a delta from the previous entry. About 31 bytes of JSON an entry (see routing-limits).
 */
export interface PackedRouter {
  v: 1;
  agents: Record<string, RouterAgent>;
  queues: RouterState['queues'];
  idleCodeIds: string[];
  waiting: PackedWaiting;
}

export interface PackedWaiting {
  prefix: string;
  queueIds: string[];
  /** [queue index, id, priorityAt] repeated; priorityAt is a ms delta, or the string itself if it is not canonical ISO. */
  entries: (number | string)[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Three hex digits are two base64 characters: 30 digits make 20, the last two (8 bits) make 2 more.
function packId(tail: string): string {
  if (!UUID.test(tail)) return `~${tail}`;
  const hex = tail.replace(/-/g, '');
  let out = '';
  for (let i = 0; i < 30; i += 3) {
    const n = parseInt(hex.slice(i, i + 3), 16);
    out += B64[n >> 6]! + B64[n & 63]!;
  }
  const last = parseInt(hex.slice(30), 16);
  return out + B64[last >> 2]! + B64[last & 3]!;
}

function unpackId(packed: string): string {
  if (packed.startsWith('~')) return packed.slice(1);
  let hex = '';
  for (let i = 0; i < 20; i += 2)
    hex += ((B64.indexOf(packed[i]!) << 6) | B64.indexOf(packed[i + 1]!)).toString(16).padStart(3, '0');
  hex += ((B64.indexOf(packed[20]!) << 2) | B64.indexOf(packed[21]!)).toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The most common `<instance>:conv:` part: an id without it (none, in practice) is written whole. */
function sharedPrefix(ids: string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  for (const id of ids) {
    const p = id.slice(0, id.lastIndexOf(':') + 1);
    const n = (counts.get(p) ?? 0) + 1;
    counts.set(p, n);
    if (n > (counts.get(best) ?? 0)) best = p;
  }
  return best;
}

function packConversation(prefix: string, id: string): string {
  return id.startsWith(prefix) ? packId(id.slice(prefix.length)) : `!${id}`;
}

function unpackConversation(prefix: string, packed: string): string {
  return packed.startsWith('!') ? packed.slice(1) : prefix + unpackId(packed);
}

export function packWaiting(waiting: readonly Waiting[]): PackedWaiting {
  const sorted = [...waiting].sort(byAge);
  const prefix = sharedPrefix(sorted.map((w) => w.conversationId));
  const queueIds: string[] = [];
  const index = new Map<string, number>();
  const entries: (number | string)[] = [];
  let previous = 0;
  for (const w of sorted) {
    let q = index.get(w.queueId);
    if (q === undefined) index.set(w.queueId, (q = queueIds.push(w.queueId) - 1));
    const ms = Date.parse(w.priorityAt);
    const canonical = Number.isFinite(ms) && new Date(ms).toISOString() === w.priorityAt;
    entries.push(q, packConversation(prefix, w.conversationId), canonical ? ms - previous : w.priorityAt);
    if (canonical) previous = ms;
  }
  return { prefix, queueIds, entries };
}

export function unpackWaiting(p: PackedWaiting): Waiting[] {
  const out: Waiting[] = [];
  let previous = 0;
  for (let i = 0; i < p.entries.length; i += 3) {
    const at = p.entries[i + 2]!;
    let priorityAt: string;
    if (typeof at === 'number') priorityAt = new Date((previous += at)).toISOString();
    else priorityAt = at;
    out.push({
      conversationId: unpackConversation(p.prefix, String(p.entries[i + 1])),
      queueId: p.queueIds[Number(p.entries[i])]!,
      priorityAt,
      seq: out.length + 1,
    });
  }
  return out;
}

export function packRouter(s: RouterState): PackedRouter {
  return { v: 1, agents: s.agents, queues: s.queues, idleCodeIds: s.idleCodeIds, waiting: packWaiting(s.waiting) };
}

export function unpackRouter(p: PackedRouter): RouterState {
  const waiting = unpackWaiting(p.waiting);
  return { agents: p.agents, queues: p.queues, idleCodeIds: p.idleCodeIds, waiting, seq: waiting.length };
}

/** A run's starting state: packed (this version on), or the plain state runs before it carried. */
export function loadRouter(input: { packed?: PackedRouter; state?: RouterState }): RouterState | undefined {
  if (input.packed) return unpackRouter(input.packed);
  // Before this version the list was only sorted when offering; it is kept sorted from now on.
  if (input.state) return { ...input.state, waiting: [...input.state.waiting].sort(byAge) };
  return undefined;
}
