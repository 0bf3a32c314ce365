// Delivery receipts: the SMPP 3.4 TLVs (receipted_message_id, message_state) when the carrier
// sends them, else the Appendix B text, whose field order, case and id base vary by carrier.

type ReceiptState = 'DELIVERED' | 'FAILED' | 'PENDING';

interface Receipt {
  /** receipted_message_id when present (it is the authoritative one), else the text's id. */
  messageId: string;
  state: ReceiptState;
  /** The carrier's stat word (DELIVRD, UNDELIV, ...), or the SMPP name of message_state. */
  stat: string | null;
  err: string | null;
  /** The text's id when it differs from messageId: some carriers give hex in one, decimal in the other. */
  textId: string | null;
  submitDate: string | null;
  doneDate: string | null;
}

interface ReceiptInput {
  /** Pass it: a customer can text "id:1 stat:DELIVRD"; only receipt esm_class types are read. */
  esmClass?: number;
  text?: string;
  receipted_message_id?: string;
  message_state?: number;
  network_error_code?: Buffer;
}

// message_state 1..8 (SMPP 3.4 5.2.28) plus 0 and 9 from SMPP 5. ACCEPTED is final in the spec but
// carriers mostly send ACCEPTD for "taken by the network", so it does not end the message.
const STATE_NAMES = [
  'SCHEDLD',
  'ENROUTE',
  'DELIVRD',
  'EXPIRED',
  'DELETED',
  'UNDELIV',
  'ACCEPTD',
  'UNKNOWN',
  'REJECTD',
  'SKIPPED',
];
const STAT_STATE: Record<string, ReceiptState> = {
  DELIVRD: 'DELIVERED',
  DELIVERED: 'DELIVERED',
  EXPIRED: 'FAILED',
  DELETED: 'FAILED',
  UNDELIV: 'FAILED',
  UNDELIVERABLE: 'FAILED',
  REJECTD: 'FAILED',
  REJECTED: 'FAILED',
  UNKNOWN: 'FAILED',
  FAILED: 'FAILED',
  SKIPPED: 'FAILED',
  ENROUTE: 'PENDING',
  ACCEPTD: 'PENDING',
  ACCEPTED: 'PENDING',
  BUFFRED: 'PENDING',
  BUFFERED: 'PENDING',
  SCHEDLD: 'PENDING',
  SCHEDULED: 'PENDING',
  SENT: 'PENDING',
};

/** esm_class message type (bits 5-2): SMSC delivery receipt, or intermediate notification. */
export function isReceiptEsmClass(esmClass: number): boolean {
  const type = esmClass & 0x3c;
  return type === 0x04 || type === 0x20;
}

const KEY = /(?<![a-z0-9_])(id|sub|dlvd|submit[ _]date|done[ _]date|stat|err|text)\s*:/gi;

/** Appendix B fields by lower-cased key. `text:` runs to the end unless known keys follow it. */
function parseReceiptText(text: string): Record<string, string> {
  const matches = [...text.matchAll(KEY)];
  const fields: Record<string, string> = {};
  matches.forEach((m, i) => {
    const key = m[1]!.toLowerCase().replace('_', ' ');
    if (key in fields) return;
    const start = m.index + m[0].length;
    const later = matches.slice(i + 1).find((n) => !(n[1]!.toLowerCase().replace('_', ' ') in fields));
    const end = key === 'text' ? (later?.index ?? text.length) : (matches[i + 1]?.index ?? text.length);
    const value = text.slice(start, end).trim();
    fields[key] = key === 'text' ? value : (value.split(/\s+/)[0] ?? '');
  });
  return fields;
}

function clean(id: string | undefined): string | null {
  const v = id?.replace(/\0/g, '').trim();
  return v ? v : null;
}

export function parseReceipt(input: ReceiptInput | string): Receipt | null {
  const inp: ReceiptInput = typeof input === 'string' ? { text: input } : input;
  if (inp.esmClass !== undefined && !isReceiptEsmClass(inp.esmClass)) return null;
  const fields = inp.text ? parseReceiptText(inp.text) : {};
  const textId = clean(fields.id);
  const messageId = clean(inp.receipted_message_id) ?? textId;
  if (!messageId) return null;
  const stat = fields.stat ? fields.stat.toUpperCase() : (STATE_NAMES[inp.message_state ?? -1] ?? null);
  const fromTlv = inp.message_state !== undefined ? STAT_STATE[STATE_NAMES[inp.message_state] ?? ''] : undefined;
  const fromText = stat ? STAT_STATE[stat] : undefined;
  // An unrecognised stat keeps the message open rather than inventing an outcome.
  const state = fromTlv ?? fromText ?? (stat ? 'PENDING' : null);
  if (!state) return null;
  let err = fields.err ?? null;
  if (err === null && inp.network_error_code && inp.network_error_code.length >= 3) {
    err = String(inp.network_error_code.readUInt16BE(1)).padStart(3, '0');
  }
  return {
    messageId,
    state,
    stat,
    err,
    textId: textId && textId !== messageId ? textId : null,
    submitDate: fields['submit date'] ?? null,
    doneDate: fields['done date'] ?? null,
  };
}

function canonical(id: string): string {
  const v = id.replace(/\0/g, '').trim().toLowerCase();
  return v.replace(/^0+(?=.)/, '');
}

/**
 * Forms an id may take in the other message: itself, and its hex/decimal conversions. Index
 * submitted ids by these to look a receipt up; prefer an exact match, as "10" hex is "16" decimal.
 */
export function receiptIdKeys(id: string): string[] {
  const v = canonical(id);
  const keys = new Set([v]);
  if (/^\d+$/.test(v)) keys.add(BigInt(v).toString(16));
  if (/^[0-9a-f]+$/.test(v) && v.length <= 32) keys.add(BigInt(`0x${v}`).toString(10));
  return [...keys];
}

/** True for the same id written with or without leading zeros, in any case, in hex or decimal. */
export function receiptIdsMatch(submitRespId: string, receiptId: string): boolean {
  const a = canonical(submitRespId);
  const b = canonical(receiptId);
  if (!a || !b) return false;
  if (a === b) return true;
  return receiptIdKeys(a).includes(b) || receiptIdKeys(b).includes(a);
}
