import { createRequire } from 'node:module';

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
export interface LibPdu {
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
