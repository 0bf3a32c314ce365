import type { RecordedPart } from './mt-recorder.js';
import { formatReceipt, MESSAGE_STATE, type ReceiptStat } from './receipt-text.js';

export interface PendingReceipt {
  systemId: string;
  messageId: string;
  stat: ReceiptStat;
  fields: Record<string, unknown>;
}

/** The receipt deliver_sm for one accepted part: from the handset back to the sender. */
export function receiptFor(part: RecordedPart, stat: ReceiptStat): PendingReceipt {
  const now = new Date();
  const text = formatReceipt({ id: part.messageId, stat, err: stat === 'DELIVRD' ? 0 : 1, submittedAt: new Date(part.receivedAt), doneAt: now, text: part.text });
  return {
    systemId: part.systemId,
    messageId: part.messageId,
    stat,
    fields: {
      service_type: '',
      source_addr_ton: 1, source_addr_npi: 1, source_addr: part.destination,
      dest_addr_ton: 0, dest_addr_npi: 1, destination_addr: part.source,
      esm_class: 0x04,
      protocol_id: 0, priority_flag: 0, schedule_delivery_time: '', validity_period: '',
      registered_delivery: 0, replace_if_present_flag: 0,
      // Receipt text is plain ASCII, which reads the same under GSM 03.38 for these characters.
      data_coding: 0,
      sm_default_msg_id: 0,
      short_message: Buffer.from(text, 'latin1'),
      receipted_message_id: part.messageId,
      message_state: MESSAGE_STATE[stat],
    },
  };
}
