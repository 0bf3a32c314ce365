import { Reassembler } from '../../platform/smpp-codec/reassembly.js';
import { decodeUserData } from '../../platform/smpp-codec/user-data.js';
import type { ShortMessage } from '../session/messages.js';

/** One MT as the handset would show it: parts reassembled, text decoded. */
export interface RecordedMt {
  systemId: string;
  source: string;
  destination: string;
  text: string;
  messageIds: string[];
  dataCoding: number;
  parts: number;
  receivedAt: number;
}

/** One submit_sm as received, before reassembly. */
export interface RecordedPart {
  systemId: string;
  messageId: string;
  source: string;
  destination: string;
  text: string;
  dataCoding: number;
  esmClass: number;
  registeredDelivery: number;
  concat: { ref: number; total: number; seq: number } | null;
  receivedAt: number;
}

/** Turns submit_sm parts into RecordedMt, using the codec for decoding and reassembly. */
export class MtRecorder {
  readonly parts: RecordedPart[] = [];
  readonly messages: RecordedMt[] = [];
  private readonly reassembler = new Reassembler({ timeoutMs: 60_000 });

  /** Records a part; returns the whole message once its last part is in. */
  add(sm: ShortMessage, messageId: string, systemId: string): { part: RecordedPart; message: RecordedMt | null } {
    const pdu = sm.pdu as Record<string, unknown>;
    const num = (key: string): number | undefined => (typeof pdu[key] === 'number' ? (pdu[key] as number) : undefined);
    const ud = decodeUserData({
      esmClass: sm.esmClass,
      dataCoding: sm.dataCoding,
      shortMessage: sm.shortMessage,
      ...(sm.messagePayload ? { messagePayload: sm.messagePayload } : {}),
      ...(num('sar_msg_ref_num') !== undefined ? { sar_msg_ref_num: num('sar_msg_ref_num')! } : {}),
      ...(num('sar_total_segments') !== undefined ? { sar_total_segments: num('sar_total_segments')! } : {}),
      ...(num('sar_segment_seqnum') !== undefined ? { sar_segment_seqnum: num('sar_segment_seqnum')! } : {}),
    });
    const receivedAt = Date.now();
    const part: RecordedPart = {
      systemId,
      messageId,
      source: sm.source.addr,
      destination: sm.destination.addr,
      text: ud.text,
      dataCoding: sm.dataCoding,
      esmClass: sm.esmClass,
      registeredDelivery: sm.registeredDelivery,
      concat: ud.concat ? { ref: ud.concat.ref, total: ud.concat.total, seq: ud.concat.seq } : null,
      receivedAt,
    };
    this.parts.push(part);
    let message: RecordedMt | null = null;
    if (!ud.concat || ud.concat.total === 1) {
      message = {
        systemId,
        source: part.source,
        destination: part.destination,
        text: ud.text,
        messageIds: [messageId],
        dataCoding: sm.dataCoding,
        parts: 1,
        receivedAt,
      };
    } else {
      const done = this.reassembler.add({
        source: part.source,
        destination: part.destination,
        ref: ud.concat.ref,
        total: ud.concat.total,
        seq: ud.concat.seq,
        bytes: ud.bytes,
        dataCoding: ud.dataCoding,
        receivedAt,
        id: messageId,
      });
      if (done) {
        message = {
          systemId,
          source: done.source,
          destination: done.destination,
          text: done.text,
          messageIds: done.partIds,
          dataCoding: sm.dataCoding,
          parts: done.segments,
          receivedAt,
        };
      }
    }
    if (message) this.messages.push(message);
    return { part, message };
  }
}
