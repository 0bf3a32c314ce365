// Splits an outbound text into the parts we hand to the smpp package as Buffers with an explicit
// data_coding (given a string, the package labels GSM text as IA5 and may re-encode it).
import { encodeGsm7, fitsGsm7, septetsForChar } from './gsm7.js';
import { encodeUcs2, ucs2Atoms } from './ucs2.js';
import { buildConcatUdh, ESM_UDHI } from './udh.js';

export type SegmentMode = 'udh8' | 'udh16' | 'sar' | 'payload';

export interface OutboundPart {
  shortMessage: Buffer;
  dataCoding: number;
  esmClass: number;
  tlvs: Record<string, number | Buffer>;
}

export interface SegmentOptions {
  mode: SegmentMode;
  /** Concatenation reference; masked to 8 bits for udh8 and 16 bits otherwise. */
  ref: number;
}

export class SegmentError extends Error {
  override readonly name = 'SegmentError';
}

// A part holds at most 140 octets on the air. Single: 160 septets / 70 units. With the 6-octet
// UDH (8-bit ref): 153 / 67; the 7-octet UDH (16-bit ref) costs one more septet or unit.
const SINGLE = { gsm: 160, ucs2: 70 };
const MULTI_8 = { gsm: 153, ucs2: 67 };
const MULTI_16 = { gsm: 152, ucs2: 66 };
const MAX_PARTS = 255;

/** Text as atoms that must stay in one part (an escape pair, a surrogate pair), each encoded. */
function encodedAtoms(text: string): { dataCoding: 0 | 8; atoms: Buffer[] } {
  if (fitsGsm7(text)) {
    return { dataCoding: 0, atoms: Array.from(text, (ch) => Buffer.from(septetsForChar(ch)!)) };
  }
  return { dataCoding: 8, atoms: ucs2Atoms(text).map(encodeUcs2) };
}

function unitsOf(atom: Buffer, dataCoding: number): number {
  return dataCoding === 8 ? atom.length / 2 : atom.length;
}

function pack(atoms: Buffer[], dataCoding: number, limit: number): Buffer[] {
  const parts: Buffer[][] = [[]];
  let used = 0;
  for (const atom of atoms) {
    const units = unitsOf(atom, dataCoding);
    if (used + units > limit) {
      parts.push([]);
      used = 0;
    }
    parts[parts.length - 1]!.push(atom);
    used += units;
  }
  return parts.map((p) => Buffer.concat(p));
}

function chunks(text: string, mode: SegmentMode): { dataCoding: 0 | 8; bodies: Buffer[] } {
  const { dataCoding, atoms } = encodedAtoms(text);
  const key = dataCoding === 0 ? 'gsm' : 'ucs2';
  const total = atoms.reduce((n, a) => n + unitsOf(a, dataCoding), 0);
  if (total <= SINGLE[key]) return { dataCoding, bodies: [Buffer.concat(atoms)] };
  // sar_msg_ref_num is 16 bits, so the SMSC may build a 16-bit UDH from it: budget for that.
  const limit = (mode === 'udh8' ? MULTI_8 : MULTI_16)[key];
  return { dataCoding, bodies: pack(atoms, dataCoding, limit) };
}

export function segmentText(text: string, opts: SegmentOptions): OutboundPart[] {
  const { mode, ref } = opts;
  if (!Number.isInteger(ref) || ref < 0) throw new SegmentError(`ref must be a non-negative integer, got ${ref}`);
  if (mode === 'payload') {
    // One submit; the SMSC segments. Short texts still go in short_message, which every SMSC takes.
    const dataCoding = fitsGsm7(text) ? 0 : 8;
    const body = dataCoding === 0 ? encodeGsm7(text) : encodeUcs2(text);
    if (chunks(text, mode).bodies.length === 1) return [{ shortMessage: body, dataCoding, esmClass: 0, tlvs: {} }];
    return [{ shortMessage: Buffer.alloc(0), dataCoding, esmClass: 0, tlvs: { message_payload: body } }];
  }
  const { dataCoding, bodies } = chunks(text, mode);
  if (bodies.length === 1) return [{ shortMessage: bodies[0]!, dataCoding, esmClass: 0, tlvs: {} }];
  if (bodies.length > MAX_PARTS) throw new SegmentError(`text needs ${bodies.length} parts, more than ${MAX_PARTS}`);
  const total = bodies.length;
  return bodies.map((body, i) => {
    const seq = i + 1;
    if (mode === 'sar') {
      const tlvs = { sar_msg_ref_num: ref & 0xffff, sar_total_segments: total, sar_segment_seqnum: seq };
      return { shortMessage: body, dataCoding, esmClass: 0, tlvs };
    }
    const udh =
      mode === 'udh8' ? buildConcatUdh(ref & 0xff, total, seq, 8) : buildConcatUdh(ref & 0xffff, total, seq, 16);
    return { shortMessage: Buffer.concat([udh, body]), dataCoding, esmClass: ESM_UDHI, tlvs: {} };
  });
}

/** Parts the customer's phone will count, for the agent's composer (8-bit reference budget). */
export function countSegments(text: string, mode: SegmentMode = 'udh8'): number {
  return chunks(text, mode === 'payload' ? 'udh8' : mode).bodies.length;
}
