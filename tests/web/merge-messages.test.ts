import { describe, expect, it } from 'vitest';
import { countNewInbound, mergeMessages } from '../../web/src/lib/merge-messages.js';
import { message } from './fixtures.js';

describe('mergeMessages', () => {
  it('is a union by id in time order', () => {
    const a = message({ id: 'a', at: '2026-01-01T10:00:00Z' });
    const b = message({ id: 'b', at: '2026-01-01T10:00:05Z' });
    const c = message({ id: 'c', at: '2026-01-01T10:00:02Z' });
    expect(mergeMessages([a, b], [b, c, a]).map((m) => m.id)).toEqual(['a', 'c', 'b']);
  });

  it('never shows a retried send twice (same clientMessageId)', () => {
    const first = message({ id: 'x1', direction: 'OUTBOUND', clientMessageId: 'cm-1', deliveryStatus: 'PENDING' });
    const again = message({ id: 'x2', direction: 'OUTBOUND', clientMessageId: 'cm-1', deliveryStatus: 'SUBMITTED' });
    const merged = mergeMessages([first], [again]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.deliveryStatus).toBe('SUBMITTED');
  });

  it('does not move a delivery status backwards when a stale copy arrives late', () => {
    const delivered = message({ id: 'o', direction: 'OUTBOUND', deliveryStatus: 'DELIVERED' });
    const stale = { ...delivered, deliveryStatus: 'SUBMITTED' as const };
    expect(mergeMessages([delivered], [stale])[0]?.deliveryStatus).toBe('DELIVERED');
    const failed = { ...delivered, deliveryStatus: 'FAILED' as const, detail: 'Rejected' };
    expect(mergeMessages([{ ...delivered, deliveryStatus: 'SUBMITTED' }], [failed])[0]?.detail).toBe('Rejected');
  });

  it('counts only new inbound messages', () => {
    const before = [message({ id: 'a' })];
    const after = [message({ id: 'a' }), message({ id: 'b' }), message({ id: 'o', direction: 'OUTBOUND' })];
    expect(countNewInbound(before, after)).toBe(1);
  });
});
