// Maps an SMPP data_coding octet to an alphabet and decodes short_message bytes with it.
// 0x00-0x0F follow the SMPP 3.4 table (which overrides GSM 03.38 for those values); 0x10 and up
// follow the GSM 03.38 data coding scheme groups, as SMSCs pass the air-interface DCS through.
import { decodeGsm7, fitsGsm7, septetCountFor, unpackSeptets } from './gsm7.js';
import { decodeUcs2 } from './ucs2.js';

type Alphabet = 'gsm7' | 'ascii' | 'latin1' | 'ucs2' | 'binary' | 'iso-8859-5' | 'iso-8859-8';

export interface DecodeOptions {
  /** Carrier option: data_coding 0 (and GSM DCS groups) arrive as packed septets. */
  gsmPacked?: boolean;
  /** What the SMSC means by "default alphabet" (data_coding 0). Most use GSM 03.38. */
  defaultAlphabet?: 'gsm7' | 'latin1' | 'ascii';
  /** Leading bits to skip in packed GSM text that follows a UDH. */
  fillBits?: number;
  /** 8-bit binary data as Latin-1 (default: lossless, and mislabelled text still reads) or hex. */
  binaryAs?: 'latin1' | 'hex';
}

function gsmDcsAlphabet(bits: number): Alphabet {
  switch ((bits >> 2) & 0x03) {
    case 0:
      return 'gsm7';
    case 2:
      return 'ucs2';
    default:
      return 'binary'; // 01 = 8-bit data, 11 = reserved
  }
}

export function alphabetFor(dataCoding: number, defaultAlphabet: DecodeOptions['defaultAlphabet'] = 'gsm7'): Alphabet {
  const dc = dataCoding & 0xff;
  switch (dc) {
    case 0x00:
      return defaultAlphabet;
    case 0x01:
      return 'ascii';
    case 0x03:
      return 'latin1';
    case 0x06:
      return 'iso-8859-5';
    case 0x07:
      return 'iso-8859-8';
    case 0x08:
      return 'ucs2';
    case 0x02:
    case 0x04:
      return 'binary';
  }
  if (dc <= 0x0f) return 'binary'; // JIS, pictogram, Kanji, KS C 5601: shown as bytes, not guessed
  // 00xx xxxx general group and 01xx xxxx auto-deletion group: bit 5 set means compressed text,
  // which no carrier we know sends and we cannot decompress.
  if (dc < 0x80) return dc & 0x20 ? 'binary' : gsmDcsAlphabet(dc);
  if (dc < 0xc0) return 'binary'; // reserved coding groups
  if (dc < 0xe0) return 'gsm7'; // message waiting, discard / store: GSM default alphabet
  if (dc < 0xf0) return 'ucs2'; // message waiting, store, UCS-2
  return dc & 0x04 ? 'binary' : 'gsm7'; // data coding / message class group
}

function decodeGsmBytes(bytes: Buffer, opts: DecodeOptions): string {
  if (!opts.gsmPacked) return decodeGsm7(bytes);
  const fill = opts.fillBits ?? 0;
  return decodeGsm7(unpackSeptets(bytes, septetCountFor(bytes.length, fill, bytes), fill));
}

function decodeSingleByte(bytes: Buffer, label: string): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return bytes.toString('latin1'); // a Node built without full ICU: readable beats nothing
  }
}

/** Decodes user data (without its UDH). Never throws: odd bytes become U+FFFD or Latin-1. */
export function decodeShortMessage(dataCoding: number, bytes: Buffer, opts: DecodeOptions = {}): string {
  const alphabet = alphabetFor(dataCoding, opts.defaultAlphabet);
  switch (alphabet) {
    case 'gsm7':
      return decodeGsmBytes(bytes, opts);
    // IA5 is 7-bit; a high bit is a carrier bug, so show the byte as Latin-1 rather than drop it.
    case 'ascii':
      return bytes.toString('latin1');
    case 'latin1':
      return bytes.toString('latin1');
    case 'ucs2':
      return decodeUcs2(bytes);
    case 'iso-8859-5':
    case 'iso-8859-8':
      return decodeSingleByte(bytes, alphabet);
    case 'binary':
      return opts.binaryAs === 'hex' ? bytes.toString('hex') : bytes.toString('latin1');
  }
}

/** What we send: GSM 03.38 under data_coding 0 when every character fits, else UCS-2. */
export function chooseEncoding(text: string): { dataCoding: 0 | 8 } {
  return { dataCoding: fitsGsm7(text) ? 0 : 8 };
}
