import { createRequire } from 'node:module';
import { HEADER_LENGTH } from '../../platform/smpp-codec/frame.js';
import { readMandatory, readTlvValue, type FieldKind } from './pdu-read.js';

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
  types: Record<'int8' | 'int16' | 'int32' | 'cstring' | 'string' | 'buffer', FieldType> & {
    tlv: Record<'string' | 'buffer', FieldType>;
  };
}

export const smppLib = createRequire(import.meta.url)('smpp') as SmppLib;

const STATUS_INVCMDLEN = 0x02;
const STATUS_INVTLVLEN = 0xc2;

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

const KINDS = new Map<FieldType, FieldKind>([
  [smppLib.types.int8, 'int8'],
  [smppLib.types.int16, 'int16'],
  [smppLib.types.int32, 'int32'],
  [smppLib.types.cstring, 'cstring'],
  [smppLib.types.string, 'string'],
  [smppLib.types.buffer, 'buffer'],
  [smppLib.types.tlv.string, 'string'],
  [smppLib.types.tlv.buffer, 'buffer'],
]);
const kindOf = (type: FieldType): FieldKind => KINDS.get(type) ?? 'other';

/**
 * Decodes a whole frame without the package's text filters (which turn short_message into lossy
 * strings) and without its field readers (which do no bounds checks): every field is read by
 * pdu-read's bounded readers. Whatever the bytes, this returns a Pdu or throws PduDecodeError.
 */
export function decodePdu(frame: Buffer): Pdu {
  if (frame.length < HEADER_LENGTH)
    throw new PduDecodeError(`a PDU needs ${HEADER_LENGTH} octets, got ${frame.length}`, 0, 0, STATUS_INVCMDLEN);
  const length = frame.readUInt32BE(0);
  const commandId = frame.readUInt32BE(4);
  const sequence = frame.readUInt32BE(12);
  const fail = (why: string, code = STATUS_INVCMDLEN): never => {
    throw new PduDecodeError(why, commandId, sequence, code);
  };
  if (length !== frame.length) fail(`command_length ${length} but the frame has ${frame.length} octets`);
  try {
    return decodeBody(frame, commandId, sequence, fail);
  } catch (error) {
    if (error instanceof PduDecodeError) throw error;
    // A reader this module does not own (submit_multi's address arrays) went wrong: still typed.
    return fail(`undecodable body: ${(error as Error).message}`, smppLib.errors.ESME_RSYSERR ?? 8);
  }
}

function decodeBody(
  frame: Buffer,
  commandId: number,
  sequence: number,
  fail: (why: string, code?: number) => never,
): Pdu {
  const length = frame.length;
  const status = frame.readUInt32BE(8);
  const def = smppLib.commandsById[commandId];
  if (!def) return fail(`unknown command_id 0x${commandId.toString(16)}`, smppLib.errors.ESME_RINVCMDID ?? 3);
  const command = def.command;
  const pdu: Pdu = { command, command_id: commandId, command_status: status, sequence_number: sequence };
  let offset = HEADER_LENGTH;
  // A response with an error status may legitimately carry no body at all.
  const bodyOptional = isResponseId(commandId) && (status !== 0 || length === HEADER_LENGTH);
  for (const [key, { type }] of Object.entries(def.params ?? {})) {
    if (offset >= length) {
      if (bodyOptional) return pdu;
      fail(`${command}: body ends before ${key}`);
    }
    const kind = kindOf(type);
    if (kind === 'other') {
      const value = type.read(frame.subarray(0, length), offset);
      pdu[key] = value;
      offset += type.size(value);
      if (offset > length) fail(`${command}: ${key} runs past command_length`);
      continue;
    }
    const read = readMandatory(frame, offset, length, kind, key);
    if (!read.ok) return fail(`${command}: ${read.why}`, read.status);
    pdu[key] = read.value;
    offset = read.next;
  }
  while (offset < length) {
    if (offset + 4 > length) fail(`${command}: stray bytes after the last TLV`, STATUS_INVTLVLEN);
    const tag = frame.readUInt16BE(offset);
    const size = frame.readUInt16BE(offset + 2);
    offset += 4;
    if (offset + size > length)
      fail(`${command}: TLV 0x${tag.toString(16)} runs past command_length`, STATUS_INVTLVLEN);
    const tlv = smppLib.tlvsById[tag];
    const name = tlv ? (def.tlvMap?.[tlv.tag] ?? tlv.tag) : `tlv_0x${tag.toString(16).padStart(4, '0')}`;
    const read = readTlvValue(frame, offset, size, tlv ? kindOf(tlv.type) : 'buffer', name);
    if (!read.ok) return fail(`${command}: ${read.why}`, read.status);
    if (tlv?.multiple)
      ((pdu[name] as unknown[] | undefined) ?? ((pdu[name] = [] as unknown[]) as unknown[])).push(read.value);
    else pdu[name] = read.value;
    offset += size;
  }
  return pdu;
}
