import { createRequire } from 'node:module';
import { HEADER_LENGTH } from '../codec/frame.js';

// The `smpp` package ships no types; this is the narrow slice of it we rely on, kept in one place so
// the rest of the session layer stays strictly typed.
interface FieldType {
  read(buffer: Buffer, offset: number, length?: number): unknown;
  size(value: unknown): number;
}
interface CommandDef {
  id: number;
  command: string;
  params?: Record<string, { type: FieldType }>;
  tlvMap?: Record<string, string>;
}
interface TlvDef {
  id: number;
  tag: string;
  type: FieldType;
  multiple?: boolean;
}
interface LibPdu {
  command_status: number;
  sequence_number: number;
  toBuffer(): Buffer;
}
interface SmppLib {
  PDU: new (command: string, options?: Record<string, unknown>) => LibPdu;
  commands: Record<string, CommandDef>;
  commandsById: Record<number, CommandDef>;
  tlvs: Record<string, TlvDef>;
  tlvsById: Record<number, TlvDef>;
  errors: Record<string, number>;
  types: Record<'int8' | 'int16' | 'int32' | 'cstring' | 'buffer', FieldType>;
}

export const smppLib = createRequire(import.meta.url)('smpp') as SmppLib;

/** A decoded PDU: header fields plus mandatory parameters and TLVs by their SMPP 3.4 names. */
export interface Pdu {
  command: string;
  command_id: number;
  command_status: number;
  sequence_number: number;
  [field: string]: unknown;
}

/** A frame whose body cannot be decoded; the frame boundary itself was sound. */
export class PduDecodeError extends Error {
  override name = 'PduDecodeError';
  constructor(
    message: string,
    readonly commandId: number,
    readonly sequenceNumber: number,
    readonly status: number,
  ) {
    super(message);
  }
}

export const isResponseId = (commandId: number): boolean => (commandId & 0x80000000) !== 0;

/**
 * Encodes with the `smpp` package. Callers must pass short_message/message_payload as Buffers with
 * an explicit data_coding: given a string, the package guesses an encoding and mislabels GSM text.
 */
export function encodePdu(command: string, sequence: number, status = 0, fields: Record<string, unknown> = {}): Buffer {
  const options: Record<string, unknown> = { ...fields, sequence_number: sequence };
  if (status !== 0) options.command_status = status;
  return new smppLib.PDU(command, options).toBuffer();
}

/**
 * Decodes a whole frame without the package's text filters (which turn short_message into lossy
 * strings), and with the bounds checks the package lacks: a field running past command_length is a
 * truncated PDU, not something to read from the next frame.
 */
export function decodePdu(frame: Buffer): Pdu {
  const length = frame.readUInt32BE(0);
  const commandId = frame.readUInt32BE(4);
  const status = frame.readUInt32BE(8);
  const sequence = frame.readUInt32BE(12);
  const fail = (why: string, code = smppLib.errors.ESME_RINVCMDLEN ?? 2): never => {
    throw new PduDecodeError(why, commandId, sequence, code);
  };
  const def = smppLib.commandsById[commandId];
  if (!def) fail(`unknown command_id 0x${commandId.toString(16)}`, smppLib.errors.ESME_RINVCMDID ?? 3);
  const command = def!.command;
  const pdu: Pdu = { command, command_id: commandId, command_status: status, sequence_number: sequence };
  let offset = HEADER_LENGTH;
  const params = Object.entries(def!.params ?? {});
  // A response with an error status may legitimately carry no body at all.
  const bodyOptional = isResponseId(commandId) && (status !== 0 || length === HEADER_LENGTH);
  for (const [key, { type }] of params) {
    if (offset >= length) {
      if (bodyOptional) return pdu;
      fail(`${command}: body ends before ${key}`);
    }
    const value = readField(frame, offset, length, type, () => fail(`${command}: ${key} runs past command_length`));
    pdu[key] = value;
    offset += type.size(value);
  }
  while (offset < length) {
    if (offset + 4 > length) fail(`${command}: stray bytes after the last TLV`);
    const tag = frame.readUInt16BE(offset);
    const size = frame.readUInt16BE(offset + 2);
    offset += 4;
    if (offset + size > length) fail(`${command}: TLV 0x${tag.toString(16)} runs past command_length`);
    const tlv = smppLib.tlvsById[tag];
    const value = tlv ? tlv.type.read(frame, offset, size) : frame.subarray(offset, offset + size);
    const name = tlv ? (def!.tlvMap?.[tlv.tag] ?? tlv.tag) : `tlv_0x${tag.toString(16).padStart(4, '0')}`;
    if (tlv?.multiple) ((pdu[name] as unknown[] | undefined) ?? (pdu[name] = [] as unknown[]) as unknown[]).push(value);
    else pdu[name] = value;
    offset += size;
  }
  return pdu;
}

function readField(frame: Buffer, offset: number, end: number, type: { read(b: Buffer, o: number): unknown }, overflow: () => never): unknown {
  // C-Octet strings must end with a NUL inside the PDU; length-prefixed buffers must fit.
  if (type === smppLib.types.cstring) {
    const nul = frame.indexOf(0, offset);
    if (nul < 0 || nul >= end) overflow();
  } else if (type === smppLib.types.buffer) {
    if (offset + 1 + frame.readUInt8(offset) > end) overflow();
  }
  try {
    return type.read(frame.subarray(0, end), offset);
  } catch {
    return overflow();
  }
}
