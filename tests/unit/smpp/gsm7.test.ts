import { describe, expect, it } from 'vitest';
import {
  decodeGsm7,
  encodeGsm7,
  fitsGsm7,
  Gsm7EncodeError,
  gsm7Length,
  packSeptets,
  septetCountFor,
  unpackSeptets,
} from '../../../platform/smpp-codec/gsm7.js';

const hex = (b: Buffer) => b.toString('hex');
const fromHex = (h: string) => Buffer.from(h, 'hex');

describe('GSM 03.38 tables', () => {
  it('encodes the basic table one septet per octet', () => {
    expect(hex(encodeGsm7('Hello @£$'))).toBe('48656c6c6f2000' + '0102');
    expect(hex(encodeGsm7('ΔΩ¡¿§à'))).toBe('10154060' + '5f7f');
  });

  it('encodes the extension table behind 0x1B', () => {
    expect(hex(encodeGsm7('^{}\\[~]|€'))).toBe('1b141b281b291b2f1b3c1b3d1b3e1b401b65');
    expect(hex(encodeGsm7('\f'))).toBe('1b0a');
  });

  it('counts extension characters as two septets', () => {
    expect(gsm7Length('a€b')).toBe(4);
    expect(gsm7Length('[x]')).toBe(5);
    expect(gsm7Length('')).toBe(0);
  });

  it('decides what fits', () => {
    expect(fitsGsm7('Hello, world! {ok} €5 é')).toBe(true);
    expect(fitsGsm7('Ç')).toBe(true);
    expect(fitsGsm7('ç')).toBe(false); // strict: only the capital is in the table
    expect(fitsGsm7('hi 😀')).toBe(false);
    expect(fitsGsm7('\u001b')).toBe(false); // escape is not a character
    expect(fitsGsm7('`')).toBe(false);
  });

  it('throws a typed error naming the first bad character', () => {
    let caught: unknown;
    try {
      encodeGsm7('ok 😀');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Gsm7EncodeError);
    expect((caught as Gsm7EncodeError).index).toBe(3);
    expect((caught as Gsm7EncodeError).message).toContain('U+1F600');
  });

  it('round-trips every character of both tables', () => {
    const all = Array.from({ length: 128 }, (_, i) => i).filter((i) => i !== 0x1b);
    const text = decodeGsm7(Buffer.from(all)) + '^{}\\[~]|€\f';
    expect(text).toHaveLength(127 + 10);
    expect(decodeGsm7(encodeGsm7(text))).toBe(text);
  });

  it('decodes odd input without throwing', () => {
    expect(decodeGsm7(fromHex('1b41'))).toBe('A'); // unknown extension shows the basic char
    expect(decodeGsm7(fromHex('411b'))).toBe('A'); // dangling escape dropped
    expect(decodeGsm7(fromHex('41ff'))).toBe('A\ufffd');
  });
});

describe('septet packing', () => {
  it('packs the classic fixtures', () => {
    expect(hex(packSeptets(encodeGsm7('hellohello')))).toBe('e8329bfd4697d9ec37');
    expect(hex(packSeptets(encodeGsm7('How are you?')))).toBe('c8f71d14969741f977fd07');
    expect(hex(packSeptets(encodeGsm7('Hi')))).toBe('c834');
  });

  it('unpacks the classic fixtures', () => {
    const p = fromHex('e8329bfd4697d9ec37');
    expect(decodeGsm7(unpackSeptets(p, 10))).toBe('hellohello');
    expect(septetCountFor(p.length, 0, p)).toBe(10);
  });

  it('honours fill bits after a UDH', () => {
    expect(hex(packSeptets(Buffer.from([0x41]), 1))).toBe('82');
    const packed = packSeptets(encodeGsm7('hellohello'), 1);
    expect(hex(packed)).toBe('d06536fb8d2eb3d96f');
    expect(decodeGsm7(unpackSeptets(packed, 10, 1))).toBe('hellohello');
  });

  it('drops the phantom @ that 7 padding bits produce', () => {
    const seven = fromHex('31d98c56b3dd00'); // "1234567": 49 bits in 7 octets
    expect(septetCountFor(seven.length, 0, seven)).toBe(7);
    expect(decodeGsm7(unpackSeptets(seven, 7))).toBe('1234567');
    const eight = packSeptets(encodeGsm7('12345678')); // 56 bits exactly: the last septet is real
    expect(septetCountFor(eight.length, 0, eight)).toBe(8);
  });

  it('round-trips every length from 0 to 20 at every fill', () => {
    for (let fill = 0; fill < 7; fill++) {
      for (let n = 0; n <= 20; n++) {
        const septets = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 5) & 0x7f));
        expect(unpackSeptets(packSeptets(septets, fill), n, fill)).toEqual(septets);
      }
    }
  });
});
