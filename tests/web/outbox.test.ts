import { describe, expect, it } from 'vitest';
import { dropEntry, markFailed, markSending, queued, transcript } from '../../web/src/lib/outbox.js';
import { conversation, message } from './fixtures.js';

describe('outbox', () => {
  it('keeps the same clientMessageId through failure and retry', () => {
    const entry = queued('c1', 'Hello');
    let box = markFailed([entry], entry.clientMessageId, 'The server could not be reached.');
    expect(box[0]).toMatchObject({ state: 'failed', error: 'The server could not be reached.' });
    box = markSending(box, entry.clientMessageId);
    expect(box[0]).toMatchObject({ state: 'sending', error: null, clientMessageId: entry.clientMessageId });
    expect(dropEntry(box, entry.clientMessageId)).toHaveLength(0);
  });

  it('chooses a fresh id for every new message', () => {
    expect(queued('c1', 'a').clientMessageId).not.toBe(queued('c1', 'a').clientMessageId);
  });

  it('lists unconfirmed sends after the messages, and hides ones the server already has', () => {
    const a = { ...queued('c1', 'pending'), clientMessageId: 'cm-a' };
    const b = { ...queued('c1', 'confirmed'), clientMessageId: 'cm-b' };
    const other = { ...queued('c2', 'elsewhere'), clientMessageId: 'cm-c' };
    const c = conversation({
      messages: [message(), message({ id: 'o', direction: 'OUTBOUND', clientMessageId: 'cm-b' })],
    });
    const items = transcript(c, [a, b, other]);
    expect(items.map((i) => (i.kind === 'message' ? i.message.id : i.entry.clientMessageId))).toEqual([
      'm1',
      'o',
      'cm-a',
    ]);
  });
});
