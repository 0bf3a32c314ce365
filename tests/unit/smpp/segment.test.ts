import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { countSegments, segmentText, SegmentError, type OutboundPart } from '../../../platform/smpp-codec/segment.js';
import { parseUdh } from '../../../platform/smpp-codec/udh.js';

// The smpp package ships no types; these tests only hand its PDU class our bytes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const { PDU } = createRequire(import.meta.url)('smpp/lib/pdu.js') as { PDU: any };

function bodyOf(part: OutboundPart): Buffer {
  return part.esmClass & 0x40 ? parseUdh(part.shortMessage)!.payload : part.shortMessage;
}
const textOf = (parts: OutboundPart[]) => parts.map((p) => decodeShortMessage(p.dataCoding, bodyOf(p))).join('');

describe('segmentText: boundaries', () => {
  it('160 septets is one part, 161 is two of 153 + 8', () => {
    const one = segmentText('a'.repeat(160), { mode: 'udh8', ref: 7 });
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ dataCoding: 0, esmClass: 0, tlvs: {} });
    expect(one[0]!.shortMessage).toHaveLength(160);
    const two = segmentText('a'.repeat(161), { mode: 'udh8', ref: 7 });
    expect(two.map((p) => p.shortMessage.subarray(0, 6).toString('hex'))).toEqual(['050003070201', '050003070202']);
    expect(two.map((p) => bodyOf(p).length)).toEqual([153, 8]);
    expect(two.every((p) => p.esmClass === 0x40 && p.dataCoding === 0)).toBe(true);
  });

  it('70 UCS-2 units is one part, 71 is two of 67 + 4', () => {
    expect(segmentText('ж'.repeat(70), { mode: 'udh8', ref: 1 })[0]!.shortMessage).toHaveLength(140);
    const two = segmentText('ж'.repeat(71), { mode: 'udh8', ref: 1 });
    expect(two.map((p) => bodyOf(p).length / 2)).toEqual([67, 4]);
    expect(two[0]!.dataCoding).toBe(8);
  });

  it('a 16-bit reference leaves 152 septets / 66 units', () => {
    const gsm = segmentText('a'.repeat(161), { mode: 'udh16', ref: 0x1234 });
    expect(gsm[1]!.shortMessage.subarray(0, 7).toString('hex')).toBe('06080412340202');
    expect(gsm.map((p) => bodyOf(p).length)).toEqual([152, 9]);
    const ucs = segmentText('ж'.repeat(71), { mode: 'udh16', ref: 2 });
    expect(ucs.map((p) => bodyOf(p).length / 2)).toEqual([66, 5]);
  });

  it('never splits an escape pair: € moves whole to the next part', () => {
    const text = 'a'.repeat(152) + '€' + 'b'.repeat(10);
    const parts = segmentText(text, { mode: 'udh8', ref: 9 });
    expect(bodyOf(parts[0]!).toString('hex')).toBe('61'.repeat(152));
    expect(bodyOf(parts[1]!).subarray(0, 2).toString('hex')).toBe('1b65');
    expect(textOf(parts)).toBe(text);
  });

  it('never splits a surrogate pair: the emoji moves whole to the next part', () => {
    const text = 'ж'.repeat(66) + '😀' + 'ж'.repeat(10);
    const parts = segmentText(text, { mode: 'udh8', ref: 9 });
    expect(bodyOf(parts[0]!)).toHaveLength(132);
    expect(bodyOf(parts[1]!).subarray(0, 4).toString('hex')).toBe('d83dde00');
    expect(textOf(parts)).toBe(text);
  });

  it('masks the reference to the header size', () => {
    expect(segmentText('a'.repeat(200), { mode: 'udh8', ref: 300 })[0]!.shortMessage[3]).toBe(300 & 0xff);
    expect(() => segmentText('a', { mode: 'udh8', ref: -1 })).toThrow(SegmentError);
  });
});

describe('segmentText: modes', () => {
  it('sar puts the concatenation in TLVs and leaves short_message bare', () => {
    const parts = segmentText('a'.repeat(161), { mode: 'sar', ref: 513 });
    expect(parts.map((p) => p.tlvs)).toEqual([
      { sar_msg_ref_num: 513, sar_total_segments: 2, sar_segment_seqnum: 1 },
      { sar_msg_ref_num: 513, sar_total_segments: 2, sar_segment_seqnum: 2 },
    ]);
    expect(parts.map((p) => [p.esmClass, p.shortMessage.length])).toEqual([
      [0, 152],
      [0, 9],
    ]);
  });

  it('payload sends one message_payload, or short_message when one part is enough', () => {
    const [long] = segmentText('ж'.repeat(100), { mode: 'payload', ref: 0 });
    expect(long!.shortMessage).toHaveLength(0);
    expect((long!.tlvs.message_payload as Buffer).length).toBe(200);
    expect(long!.dataCoding).toBe(8);
    const short = segmentText('hi', { mode: 'payload', ref: 0 });
    expect(short).toEqual([{ shortMessage: Buffer.from('6869', 'hex'), dataCoding: 0, esmClass: 0, tlvs: {} }]);
  });

  it('round-trips a 1000-character mixed text in every UDH mode', () => {
    const text = 'Your order {#42} ships Tuesday – thanks! 😀 '.repeat(23).slice(0, 1000);
    for (const mode of ['udh8', 'udh16', 'sar'] as const)
      expect(textOf(segmentText(text, { mode, ref: 5 }))).toBe(text);
  });

  it('hands Buffers to the smpp package without re-encoding', () => {
    for (const part of segmentText('a€'.repeat(80), { mode: 'udh8', ref: 3 })) {
      const wire = new PDU('submit_sm', {
        sequence_number: 1,
        destination_addr: '15551234567',
        short_message: part.shortMessage,
        data_coding: part.dataCoding,
        esm_class: part.esmClass,
        ...part.tlvs,
      }).toBuffer() as Buffer;
      expect(wire.includes(part.shortMessage)).toBe(true);
      const back = new PDU(wire);
      expect(back.data_coding).toBe(0);
      expect(back.esm_class).toBe(0x40);
    }
  });
});

describe('countSegments', () => {
  it('counts what the phone will see', () => {
    expect(countSegments('')).toBe(1);
    expect(countSegments('a'.repeat(160))).toBe(1);
    expect(countSegments('a'.repeat(161))).toBe(2);
    expect(countSegments('a'.repeat(306))).toBe(2);
    expect(countSegments('a'.repeat(307))).toBe(3);
    expect(countSegments('€'.repeat(80))).toBe(1);
    expect(countSegments('€'.repeat(81))).toBe(2);
    expect(countSegments('😀'.repeat(35))).toBe(1);
    expect(countSegments('ж'.repeat(1000))).toBe(15);
  });
});
