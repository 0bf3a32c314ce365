import type { Pdu } from './pdu.js';

/** An SMPP address. A string is shorthand: "+1555..." is international/E.164, anything else unknown/E.164. */
type Address = string | { addr: string; ton: number; npi: number };

/** One part as the codec's segmentText returns it (Buffer + explicit data_coding, never a string). */
export interface SubmitPart {
  shortMessage: Buffer;
  dataCoding: number;
  esmClass?: number;
  tlvs?: Record<string, number | Buffer | string>;
}

export interface SubmitMessage {
  source: Address;
  destination: Address;
  parts: SubmitPart[];
  /** Default 1: a final delivery receipt, which drives DELIVERED/FAILED on the agent's side. */
  registeredDelivery?: number;
  serviceType?: string;
}

function resolveAddress(address: Address): { addr: string; ton: number; npi: number } {
  if (typeof address !== 'string') return address;
  return address.startsWith('+') ? { addr: address.slice(1), ton: 1, npi: 1 } : { addr: address, ton: 0, npi: 1 };
}

/** Fields shared by submit_sm (ESME to SMSC) and deliver_sm (SMSC to ESME). */
export function shortMessageFields(message: SubmitMessage, part: SubmitPart): Record<string, unknown> {
  const source = resolveAddress(message.source);
  const destination = resolveAddress(message.destination);
  return {
    service_type: message.serviceType ?? '',
    source_addr_ton: source.ton,
    source_addr_npi: source.npi,
    source_addr: source.addr,
    dest_addr_ton: destination.ton,
    dest_addr_npi: destination.npi,
    destination_addr: destination.addr,
    esm_class: part.esmClass ?? 0,
    protocol_id: 0,
    priority_flag: 0,
    schedule_delivery_time: '',
    validity_period: '',
    registered_delivery: message.registeredDelivery ?? 1,
    replace_if_present_flag: 0,
    data_coding: part.dataCoding,
    sm_default_msg_id: 0,
    short_message: part.shortMessage,
    ...(part.tlvs ?? {}),
  };
}

/** A received submit_sm or deliver_sm, raw: decoding, reassembly and receipts belong to the codec. */
export interface ShortMessage {
  pdu: Pdu;
  serviceType: string;
  source: { addr: string; ton: number; npi: number };
  destination: { addr: string; ton: number; npi: number };
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  shortMessage: Buffer;
  /** message_payload TLV, used instead of short_message by some carriers for long texts. */
  messagePayload?: Buffer;
  /** esm_class message type 0x04 (SMSC delivery receipt) or 0x20 (intermediate notification). */
  isReceipt: boolean;
  receiptedMessageId?: string;
  messageState?: number;
}

export function toShortMessage(pdu: Pdu): ShortMessage {
  const num = (key: string): number => (typeof pdu[key] === 'number' ? (pdu[key] as number) : 0);
  const str = (key: string): string => (typeof pdu[key] === 'string' ? (pdu[key] as string) : '');
  const esmClass = num('esm_class');
  const payload = pdu.message_payload;
  return {
    pdu,
    serviceType: str('service_type'),
    source: { addr: str('source_addr'), ton: num('source_addr_ton'), npi: num('source_addr_npi') },
    destination: { addr: str('destination_addr'), ton: num('dest_addr_ton'), npi: num('dest_addr_npi') },
    esmClass,
    dataCoding: num('data_coding'),
    registeredDelivery: num('registered_delivery'),
    shortMessage: Buffer.isBuffer(pdu.short_message) ? pdu.short_message : Buffer.alloc(0),
    ...(Buffer.isBuffer(payload) ? { messagePayload: payload } : {}),
    isReceipt: (esmClass & 0x3c) === 0x04 || (esmClass & 0x3c) === 0x20,
    ...(typeof pdu.receipted_message_id === 'string' ? { receiptedMessageId: pdu.receipted_message_id } : {}),
    ...(typeof pdu.message_state === 'number' ? { messageState: pdu.message_state } : {}),
  };
}

/** The status a rejected handler maps to: its own `status` if it has one, else "try again later". */
export function statusOfRejection(error: unknown, fallback: number): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && Number.isInteger(status) && status > 0 ? status : fallback;
}
