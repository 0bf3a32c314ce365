import { describe, expect, it } from 'vitest';
import { buildConcatUdh, buildUdh, hasUdhi, parseUdh, splitUdh } from '../../../platform/smpp-codec/udh.js';

const fromHex = (h: string) => Buffer.from(h, 'hex');

describe('parseUdh', () => {
  it('reads an 8-bit concatenation reference', () => {
    const parsed = parseUdh(fromHex('050003cc0201' + '48656c6c6f'));
    expect(parsed).toMatchObject({ ref: 0xcc, total: 2, seq: 1, refBits: 8, headerLength: 6, fillBits: 1 });
    expect(parsed!.payload.toString('hex')).toBe('48656c6c6f');
  });

  it('reads a 16-bit concatenation reference', () => {
    const parsed = parseUdh(fromHex('06080412340302' + '0048'));
    expect(parsed).toMatchObject({ ref: 0x1234, total: 3, seq: 2, refBits: 16, headerLength: 7, fillBits: 0 });
    expect(parsed!.payload.toString('hex')).toBe('0048');
  });

  it('skips other elements (port addressing) to find the concatenation', () => {
    const parsed = parseUdh(fromHex('0b' + '05040b8423f0' + '0003aa0201' + '6869'));
    expect(parsed).toMatchObject({ ref: 0xaa, total: 2, seq: 1, refBits: 8 });
    expect(parsed!.payload.toString('hex')).toBe('6869');
  });

  it('returns null without a concatenation element, and splitUdh still finds the text', () => {
    const sm = fromHex('0605040b8423f0' + '6869');
    expect(parseUdh(sm)).toBeNull();
    const split = splitUdh(sm)!;
    expect(split.elements).toEqual([{ iei: 0x05, data: fromHex('0b8423f0') }]);
    expect(split.payload.toString('hex')).toBe('6869');
  });

  it('ignores invalid concatenation elements as 23.040 asks', () => {
    expect(parseUdh(fromHex('050003cc0200'))).toBeNull(); // seq 0
    expect(parseUdh(fromHex('050003cc0203'))).toBeNull(); // seq > total
    expect(parseUdh(fromHex('050003cc0000'))).toBeNull(); // total 0
    expect(parseUdh(fromHex('040003cc02'))).toBeNull(); // element cut short by its header
  });

  it('rejects a header longer than the message', () => {
    expect(parseUdh(fromHex('090003cc0201'))).toBeNull();
    expect(splitUdh(fromHex('09'))).toBeNull();
    expect(splitUdh(Buffer.alloc(0))).toBeNull();
  });
});

describe('building headers', () => {
  it('builds the two concatenation forms', () => {
    expect(buildConcatUdh(0xcc, 2, 1).toString('hex')).toBe('050003cc0201');
    expect(buildConcatUdh(0x1234, 3, 2, 16).toString('hex')).toBe('06080412340302');
  });

  it('builds any elements and round-trips through splitUdh', () => {
    const udh = buildUdh([
      { iei: 0x05, data: fromHex('0b8423f0') },
      { iei: 0x00, data: fromHex('070201') },
    ]);
    expect(udh.toString('hex')).toBe('0b05040b8423f0000307' + '0201');
    expect(parseUdh(Buffer.concat([udh, fromHex('41')]))).toMatchObject({ ref: 7, total: 2, seq: 1 });
  });

  it('tests the UDHI bit of esm_class', () => {
    expect(hasUdhi(0x40)).toBe(true);
    expect(hasUdhi(0x43)).toBe(true);
    expect(hasUdhi(0x04)).toBe(false);
  });
});
