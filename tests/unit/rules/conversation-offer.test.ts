import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../workflows/domain/types.js';
import type { ConversationEvent } from '../../../workflows/conversation/rules.js';
import {
  ACTIVE,
  CONF_REQUESTED,
  OFFERED,
  at,
  drive,
  expectRejected,
  newConversation,
  summary,
  type Step,
} from './fixtures.js';

describe('a new conversation', () => {
  it('waits QUEUED with the first message, keeping its place from when it was received', () => {
    const s = newConversation();
    expect(s).toMatchObject({ status: 'QUEUED', priorityAt: at(0), queuedKind: 'NEW', offerSeq: 0 });
    expect(s.messages.map((m) => [m.id, m.direction])).toEqual([['mo-1', 'INBOUND']]);
  });
});

describe('assigned: QUEUED -> OFFERED', () => {
  it('offers to the router pick with the queue RONA timeout, the timer counting from the first message', () => {
    const { state, last } = drive([{ type: 'assigned', agentId: 'alice', at: 5 }]);
    expect(state.status).toBe('OFFERED');
    expect(state.offer).toEqual({
      agentId: 'alice',
      kind: 'NEW',
      receivedAt: at(0),
      offeredAt: at(5),
      expiresAt: at(35),
      seq: 1,
    });
    expect(summary(last.commands)).toEqual(
      expect.arrayContaining(['agentEvent:alice:OFFERED', 'conversationEvent:STATUS_CHANGED']),
    );
  });

  it('gives a late pick straight back when the conversation is already offered', () => {
    const from = drive(OFFERED);
    const { state, last } = drive([{ type: 'assigned', agentId: 'bob' }], undefined, from);
    expect(last.commands).toEqual([{ type: 'release', agentId: 'bob' }]);
    expect(state).toEqual(from.state);
  });
});

describe('accept: OFFERED -> ACTIVE', () => {
  it('makes the offered agent the owner and turns its offer slot into an active one', () => {
    const { state, last } = drive(ACTIVE);
    expect(state).toMatchObject({
      status: 'ACTIVE',
      ownerId: 'alice',
      participants: [{ agentId: 'alice', role: 'OWNER', joinedAt: at(2) }],
    });
    expect(state.offer).toBeUndefined();
    expect(summary(last.commands)).toEqual([
      'accepted:alice',
      'conversationEvent:PARTICIPANT_JOINED',
      'conversationEvent:STATUS_CHANGED',
      'agentEvent:alice:CONVERSATION_UPDATED',
    ]);
  });

  it('still works one second before the offer lapses', () => {
    expect(drive([...OFFERED, { type: 'accept', agentId: 'alice', at: 30 }]).state.status).toBe('ACTIVE');
  });

  // The offer was made at t=1 and lapses at t=31 (Sales: 30 s).
  it.each<[string, Step[], ConversationEvent, number, ErrorCode]>([
    ['by an agent it was not offered to', OFFERED, { type: 'accept', agentId: 'bob' }, 2, 'NOT_ALLOWED'],
    [
      'once the offer has lapsed (now == expiresAt)',
      OFFERED,
      { type: 'accept', agentId: 'alice' },
      31,
      'INVALID_STATE',
    ],
    ['long after the offer lapsed', OFFERED, { type: 'accept', agentId: 'alice' }, 500, 'INVALID_STATE'],
    ['with no offer (still QUEUED)', [], { type: 'accept', agentId: 'alice' }, 2, 'INVALID_STATE'],
    ['a second time', ACTIVE, { type: 'accept', agentId: 'alice' }, 3, 'INVALID_STATE'],
    ['a CONFERENCE offer with accept', CONF_REQUESTED, { type: 'accept', agentId: 'bob' }, 4, 'INVALID_STATE'],
    ['a NEW offer with acceptConference', OFFERED, { type: 'acceptConference', agentId: 'alice' }, 2, 'INVALID_STATE'],
  ])('is refused %s', (_name, path, event, when, code) => {
    expectRejected(drive(path), event, code, undefined, { when });
  });
});

describe('RONA of a NEW or TRANSFER offer', () => {
  // The customer texted at t=0; a transfer to an agent keeps that place in the queue.
  const paths: [string, Step[], string, number][] = [
    ['NEW', OFFERED, 'alice', 1],
    ['TRANSFER', [...ACTIVE, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' }], 'bob', 2],
  ];

  describe.each(paths)('%s offer', (kind, path, agent, seq) => {
    const offered = drive(path);
    const expiresAt = Date.parse(offered.state.offer!.expiresAt);
    const timedOut = drive(
      [{ type: 'offerTimeout', seq, at: (expiresAt - Date.parse(at(0))) / 1000 }],
      undefined,
      offered,
    );

    it('withdraws the offer and releases the agent to RONA with a reason', () => {
      expect(offered.state.offer).toMatchObject({ kind, agentId: agent, seq });
      expect(timedOut.state.offer).toBeUndefined();
      expect(summary(timedOut.last.commands)).toEqual(expect.arrayContaining([`agentEvent:${agent}:OFFER_WITHDRAWN`]));
      const release = timedOut.last.commands.find((c) => c.type === 'release');
      expect(release).toEqual({
        type: 'release',
        agentId: agent,
        rona: true,
        reason: 'Did not accept the request from +15550001111 within 30 s',
      });
    });

    it('puts the conversation back in its queue with its original priorityAt', () => {
      expect(timedOut.state).toMatchObject({ status: 'QUEUED', priorityAt: at(0), queueId: 'sales' });
      expect(timedOut.last.commands).toContainEqual({ type: 'route', queueId: 'sales', priorityAt: at(0) });
    });

    it('re-offers with a new seq and ignores the old timer once it is stale', () => {
      const reoffered = drive([{ type: 'assigned', agentId: 'carol' }], undefined, timedOut);
      expect(reoffered.state.offer).toMatchObject({ agentId: 'carol', kind, seq: seq + 1 });
      const stale = drive([{ type: 'offerTimeout', seq }], undefined, reoffered);
      expect(stale.last.commands).toEqual([]);
      expect(stale.state).toEqual(reoffered.state);
    });
  });

  it('ignores a RONA timer that lost the race with accept', () => {
    const active = drive(ACTIVE);
    const late = drive([{ type: 'offerTimeout', seq: 1 }], undefined, active);
    expect(late.last.commands).toEqual([]);
    expect(late.state).toEqual(active.state);
  });
});

describe('RONA of a CONFERENCE offer', () => {
  it('drops the invitation: the invited agent goes to RONA, the conversation stays ACTIVE with its owner', () => {
    const { state, last } = drive([...CONF_REQUESTED, { type: 'offerTimeout', seq: 2, at: 33 }]);
    expect(state).toMatchObject({ status: 'ACTIVE', ownerId: 'alice' });
    expect(state.offer).toBeUndefined();
    expect(last.commands).toContainEqual(expect.objectContaining({ type: 'release', agentId: 'bob', rona: true }));
    expect(summary(last.commands)).not.toContain('route:sales');
    expect(state.participants.map((p) => p.agentId)).toEqual(['alice']);
  });
});
