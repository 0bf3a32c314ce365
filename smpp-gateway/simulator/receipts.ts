import type { SmscPeer } from '../session/smsc-peer.js';
import type { RecordedPart } from './mt-recorder.js';

export type ReceiptStat = 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD';

/** message_state TLV values (SMPP 3.4, 5.3.2.35) for each stat. */
const MESSAGE_STATE: Record<ReceiptStat, number> = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5, REJECTD: 8 };

/** YYMMDDhhmm, the date format of the SMPP 3.4 appendix B receipt text. */
function receiptDate(at: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(at.getUTCFullYear() % 100)}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${two(at.getUTCHours())}${two(at.getUTCMinutes())}`;
}

/** The de-facto receipt text (SMPP 3.4 appendix B); `text` is the first 20 characters, ASCII only. */
function formatReceipt(r: {
  id: string;
  stat: ReceiptStat;
  err: number;
  submittedAt: Date;
  doneAt: Date;
  text: string;
}): string {
  const excerpt = r.text.slice(0, 20).replace(/[^\x20-\x7e]/g, '?');
  const err = String(r.err).padStart(3, '0');
  return `id:${r.id} sub:001 dlvd:${r.stat === 'DELIVRD' ? '001' : '000'} submit date:${receiptDate(r.submittedAt)} done date:${receiptDate(r.doneAt)} stat:${r.stat} err:${err} text:${excerpt}`;
}

interface PendingReceipt {
  systemId: string;
  messageId: string;
  stat: ReceiptStat;
  fields: Record<string, unknown>;
}

/** The receipt deliver_sm for one accepted part: from the handset back to the sender. */
function receiptFor(part: RecordedPart, stat: ReceiptStat): PendingReceipt {
  const now = new Date();
  const text = formatReceipt({
    id: part.messageId,
    stat,
    err: stat === 'DELIVRD' ? 0 : 1,
    submittedAt: new Date(part.receivedAt),
    doneAt: now,
    text: part.text,
  });
  return {
    systemId: part.systemId,
    messageId: part.messageId,
    stat,
    fields: {
      service_type: '',
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: part.destination,
      dest_addr_ton: 0,
      dest_addr_npi: 1,
      destination_addr: part.source,
      esm_class: 0x04,
      protocol_id: 0,
      priority_flag: 0,
      schedule_delivery_time: '',
      validity_period: '',
      registered_delivery: 0,
      replace_if_present_flag: 0,
      // Receipt text is plain ASCII, which reads the same under GSM 03.38 for these characters.
      data_coding: 0,
      sm_default_msg_id: 0,
      short_message: Buffer.from(text, 'latin1'),
      receipted_message_id: part.messageId,
      message_state: MESSAGE_STATE[stat],
    },
  };
}

/**
 * Sends receipts after a delay, to the bind that submitted (else any receiver). Like a real SMSC it
 * keeps them while nobody can receive, and retries (a few times) one the ESME refused.
 */
export class ReceiptQueue {
  private readonly waiting: PendingReceipt[] = [];

  constructor(
    private readonly receiver: (systemId?: string) => SmscPeer | undefined,
    private readonly onResult: (r: { messageId: string; stat: ReceiptStat; status: number }) => void,
    private readonly delayMs: number,
  ) {}

  /** registered_delivery 1: always; 2: only on failure; 0: never. */
  schedule(part: RecordedPart, registeredDelivery: number, stat: ReceiptStat): void {
    const wanted = registeredDelivery & 0x03;
    if (wanted === 0 || (wanted === 2 && stat === 'DELIVRD')) return;
    const receipt = receiptFor(part, stat);
    setTimeout(() => this.send(receipt, 0), this.delayMs).unref();
  }

  /** A bind came up: hand over what was kept. */
  flush(): void {
    for (const r of this.waiting.splice(0)) this.send(r, 0);
  }

  private send(receipt: PendingReceipt, attempt: number): void {
    const peer = this.receiver(receipt.systemId) ?? this.receiver();
    if (!peer) return void this.waiting.push(receipt);
    peer.conn.request('deliver_sm', receipt.fields).then(
      (resp) => {
        this.onResult({ messageId: receipt.messageId, stat: receipt.stat, status: resp.command_status });
        if (resp.command_status !== 0 && attempt < 5)
          setTimeout(() => this.send(receipt, attempt + 1), this.delayMs).unref();
      },
      () => this.waiting.push(receipt),
    );
  }
}
