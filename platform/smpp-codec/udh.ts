// User Data Header (3GPP TS 23.040 9.2.3.24) for messages whose esm_class has UDHI (0x40) set.
// Only the concatenation elements matter to us; port addressing, national language shift tables
// and the rest are skipped so that the text behind them is still found.

export const ESM_UDHI = 0x40;
const IEI_CONCAT_8 = 0x00;
const IEI_CONCAT_16 = 0x08;

interface InformationElement {
  iei: number;
  data: Buffer;
}

interface UdhSplit {
  /** Octets taken by the header, including the UDHL octet itself. */
  headerLength: number;
  elements: InformationElement[];
  payload: Buffer;
  /** Padding bits before the first septet when the text after this header is packed GSM. */
  fillBits: number;
}

export interface ConcatInfo {
  ref: number;
  total: number;
  seq: number;
  refBits: 8 | 16;
}

type ParsedUdh = ConcatInfo & { payload: Buffer; headerLength: number; fillBits: number };

export function hasUdhi(esmClass: number): boolean {
  return (esmClass & ESM_UDHI) !== 0;
}

/** Splits header from payload; null when the header claims more octets than there are. */
export function splitUdh(shortMessage: Buffer): UdhSplit | null {
  if (shortMessage.length === 0) return null;
  const headerLength = shortMessage[0]! + 1;
  if (headerLength > shortMessage.length) return null;
  const elements: InformationElement[] = [];
  let at = 1;
  while (at + 2 <= headerLength) {
    const iei = shortMessage[at]!;
    const len = shortMessage[at + 1]!;
    if (at + 2 + len > headerLength) return null;
    elements.push({ iei, data: shortMessage.subarray(at + 2, at + 2 + len) });
    at += 2 + len;
  }
  const fillBits = (7 - ((headerLength * 8) % 7)) % 7;
  return { headerLength, elements, payload: shortMessage.subarray(headerLength), fillBits };
}

function concatFrom(el: InformationElement): ConcatInfo | null {
  let info: ConcatInfo | null = null;
  if (el.iei === IEI_CONCAT_8 && el.data.length === 3) {
    info = { ref: el.data[0]!, total: el.data[1]!, seq: el.data[2]!, refBits: 8 };
  } else if (el.iei === IEI_CONCAT_16 && el.data.length === 4) {
    info = { ref: el.data.readUInt16BE(0), total: el.data[2]!, seq: el.data[3]!, refBits: 16 };
  }
  // 23.040 says a receiver ignores an element with seq 0, seq > total or total 0.
  if (info && (info.total === 0 || info.seq === 0 || info.seq > info.total)) return null;
  return info;
}

/**
 * Concatenation info and payload of a short_message that starts with a UDH. Null when the header
 * is malformed or has no (valid) concatenation element; use splitUdh for the payload then.
 */
export function parseUdh(shortMessage: Buffer): ParsedUdh | null {
  const split = splitUdh(shortMessage);
  if (!split) return null;
  for (const el of split.elements) {
    const info = concatFrom(el);
    if (info) return { ...info, payload: split.payload, headerLength: split.headerLength, fillBits: split.fillBits };
  }
  return null;
}

/** A UDH holding one concatenation element: 05 00 03 rr tt ss, or 06 08 04 rrrr tt ss. */
export function buildConcatUdh(ref: number, total: number, seq: number, refBits: 8 | 16 = 8): Buffer {
  if (refBits === 8) return Buffer.from([0x05, IEI_CONCAT_8, 0x03, ref & 0xff, total, seq]);
  return Buffer.from([0x06, IEI_CONCAT_16, 0x04, (ref >> 8) & 0xff, ref & 0xff, total, seq]);
}

/** Any set of elements, for callers that need more than concatenation (ports, for instance). */
export function buildUdh(elements: InformationElement[]): Buffer {
  const body = Buffer.concat(elements.map((e) => Buffer.concat([Buffer.from([e.iei, e.data.length]), e.data])));
  return Buffer.concat([Buffer.from([body.length]), body]);
}
