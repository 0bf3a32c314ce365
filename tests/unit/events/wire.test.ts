import { describe, expect, it, vi } from 'vitest';
import { MAX_WIRE_CHARS, problemLogger, readBatch } from '../../../platform/events/wire.js';

// What arrives over Redis is checked before any stream sees it; a message that is not a batch is
// named by its problem, never by what it held.

const summary = {
  id: 'c1',
  queueId: 'support',
  status: 'ACTIVE',
  ownerId: 'alice',
  participants: [{ agentId: 'alice', role: 'OWNER', joinedAt: 'now' }],
  wrapUps: [],
  wrapUpOwedBy: [],
  eventSeq: 3,
  customerNumber: '+15557654321',
};
const event = { kind: 'MESSAGE_ADDED', at: 'now', conversationId: 'c1', queueId: 'support', summary };
const good = { conversation: [event], agent: [{ kind: 'CONVERSATION_UPDATED', at: 'now', agentId: 'alice', summary }] };

describe('readBatch', () => {
  it('passes a batch through whole, fields it does not check included', () => {
    expect(readBatch(JSON.stringify(good))).toEqual({ batch: good });
    expect(readBatch(JSON.stringify({ conversation: [], agent: [] }))).toEqual({
      batch: { conversation: [], agent: [] },
    });
  });

  it.each([
    ['not JSON', 'hello +15557654321'],
    ['not JSON', ''],
    ['not a batch', 'null'],
    ['not a batch', '[1,2]'],
    ['not a batch', JSON.stringify({ conversation: 'x', agent: [] })],
    [
      'not a batch',
      JSON.stringify({ ...good, conversation: [{ ...event, summary: { ...summary, participants: 5 } }] }),
    ],
    ['not a batch', JSON.stringify({ ...good, conversation: [{ ...event, summary: { ...summary, status: 'GONE' } }] })],
    ['not a batch', JSON.stringify({ conversation: Array.from({ length: 201 }, () => event), agent: [] })],
    ['not a batch', JSON.stringify({ conversation: [], agent: [{ kind: 'OFFERED', at: 'now' }] })],
    ['oversized', JSON.stringify({ conversation: [], agent: [], pad: 'x'.repeat(MAX_WIRE_CHARS) })],
  ])('%s (case %#)', (problem, message) => {
    expect(readBatch(message)).toEqual({ problem });
  });
});

describe('problemLogger', () => {
  it('says each problem once a minute, with its size and nothing of the content', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let now = 0;
    const log = problemLogger('[events]', () => now);
    log('not JSON', 12);
    log('not JSON', 13);
    log('oversized', 2_000_000);
    now = 61_000;
    log('not JSON', 14);
    expect(warn.mock.calls.map((c) => c.join(' '))).toEqual([
      '[events] ignored a bus message: not JSON (12 characters)',
      '[events] ignored a bus message: oversized (2000000 characters)',
      '[events] ignored a bus message: not JSON (14 characters)',
    ]);
    warn.mockRestore();
  });
});
