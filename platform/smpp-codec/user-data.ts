// One entry point for the session layer: the user data of a deliver_sm / submit_sm / data_sm as
// text, plus the bytes Reassembler should join, plus its concatenation info from UDH or sar_* TLVs.
import { type DecodeOptions, alphabetFor, decodeShortMessage } from './data-coding.js';
import { septetCountFor, unpackSeptets } from './gsm7.js';
import { type ConcatInfo, hasUdhi, parseUdh, splitUdh } from './udh.js';

interface UserDataInput {
  esmClass: number;
  dataCoding: number;
  shortMessage: Buffer;
  /** message_payload TLV; takes the place of short_message when short_message is empty. */
  messagePayload?: Buffer;
  sar_msg_ref_num?: number;
  sar_total_segments?: number;
  sar_segment_seqnum?: number;
}

interface DecodedUserData {
  text: string;
  /** User data without UDH, GSM always unpacked: safe to concatenate across parts. */
  bytes: Buffer;
  dataCoding: number;
  concat: ConcatInfo | null;
  /** Where concat came from, for logs and for choosing the reassembly key. */
  concatSource: 'udh' | 'sar' | null;
}

function sarConcat(input: UserDataInput): ConcatInfo | null {
  const ref = input.sar_msg_ref_num;
  const total = input.sar_total_segments;
  const seq = input.sar_segment_seqnum;
  if (ref === undefined || total === undefined || seq === undefined) return null;
  if (total < 1 || seq < 1 || seq > total) return null;
  return { ref, total, seq, refBits: 16 };
}

export function decodeUserData(input: UserDataInput, opts: DecodeOptions = {}): DecodedUserData {
  const usePayload = input.shortMessage.length === 0 && input.messagePayload !== undefined;
  const raw = usePayload ? input.messagePayload! : input.shortMessage;
  let body = raw;
  let fillBits = 0;
  let concat: ConcatInfo | null = null;
  let concatSource: DecodedUserData['concatSource'] = null;
  if (hasUdhi(input.esmClass)) {
    const parsed = parseUdh(raw);
    const split = parsed ?? splitUdh(raw);
    // A header that overruns the message is a sender bug; keep every byte as text rather than drop.
    if (split) {
      body = split.payload;
      fillBits = split.fillBits;
    }
    if (parsed) {
      concat = { ref: parsed.ref, total: parsed.total, seq: parsed.seq, refBits: parsed.refBits };
      concatSource = 'udh';
    }
  }
  if (!concat) {
    concat = sarConcat(input);
    concatSource = concat ? 'sar' : null;
  }
  let bytes = body;
  if (opts.gsmPacked && alphabetFor(input.dataCoding, opts.defaultAlphabet) === 'gsm7') {
    bytes = unpackSeptets(body, septetCountFor(body.length, fillBits, body), fillBits);
  }
  const text = decodeShortMessage(input.dataCoding, bytes, { ...opts, gsmPacked: false });
  return { text, bytes, dataCoding: input.dataCoding, concat, concatSource };
}
