// Splits a TCP byte stream into SMPP PDUs without trusting the peer. A command_length we cannot
// believe means the stream has lost its framing: we report it (with the sequence number, when the
// header is there to read) so the session can answer generic_nack and close instead of hanging.

export const HEADER_LENGTH = 16;
/** SMPP sets no maximum; 64 KiB covers a full message_payload. The smpp package stops at 16 KiB. */
export const MAX_COMMAND_LENGTH = 64 * 1024;

const GENERIC_NACK = 0x80000000;
const RESPONSE_BIT = 0x80000000;

const COMMAND_NAMES: Record<number, string> = {
  0x01: 'bind_receiver',
  0x02: 'bind_transmitter',
  0x03: 'query_sm',
  0x04: 'submit_sm',
  0x05: 'deliver_sm',
  0x06: 'unbind',
  0x07: 'replace_sm',
  0x08: 'cancel_sm',
  0x09: 'bind_transceiver',
  0x0b: 'outbind',
  0x15: 'enquire_link',
  0x21: 'submit_multi',
  0x102: 'alert_notification',
  0x103: 'data_sm',
};

export interface FrameError {
  kind: 'bad-length';
  commandLength: number;
  sequence?: number;
}

interface SplitResult {
  frames: Buffer[];
  /** Bytes to keep for the next chunk; after an error, everything from the bad PDU on. */
  rest: Buffer;
  error?: FrameError;
}

interface PduHeader {
  commandLength: number;
  commandId: number;
  commandStatus: number;
  sequenceNumber: number;
  isResponse: boolean;
  /** 'generic_nack', 'submit_sm_resp', ... or undefined for an id SMPP 3.4 does not define. */
  commandName: string | undefined;
}

export function splitFrames(buffer: Buffer): SplitResult {
  const frames: Buffer[] = [];
  let at = 0;
  while (buffer.length - at >= 4) {
    const commandLength = buffer.readUInt32BE(at);
    if (commandLength < HEADER_LENGTH || commandLength > MAX_COMMAND_LENGTH) {
      const error: FrameError = { kind: 'bad-length', commandLength };
      if (buffer.length - at >= HEADER_LENGTH) error.sequence = buffer.readUInt32BE(at + 12);
      return { frames, rest: buffer.subarray(at), error };
    }
    if (buffer.length - at < commandLength) break;
    frames.push(buffer.subarray(at, at + commandLength));
    at += commandLength;
  }
  return { frames, rest: buffer.subarray(at) };
}

export function commandName(commandId: number): string | undefined {
  const id = commandId >>> 0;
  if (id === GENERIC_NACK) return 'generic_nack';
  const base = COMMAND_NAMES[(id & ~RESPONSE_BIT) >>> 0];
  if (!base) return undefined;
  return id & RESPONSE_BIT ? `${base}_resp` : base;
}

export function readHeader(frame: Buffer): PduHeader {
  if (frame.length < HEADER_LENGTH)
    throw new RangeError(`PDU header needs ${HEADER_LENGTH} octets, got ${frame.length}`);
  const commandId = frame.readUInt32BE(4);
  return {
    commandLength: frame.readUInt32BE(0),
    commandId,
    commandStatus: frame.readUInt32BE(8),
    sequenceNumber: frame.readUInt32BE(12),
    isResponse: (commandId & RESPONSE_BIT) !== 0,
    commandName: commandName(commandId),
  };
}

/** A body-less PDU: generic_nack, enquire_link(_resp), unbind(_resp), or an error response. */
export function encodeHeaderOnly(commandId: number, status: number, sequence: number): Buffer {
  const out = Buffer.alloc(HEADER_LENGTH);
  out.writeUInt32BE(HEADER_LENGTH, 0);
  out.writeUInt32BE(commandId >>> 0, 4);
  out.writeUInt32BE(status >>> 0, 8);
  out.writeUInt32BE(sequence >>> 0, 12);
  return out;
}

/** Sequence 0 is what to send when the offending PDU's sequence could not be read. */
export function encodeGenericNack(sequence: number, status: number): Buffer {
  return encodeHeaderOnly(GENERIC_NACK, status, sequence);
}
