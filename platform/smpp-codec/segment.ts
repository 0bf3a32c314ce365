// Splits an outbound text into the parts we hand to the smpp package as Buffers with an explicit
// data_coding (given a string, the package labels GSM text as IA5 and may re-encode it).
// Where the text is cut is segment-plan.ts (Buffer-free, shared with the composer's count).
import { encodeGsm7, fitsGsm7 } from './gsm7.js';
import { encodeUcs2 } from './ucs2.js';
import { buildConcatUdh, ESM_UDHI } from './udh.js';
import { planSegments, type SegmentMode } from './segment-plan.js';

export { countSegments, type SegmentMode } from './segment-plan.js';

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

const MAX_PARTS = 255;

/** Each planned part encoded under the plan's data_coding. */
function chunks(text: string, mode: SegmentMode): { dataCoding: 0 | 8; bodies: Buffer[] } {
  const { dataCoding, parts } = planSegments(text, mode);
  return { dataCoding, bodies: parts.map((p) => (dataCoding === 0 ? encodeGsm7(p) : encodeUcs2(p))) };
}

export function segmentText(text: string, opts: SegmentOptions): OutboundPart[] {
  const { mode, ref } = opts;
  if (!Number.isInteger(ref) || ref < 0) throw new SegmentError(`ref must be a non-negative integer, got ${ref}`);
  if (mode === 'payload') {
    // One submit; the SMSC segments. Short texts still go in short_message, which every SMSC takes.
    const dataCoding = fitsGsm7(text) ? 0 : 8;
    const body = dataCoding === 0 ? encodeGsm7(text) : encodeUcs2(text);
    if (planSegments(text, mode).parts.length === 1) return [{ shortMessage: body, dataCoding, esmClass: 0, tlvs: {} }];
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
