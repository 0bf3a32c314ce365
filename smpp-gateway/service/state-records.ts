// The records of the gateway's state file and their validation. Every line read back is checked
// against these shapes: a line that is not one of them is skipped with a warning, never trusted.

/** An MO id was chosen and is about to be signalled; the carrier has not been acked yet. */
export interface MoPendingRecord {
  k: 'mo';
  h: string;
  id: string;
  at: number;
}
/** That MO was acked: a later copy with the same content is a new message. */
export interface MoAckRecord {
  k: 'ack';
  h: string;
}
/** A submit_sm for part `i` of MT `m` is about to be written on bind (`s`, `b`). */
export interface MtIntentRecord {
  k: 'try';
  m: string;
  c: string;
  i: number;
  n: number;
  r: number;
  b: string;
  s: 'esme' | 'listener';
  at: number;
}
/** That submit got a definite answer without an id (refused): the intent is void. */
export interface MtIntentClearedRecord {
  k: 'tryx';
  m: string;
  i: number;
}
/** One part of an MT accepted by the carrier (or a listener peer) under `id`. */
export interface MtPartRecord {
  k: 'part';
  m: string;
  c: string;
  i: number;
  n: number;
  id: string;
  r: number;
  b: string;
  s: 'esme' | 'listener';
  at: number;
}
/** The final state a receipt gave one part; `b` is the bind key ("esme:carrier-a"), absent in old files. */
export interface ReceiptRecord {
  k: 'dlr';
  id: string;
  st: 'DELIVERED' | 'FAILED';
  d?: string;
  b?: string;
}
/** The conversation has been told the outcome of message `m`. */
export interface MtDoneRecord {
  k: 'done';
  m: string;
  at: number;
}
/** A multipart MO part acked to the carrier before its message reached Temporal (hex user data). */
export interface MoPartRecord {
  k: 'mop';
  g: string;
  p: string;
  s: 'esme' | 'listener';
  f: string;
  t: string;
  r: number;
  n: number;
  q: number;
  dc: number;
  x: string;
  at: number;
}
/** The message of group `g` reached Temporal: its kept parts can go. */
export interface MoPartDoneRecord {
  k: 'mopd';
  g: string;
}

export type StateRecord =
  | MoPendingRecord
  | MoAckRecord
  | MtIntentRecord
  | MtIntentClearedRecord
  | MtPartRecord
  | ReceiptRecord
  | MtDoneRecord
  | MoPartRecord
  | MoPartDoneRecord;

type Check = 's' | 'n' | 'side' | 'st' | 's?' | 'hex';
const SHAPES: Record<StateRecord['k'], Record<string, Check>> = {
  mo: { h: 's', id: 's', at: 'n' },
  ack: { h: 's' },
  try: { m: 's', c: 's', i: 'n', n: 'n', r: 'n', b: 's', s: 'side', at: 'n' },
  tryx: { m: 's', i: 'n' },
  part: { m: 's', c: 's', i: 'n', n: 'n', id: 's', r: 'n', b: 's', s: 'side', at: 'n' },
  dlr: { id: 's', st: 'st', d: 's?', b: 's?' },
  done: { m: 's', at: 'n' },
  mop: { g: 's', p: 's', s: 'side', f: 's', t: 's', r: 'n', n: 'n', q: 'n', dc: 'n', x: 'hex', at: 'n' },
  mopd: { g: 's' },
};

const ok = (check: Check, v: unknown): boolean => {
  switch (check) {
    case 's':
      return typeof v === 'string' && v.length <= 4096;
    case 's?':
      return v === undefined || (typeof v === 'string' && v.length <= 4096);
    case 'n':
      return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    case 'side':
      return v === 'esme' || v === 'listener';
    case 'st':
      return v === 'DELIVERED' || v === 'FAILED';
    case 'hex':
      return typeof v === 'string' && v.length <= 2 * 70_000 && /^(?:[0-9a-f]{2})*$/.test(v);
  }
};

const ENTRIES = Object.fromEntries(Object.entries(SHAPES).map(([k, shape]) => [k, Object.entries(shape)])) as Record<
  string,
  [string, Check][]
>;

/** The record, if `value` is exactly one of the shapes above (index fields also within range). */
export function validRecord(value: unknown): StateRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const kind = v.k;
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(SHAPES, kind)) return undefined;
  const shape = SHAPES[kind as StateRecord['k']];
  for (const key in v) if (key !== 'k' && !Object.prototype.hasOwnProperty.call(shape, key)) return undefined;
  for (const [key, check] of ENTRIES[kind]!) if (!ok(check, v[key])) return undefined;
  // A part index must lie inside its message; a multipart total within SMS's 255.
  if ((kind === 'part' || kind === 'try') && ((v.i as number) >= (v.n as number) || (v.n as number) > 255))
    return undefined;
  if (kind === 'mop' && ((v.q as number) < 1 || (v.q as number) > (v.n as number) || (v.n as number) > 255))
    return undefined;
  return v as unknown as StateRecord;
}
