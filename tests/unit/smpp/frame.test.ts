import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  commandName,
  encodeGenericNack,
  encodeHeaderOnly,
  readHeader,
  splitFrames,
} from '../../../platform/smpp-codec/frame.js';

// The smpp package ships no types; these tests only hand its PDU class our bytes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const { PDU } = createRequire(import.meta.url)('smpp/lib/pdu.js') as { PDU: any };
const fromHex = (h: string) => Buffer.from(h, 'hex');

const ENQUIRE = '00000010' + '00000015' + '00000000' + '00000007';
const ENQUIRE_RESP = '00000010' + '80000015' + '00000000' + '00000007';

describe('splitFrames', () => {
  it('splits back-to-back PDUs', () => {
    const { frames, rest, error } = splitFrames(fromHex(ENQUIRE + ENQUIRE_RESP));
    expect(frames.map((f) => f.toString('hex'))).toEqual([ENQUIRE, ENQUIRE_RESP]);
    expect(rest).toHaveLength(0);
    expect(error).toBeUndefined();
  });

  it('keeps a partial PDU (even a partial length) for the next chunk', () => {
    const bytes = fromHex(ENQUIRE + ENQUIRE_RESP);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const first = splitFrames(bytes.subarray(0, cut));
      const second = splitFrames(Buffer.concat([first.rest, bytes.subarray(cut)]));
      expect([...first.frames, ...second.frames].map((f) => f.toString('hex'))).toEqual([ENQUIRE, ENQUIRE_RESP]);
    }
  });

  it('frames a real submit_sm from the smpp package', () => {
    const wire = new PDU('submit_sm', {
      sequence_number: 9,
      destination_addr: '1555',
      short_message: Buffer.from('hi'),
    }).toBuffer() as Buffer;
    const { frames } = splitFrames(Buffer.concat([wire, fromHex(ENQUIRE)]));
    expect(frames).toHaveLength(2);
    expect(readHeader(frames[0]!)).toMatchObject({
      commandName: 'submit_sm',
      sequenceNumber: 9,
      commandLength: wire.length,
    });
  });

  it('rejects a command_length under 16, with the sequence when readable', () => {
    const bad = '0000000c' + '00000004' + '00000000' + '0000002a';
    const { frames, rest, error } = splitFrames(fromHex(ENQUIRE + bad));
    expect(frames).toHaveLength(1);
    expect(error).toEqual({ kind: 'bad-length', commandLength: 12, sequence: 42 });
    expect(rest.toString('hex')).toBe(bad);
  });

  it('rejects a command_length over 64 KiB, even before the rest has arrived', () => {
    expect(splitFrames(fromHex('00010001')).error).toEqual({ kind: 'bad-length', commandLength: 65537 });
    expect(splitFrames(fromHex('ffffffff0000000400000000000000ff')).error).toMatchObject({ sequence: 255 });
    const max = Buffer.alloc(65536);
    max.writeUInt32BE(65536, 0);
    expect(splitFrames(max).frames).toHaveLength(1);
  });
});

describe('headers and nacks', () => {
  it('reads a header and names commands and responses', () => {
    expect(readHeader(fromHex(ENQUIRE_RESP))).toEqual({
      commandLength: 16,
      commandId: 0x80000015,
      commandStatus: 0,
      sequenceNumber: 7,
      isResponse: true,
      commandName: 'enquire_link_resp',
    });
    expect(commandName(0x80000000)).toBe('generic_nack');
    expect(commandName(0x00000103)).toBe('data_sm');
    expect(commandName(0x00000099)).toBeUndefined();
    expect(() => readHeader(fromHex('00000010'))).toThrow(RangeError);
  });

  it('encodes generic_nack byte for byte', () => {
    expect(encodeGenericNack(42, 0x02).toString('hex')).toBe('00000010' + '80000000' + '00000002' + '0000002a');
    expect(encodeHeaderOnly(0x80000015, 0, 0xffffffff).toString('hex')).toBe('00000010800000150000000' + '0ffffffff');
  });

  it('produces a nack the smpp package parses', () => {
    const pdu = new PDU(encodeGenericNack(5, 0x03));
    expect(pdu.command).toBe('generic_nack');
    expect(pdu.command_status).toBe(3);
    expect(pdu.sequence_number).toBe(5);
  });
});
