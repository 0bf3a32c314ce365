import { describe, expect, it } from 'vitest';
import { decodePdu, encodePdu, PduDecodeError } from '../../../smpp-gateway/session/pdu.js';

const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex');
const ESME_RINVCMDLEN = 0x02;
const ESME_RINVTLVLEN = 0xc2;

function refusal(frame: Buffer): PduDecodeError {
  try {
    decodePdu(frame);
  } catch (error) {
    if (error instanceof PduDecodeError) return error;
    throw new Error(`threw ${String(error)} instead of PduDecodeError`);
  }
  throw new Error('decoded a hostile frame');
}

/** Header + body with command_length set to match. */
function frame(commandId: number, seq: number, body: string): Buffer {
  const b = hex(body);
  const out = Buffer.alloc(16 + b.length);
  out.writeUInt32BE(out.length, 0);
  out.writeUInt32BE(commandId >>> 0, 4);
  out.writeUInt32BE(seq, 12);
  b.copy(out, 16);
  return out;
}

describe('decodePdu: hostile bytes are a typed refusal with the sequence number, never a throw', () => {
  it('the packet of issue 10: enquire_link carrying a 2-byte TLV (0x0204) of length 0 → ESME_RINVTLVLEN', () => {
    const e = refusal(hex('00000014 00000015 00000000 00000007 0204 0000'));
    expect(e).toMatchObject({ commandId: 0x15, sequenceNumber: 7, status: ESME_RINVTLVLEN });
  });

  it('an int32 TLV (broadcast_error_status 0x0607) with 1 octet, and an int8 TLV with 3 → ESME_RINVTLVLEN', () => {
    expect(refusal(frame(0x15, 1, '0607 0001 00')).status).toBe(ESME_RINVTLVLEN);
    expect(refusal(frame(0x15, 1, '0427 0003 000000')).status).toBe(ESME_RINVTLVLEN);
  });

  it('a TLV whose length runs past command_length, and a lone 2-octet stray tag → ESME_RINVTLVLEN', () => {
    expect(refusal(frame(0x15, 2, '0424 0010 41')).status).toBe(ESME_RINVTLVLEN);
    expect(refusal(frame(0x15, 2, '0424')).status).toBe(ESME_RINVTLVLEN);
  });

  it('a C-string TLV (receipted_message_id) without its terminator → ESME_RINVTLVLEN', () => {
    expect(refusal(frame(0x05 + 0, 3, '00 0000 00 0000 00 00000000 00 00 00 00 00 00 001E 0003 414243')).status).toBe(
      ESME_RINVTLVLEN,
    );
  });

  it('truncated mandatory fields: submit_sm cut inside source_addr, and short_message whose sm_length overruns', () => {
    const full = encodePdu('submit_sm', 9, 0, {
      source_addr: '15557654321',
      destination_addr: '1555',
      short_message: Buffer.from('hello'),
    });
    const cut = Buffer.from(full.subarray(0, 24));
    cut.writeUInt32BE(cut.length, 0);
    expect(refusal(cut)).toMatchObject({ sequenceNumber: 9, status: ESME_RINVCMDLEN });
    const overrun = Buffer.from(full.subarray(0, full.length - 2));
    overrun.writeUInt32BE(overrun.length, 0);
    expect(refusal(overrun)).toMatchObject({ sequenceNumber: 9, status: ESME_RINVCMDLEN });
  });

  it('a C-string over its maximum: a 30-character source_addr → ESME_RINVSRCADR; a 20-character system_id → ESME_RINVSYSID', () => {
    expect(refusal(frame(0x04, 4, `00 01 01 ${'31'.repeat(30)} 00`)).status).toBe(0x0a);
    expect(refusal(frame(0x09, 5, `${'41'.repeat(20)} 00 00 00 34 00 00 00`)).status).toBe(0x0f);
  });

  it('a body C-string with no NUL before the end of the frame (not read into whatever follows)', () => {
    const next = encodePdu('enquire_link', 6);
    const both = Buffer.concat([frame(0x09, 6, '41 42 43'), next]);
    expect(refusal(both.subarray(0, 19))).toMatchObject({ sequenceNumber: 6, status: ESME_RINVCMDLEN });
  });

  it("command_length under 16, or not the frame's length", () => {
    expect(refusal(hex('0000000c 00000015 00000000')).status).toBe(ESME_RINVCMDLEN);
    expect(refusal(hex('00000020 00000015 00000000 00000008')).status).toBe(ESME_RINVCMDLEN);
  });

  it('an unknown command_id → ESME_RINVCMDID', () => {
    expect(refusal(frame(0x7777, 10, ''))).toMatchObject({ sequenceNumber: 10, status: 0x03 });
  });

  it('still decodes what is sound: TLVs of the right width, a message_payload, an error response without body', () => {
    const pdu = decodePdu(
      encodePdu('deliver_sm', 11, 0, {
        source_addr: '1555',
        destination_addr: '12345',
        short_message: Buffer.alloc(0),
        message_payload: Buffer.from('long text'),
        user_message_reference: 7,
      }),
    );
    expect(pdu).toMatchObject({
      command: 'deliver_sm',
      user_message_reference: 7,
      message_payload: Buffer.from('long text'),
    });
    expect(decodePdu(hex('00000010 80000004 00000058 0000000c'))).toMatchObject({
      command: 'submit_sm_resp',
      command_status: 0x58,
    });
  });
});
