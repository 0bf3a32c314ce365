import { describe, expect, it } from 'vitest';
import { decodeUserData } from '../../../platform/smpp-codec/user-data.js';

const fromHex = (h: string) => Buffer.from(h, 'hex');

describe('decodeUserData', () => {
  it('plain GSM without UDH', () => {
    const d = decodeUserData({ esmClass: 0, dataCoding: 0, shortMessage: fromHex('48656c6c6f') });
    expect(d).toMatchObject({ text: 'Hello', concat: null, concatSource: null });
  });

  it('packed GSM after a UDH, skipping the fill bit', () => {
    const sm = fromHex('050003cc0201' + 'd06536fb8d2eb3d96f');
    const d = decodeUserData({ esmClass: 0x40, dataCoding: 0, shortMessage: sm }, { gsmPacked: true });
    expect(d.text).toBe('hellohello');
    expect(d.bytes.toString('hex')).toBe('68656c6c6f68656c6c6f'); // unpacked, ready to join
    expect(d.concat).toEqual({ ref: 0xcc, total: 2, seq: 1, refBits: 8 });
    expect(d.concatSource).toBe('udh');
  });

  it('UCS-2 after a 16-bit reference', () => {
    const d = decodeUserData({ esmClass: 0x40, dataCoding: 8, shortMessage: fromHex('06080412340303' + 'd83dde00') });
    expect(d).toMatchObject({ text: '😀', concat: { ref: 0x1234, total: 3, seq: 3, refBits: 16 } });
  });

  it('a UDH without concatenation still hides its header from the text', () => {
    const d = decodeUserData({ esmClass: 0x40, dataCoding: 0, shortMessage: fromHex('0605040b8423f0' + '6869') });
    expect(d).toMatchObject({ text: 'hi', concat: null });
  });

  it('sar_* TLVs', () => {
    const d = decodeUserData({
      esmClass: 0,
      dataCoding: 3,
      shortMessage: fromHex('e9'),
      sar_msg_ref_num: 700,
      sar_total_segments: 2,
      sar_segment_seqnum: 2,
    });
    expect(d).toMatchObject({ text: 'é', concat: { ref: 700, total: 2, seq: 2, refBits: 16 }, concatSource: 'sar' });
  });

  it('invalid sar TLVs are ignored rather than trusted', () => {
    const d = decodeUserData({
      esmClass: 0,
      dataCoding: 0,
      shortMessage: fromHex('41'),
      sar_msg_ref_num: 1,
      sar_total_segments: 2,
      sar_segment_seqnum: 3,
    });
    expect(d.concat).toBeNull();
  });

  it('message_payload when short_message is empty', () => {
    const d = decodeUserData({
      esmClass: 0,
      dataCoding: 8,
      shortMessage: Buffer.alloc(0),
      messagePayload: fromHex('00480069'),
    });
    expect(d.text).toBe('Hi');
  });

  it('a header that overruns the message keeps every byte', () => {
    const d = decodeUserData({ esmClass: 0x40, dataCoding: 1, shortMessage: fromHex('4869') });
    expect(d).toMatchObject({ text: 'Hi', concat: null });
  });
});
