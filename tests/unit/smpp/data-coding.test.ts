import { describe, expect, it } from 'vitest';
import { alphabetFor, chooseEncoding, decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { decodeUcs2, encodeUcs2, ucs2Atoms, ucs2Length } from '../../../platform/smpp-codec/ucs2.js';

const fromHex = (h: string) => Buffer.from(h, 'hex');

describe('UCS-2 / UTF-16BE', () => {
  it('encodes BMP text and keeps surrogate pairs', () => {
    expect(encodeUcs2('Hi').toString('hex')).toBe('00480069');
    expect(encodeUcs2('Привет').toString('hex')).toBe('041f04400438043204350442');
    expect(encodeUcs2('😀').toString('hex')).toBe('d83dde00');
    expect(ucs2Length('a😀')).toBe(3);
  });

  it('decodes pairs back and drops a truncated trailing octet', () => {
    expect(decodeUcs2(fromHex('d83dde000021'))).toBe('😀!');
    expect(decodeUcs2(fromHex('004800'))).toBe('H');
    expect(decodeUcs2(encodeUcs2('x'.repeat(10_000)))).toHaveLength(10_000);
  });

  it('splits text into atoms that never break a pair', () => {
    expect(ucs2Atoms('a😀b')).toEqual(['a', '😀', 'b']);
    expect(ucs2Atoms('\ud83d')).toEqual(['\ud83d']); // lone surrogate stays a unit
  });
});

describe('decodeShortMessage: the SMPP 3.4 table', () => {
  it('0: SMSC default as unpacked GSM 03.38', () => {
    expect(decodeShortMessage(0, fromHex('48656c6c6f1b65'))).toBe('Hello€');
  });

  it('0: packed GSM when the carrier says so', () => {
    expect(decodeShortMessage(0, fromHex('e8329bfd4697d9ec37'), { gsmPacked: true })).toBe('hellohello');
  });

  it('0: a carrier whose default alphabet is Latin-1 or ASCII', () => {
    expect(decodeShortMessage(0, fromHex('e9'), { defaultAlphabet: 'latin1' })).toBe('é');
    expect(decodeShortMessage(0, fromHex('7b7d'), { defaultAlphabet: 'ascii' })).toBe('{}');
    expect(decodeShortMessage(0, fromHex('7b7d'))).toBe('äñ'); // same octets read as GSM
  });

  it('1: IA5 / ASCII', () => {
    expect(decodeShortMessage(1, fromHex('48656c6c6f7b7d'))).toBe('Hello{}');
  });

  it('3: Latin-1', () => {
    expect(decodeShortMessage(3, fromHex('4e69f16f20a3'))).toBe('Niño £');
  });

  it('8: UCS-2 with an emoji', () => {
    expect(decodeShortMessage(8, fromHex('0048d83dde00'))).toBe('H😀');
  });

  it('2 and 4: 8-bit binary as Latin-1 by default, hex on request', () => {
    expect(decodeShortMessage(4, fromHex('ff00'))).toBe('\u00ff\u0000');
    expect(decodeShortMessage(2, fromHex('4869'))).toBe('Hi');
    expect(decodeShortMessage(4, fromHex('ff00'), { binaryAs: 'hex' })).toBe('ff00');
  });

  it('6 and 7: Cyrillic and Hebrew single-byte sets', () => {
    expect(decodeShortMessage(6, fromHex('b0'))).toBe('А');
    expect(decodeShortMessage(7, fromHex('e0'))).toBe('א');
  });

  it('5, 9, 0x0A, 0x0D, 0x0E: kept as bytes rather than guessed', () => {
    for (const dc of [5, 9, 0x0a, 0x0d, 0x0e]) expect(alphabetFor(dc)).toBe('binary');
  });
});

describe('decodeShortMessage: GSM 03.38 coding groups', () => {
  it('general group 0x10-0x3F takes the alphabet from bits 3-2', () => {
    expect(decodeShortMessage(0x11, fromHex('6869'))).toBe('hi');
    expect(decodeShortMessage(0x18, fromHex('0048'))).toBe('H');
    expect(alphabetFor(0x14)).toBe('binary');
    expect(alphabetFor(0x1c)).toBe('binary'); // reserved alphabet
    expect(alphabetFor(0x24)).toBe('binary'); // compressed
  });

  it('auto-deletion group 0x40-0x7F reads the same bits', () => {
    expect(alphabetFor(0x40)).toBe('gsm7');
    expect(alphabetFor(0x48)).toBe('ucs2');
    expect(alphabetFor(0x44)).toBe('binary');
  });

  it('reserved 0x80-0xBF is binary', () => {
    expect(alphabetFor(0x80)).toBe('binary');
    expect(alphabetFor(0xbf)).toBe('binary');
  });

  it('message waiting 0xC0-0xDF is GSM, 0xE0-0xEF is UCS-2', () => {
    expect(decodeShortMessage(0xc0, fromHex('6869'))).toBe('hi');
    expect(decodeShortMessage(0xd8, fromHex('6869'))).toBe('hi');
    expect(decodeShortMessage(0xe0, fromHex('0048'))).toBe('H');
    expect(alphabetFor(0xef)).toBe('ucs2');
  });

  it('0xF0-0xFF: bit 2 picks 8-bit data over GSM', () => {
    expect(decodeShortMessage(0xf0, fromHex('6869'))).toBe('hi');
    expect(decodeShortMessage(0xf1, fromHex('c834'), { gsmPacked: true })).toBe('Hi');
    expect(decodeShortMessage(0xf4, fromHex('ff'), { binaryAs: 'hex' })).toBe('ff');
    expect(alphabetFor(0xf5)).toBe('binary');
    expect(alphabetFor(0xf3)).toBe('gsm7');
  });

  it('the default alphabet option applies only to 0x00', () => {
    expect(alphabetFor(0xf0, 'latin1')).toBe('gsm7');
    expect(alphabetFor(0x00, 'latin1')).toBe('latin1');
  });
});

describe('chooseEncoding', () => {
  it('GSM when every character fits, else UCS-2', () => {
    expect(chooseEncoding('Hello {world} €')).toEqual({ dataCoding: 0 });
    expect(chooseEncoding('héllo')).toEqual({ dataCoding: 0 });
    expect(chooseEncoding('ação')).toEqual({ dataCoding: 8 });
    expect(chooseEncoding('ok 😀')).toEqual({ dataCoding: 8 });
  });
});
