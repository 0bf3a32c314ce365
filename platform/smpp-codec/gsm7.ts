// GSM 03.38 (3GPP TS 23.038) text to and from bytes, pure and allocation-light (the alphabet
// itself is gsm7-alphabet.ts, which the browser can use). SMPP carries GSM text "unpacked" (one septet per octet) unless a carrier says otherwise, so the
// encode/decode pair works on unpacked bytes and packing is a separate, explicit step.
import { BASIC, decodeExtension, GSM7_ESCAPE, septetsForChar } from './gsm7-alphabet.js';

export { fitsGsm7, GSM7_ESCAPE, septetsForChar } from './gsm7-alphabet.js';

/** Thrown by encodeGsm7 for a character outside both tables; callers should ask fitsGsm7 first. */
export class Gsm7EncodeError extends Error {
  override readonly name = 'Gsm7EncodeError';
  constructor(
    readonly char: string,
    readonly index: number,
  ) {
    super(
      `character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${index} is not in GSM 03.38`,
    );
  }
}

/** Length in septets; extension characters cost two. Throws for non-GSM text. */
export function gsm7Length(text: string): number {
  return encodeGsm7(text).length;
}

export function encodeGsm7(text: string): Buffer {
  const out: number[] = [];
  let index = 0;
  for (const ch of text) {
    const septets = septetsForChar(ch);
    if (septets === undefined) throw new Gsm7EncodeError(ch, index);
    out.push(...septets);
    index += ch.length;
  }
  return Buffer.from(out);
}

/**
 * Decoding never throws: an MO must not be lost over one odd byte. Octets above 0x7F (not septets)
 * become U+FFFD; an escape before an unknown code shows the basic character, as 23.038 asks phones
 * to do; a trailing escape is dropped.
 */
export function decodeGsm7(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b > 0x7f) {
      out += '\ufffd';
      continue;
    }
    if (b !== GSM7_ESCAPE) {
      out += BASIC[b];
      continue;
    }
    const next = bytes[i + 1];
    if (next === undefined) break;
    i++;
    if (next > 0x7f) {
      out += '\ufffd';
      continue;
    }
    out += decodeExtension(next) ?? (next === GSM7_ESCAPE ? ' ' : BASIC[next]);
  }
  return out;
}

/** Packs septets LSB-first; fillBits leading zero bits align text after a UDH to a septet boundary. */
export function packSeptets(septets: Buffer, fillBits = 0): Buffer {
  const out = Buffer.alloc(Math.ceil((fillBits + septets.length * 7) / 8));
  let bit = fillBits;
  for (const s of septets) {
    const v = s & 0x7f;
    const byte = bit >> 3;
    const shift = bit & 7;
    out[byte] = out[byte]! | ((v << shift) & 0xff);
    if (shift > 1) out[byte + 1] = out[byte + 1]! | (v >> (8 - shift));
    bit += 7;
  }
  return out;
}

export function unpackSeptets(packed: Buffer, septetCount: number, fillBits = 0): Buffer {
  const out = Buffer.alloc(septetCount);
  for (let i = 0; i < septetCount; i++) {
    const bit = fillBits + i * 7;
    const byte = bit >> 3;
    const shift = bit & 7;
    const word = (packed[byte] ?? 0) | ((packed[byte + 1] ?? 0) << 8);
    out[i] = (word >> shift) & 0x7f;
  }
  return out;
}

/**
 * SMPP gives octet lengths, not septet counts, so packed text is ambiguous when 7 padding bits
 * remain: they read as a trailing '@' (0x00). We drop such an '@' only when it lies wholly in
 * the last octet's padding, which is how the sender would have produced it.
 */
export function septetCountFor(octets: number, fillBits = 0, packed?: Buffer): number {
  const count = Math.floor((octets * 8 - fillBits) / 7);
  if (count > 0 && packed && Math.ceil((fillBits + (count - 1) * 7) / 8) === octets) {
    const last = unpackSeptets(packed, count, fillBits)[count - 1];
    if (last === 0) return count - 1;
  }
  return Math.max(0, count);
}
