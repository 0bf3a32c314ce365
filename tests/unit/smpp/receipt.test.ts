import { describe, expect, it } from 'vitest';
import {
  isReceiptEsmClass,
  parseReceipt,
  receiptIdKeys,
  receiptIdsMatch,
} from '../../../platform/smpp-codec/receipt.js';

describe('parseReceipt: text formats', () => {
  it('SMPP 3.4 Appendix B, as most SMSCs send it', () => {
    const text =
      'id:0123456789 sub:001 dlvd:001 submit date:2401151230 done date:2401151231 stat:DELIVRD err:000 text:Hello from the desk';
    expect(parseReceipt({ esmClass: 0x04, text })).toEqual({
      messageId: '0123456789',
      state: 'DELIVERED',
      stat: 'DELIVRD',
      err: '000',
      textId: null,
      submitDate: '2401151230',
      doneDate: '2401151231',
    });
  });

  it('upper-case keys, hex id, seconds in the dates, empty text', () => {
    const text =
      'ID:1A2B3C4D SUB:001 DLVD:000 SUBMIT DATE:240115123005 DONE DATE:240116123010 STAT:EXPIRED ERR:027 TEXT:';
    expect(parseReceipt(text)).toMatchObject({
      messageId: '1A2B3C4D',
      state: 'FAILED',
      stat: 'EXPIRED',
      err: '027',
      doneDate: '240116123010',
    });
  });

  it('reordered fields with underscores and mixed case (aggregator style)', () => {
    const text =
      'submit_date:2401151230 done_date:2401151232 Stat:undeliv Err:001 id:6d1f9c3a-77b2 sub:001 dlvd:000 Text:Your code';
    expect(parseReceipt(text)).toMatchObject({
      messageId: '6d1f9c3a-77b2',
      state: 'FAILED',
      stat: 'UNDELIV',
      err: '001',
      submitDate: '2401151230',
    });
  });

  it('text placed before other fields does not swallow them', () => {
    expect(parseReceipt('id:77 text:see you soon stat:ENROUTE err:0')).toMatchObject({
      state: 'PENDING',
      stat: 'ENROUTE',
      err: '0',
    });
  });

  it('maps every stat word', () => {
    const state = (stat: string) => parseReceipt(`id:1 stat:${stat}`)?.state;
    expect(['DELIVRD', 'DELIVERED'].map(state)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(['EXPIRED', 'DELETED', 'UNDELIV', 'REJECTD', 'UNKNOWN', 'FAILED'].map(state)).toEqual(
      Array(6).fill('FAILED'),
    );
    expect(['ENROUTE', 'ACCEPTD', 'BUFFRED', 'SENT', 'WHATEVER'].map(state)).toEqual(Array(5).fill('PENDING'));
  });

  it('is not fooled by a customer texting receipt-shaped words', () => {
    expect(parseReceipt({ esmClass: 0x00, text: 'id:1 stat:DELIVRD' })).toBeNull();
    expect(parseReceipt('paid:5 status:ok')).toBeNull();
    expect(parseReceipt('id:5 hello')).toBeNull(); // no state at all
  });
});

describe('parseReceipt: TLVs', () => {
  it('maps message_state 1..8', () => {
    const states = [1, 2, 3, 4, 5, 6, 7, 8].map((s) =>
      parseReceipt({ esmClass: 0x04, receipted_message_id: 'abc', message_state: s })!,
    );
    expect(states.map((r) => r.state)).toEqual([
      'PENDING',
      'DELIVERED',
      'FAILED',
      'FAILED',
      'FAILED',
      'PENDING',
      'FAILED',
      'FAILED',
    ]);
    expect(states.map((r) => r.stat)).toEqual([
      'ENROUTE',
      'DELIVRD',
      'EXPIRED',
      'DELETED',
      'UNDELIV',
      'ACCEPTD',
      'UNKNOWN',
      'REJECTD',
    ]);
  });

  it('prefers the TLVs and keeps the text id when it differs', () => {
    const r = parseReceipt({
      esmClass: 0x04,
      receipted_message_id: '1A2B3C\0',
      message_state: 5,
      text: 'id:1715004 sub:001 dlvd:000 submit date:2401151230 done date:2401151231 stat:UNDELIV err:034 text:',
    })!;
    expect(r).toMatchObject({ messageId: '1A2B3C', textId: '1715004', state: 'FAILED', err: '034' });
    expect(receiptIdsMatch(r.messageId, r.textId!)).toBe(true);
  });

  it('reads err from network_error_code when there is no text', () => {
    const r = parseReceipt({
      esmClass: 0x04,
      receipted_message_id: 'x1',
      message_state: 5,
      network_error_code: Buffer.from('030022', 'hex'),
    });
    expect(r).toMatchObject({ err: '034', stat: 'UNDELIV' });
  });

  it('accepts intermediate notifications and refuses a receipt without an id', () => {
    expect(isReceiptEsmClass(0x20)).toBe(true);
    expect(isReceiptEsmClass(0x44)).toBe(true); // receipt with UDHI
    expect(isReceiptEsmClass(0x08)).toBe(false);
    expect(parseReceipt({ esmClass: 0x04, message_state: 2 })).toBeNull();
  });
});

describe('receiptIdsMatch', () => {
  it('matches across case, leading zeros and bases', () => {
    expect(receiptIdsMatch('0001a2b3c', '1A2B3C')).toBe(true);
    expect(receiptIdsMatch('1A2B3C', '1715004')).toBe(true); // hex submit_resp, decimal receipt
    expect(receiptIdsMatch('1715004', '1a2b3c')).toBe(true); // and the other way round
    expect(receiptIdsMatch('00042', '42')).toBe(true);
    expect(receiptIdsMatch('18446744073709551615', 'ffffffffffffffff')).toBe(true);
    expect(receiptIdsMatch('6d1f9c3a-77b2', '6D1F9C3A-77B2')).toBe(true);
  });

  it('does not match different ids', () => {
    expect(receiptIdsMatch('1A2B3C', '1715005')).toBe(false);
    expect(receiptIdsMatch('abc', 'abd')).toBe(false);
    expect(receiptIdsMatch('', '0')).toBe(false);
    expect(receiptIdsMatch('6d1f-1', '6d1f-2')).toBe(false);
  });

  it('gives index keys in every base', () => {
    expect(receiptIdKeys('0255')).toEqual(['255', 'ff', '597']);
    expect(receiptIdKeys('FF')).toEqual(['ff', '255']);
  });
});
