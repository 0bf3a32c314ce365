export type ReceiptStat = 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD';

/** message_state TLV values (SMPP 3.4, 5.3.2.35) for each stat. */
export const MESSAGE_STATE: Record<ReceiptStat, number> = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5, REJECTD: 8 };

/** YYMMDDhhmm, the date format of the SMPP 3.4 appendix B receipt text. */
export function receiptDate(at: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(at.getUTCFullYear() % 100)}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${two(at.getUTCHours())}${two(at.getUTCMinutes())}`;
}

/** The de-facto receipt text (SMPP 3.4 appendix B); `text` is the first 20 characters, ASCII only. */
export function formatReceipt(r: { id: string; stat: ReceiptStat; err: number; submittedAt: Date; doneAt: Date; text: string }): string {
  const excerpt = r.text.slice(0, 20).replace(/[^\x20-\x7e]/g, '?');
  const err = String(r.err).padStart(3, '0');
  return `id:${r.id} sub:001 dlvd:${r.stat === 'DELIVRD' ? '001' : '000'} submit date:${receiptDate(r.submittedAt)} done date:${receiptDate(r.doneAt)} stat:${r.stat} err:${err} text:${excerpt}`;
}
