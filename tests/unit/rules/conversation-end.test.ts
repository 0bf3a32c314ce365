import { describe, expect, it } from 'vitest';
import type { ConversationStatus, ErrorCode } from '../../../workflows/domain/types.js';
import type { ConversationEvent } from '../../../workflows/conversation/rules.js';
import {
  ACTIVE,
  AUTO_WRAP_UP,
  CLOSED,
  CONFERENCE,
  OFFERED,
  WRAP_UP,
  at,
  drive,
  expectRejected,
  summary,
  type Step,
} from './fixtures.js';

describe('the whole path, one step at a time', () => {
  // DESIGN: QUEUED -> OFFERED -> ACTIVE -> (CONFERENCE_REQUESTED -> CONFERENCE -> ACTIVE)* -> WRAP_UP -> CLOSED.
  const path: [Step, ConversationStatus][] = [
    [{ type: 'assigned', agentId: 'alice' }, 'OFFERED'],
    [{ type: 'accept', agentId: 'alice' }, 'ACTIVE'],
    [{ type: 'requestConference', agentId: 'alice', targetId: 'bob' }, 'CONFERENCE_REQUESTED'],
    [{ type: 'acceptConference', agentId: 'bob' }, 'CONFERENCE'],
    [{ type: 'endConference', agentId: 'alice' }, 'ACTIVE'],
    [{ type: 'requestConference', agentId: 'alice', targetId: 'carol' }, 'CONFERENCE_REQUESTED'],
    [{ type: 'acceptConference', agentId: 'carol' }, 'CONFERENCE'],
    [{ type: 'exitConference', agentId: 'carol' }, 'ACTIVE'],
    [{ type: 'end', agentId: 'alice' }, 'WRAP_UP'],
    [{ type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' }, 'CLOSED'],
  ];
  it.each(path.map(([step, status], i) => [i + 1, step.type, status, path.slice(0, i + 1).map(([s]) => s)] as const))(
    'step %i: %s -> %s',
    (_i, _type, status, steps) => {
      const { state, last } = drive(steps);
      expect(state.status).toBe(status);
      expect(summary(last.commands)).toContain('conversationEvent:STATUS_CHANGED');
    },
  );
});

describe('end: ACTIVE -> WRAP_UP', () => {
  const { state, last } = drive(WRAP_UP);

  it('ends it for the customer and leaves the owner owing a wrap-up, slot still held', () => {
    expect(state).toMatchObject({ status: 'WRAP_UP', endedAt: at(3), wrapUpOwedBy: ['alice'], autoWrapUpAt: {} });
    expect(state.participants[0]?.leftAt).toBe(at(3));
    expect(summary(last.commands)).toEqual(
      expect.arrayContaining([
        'threadEnded',
        'conversationEvent:PARTICIPANT_LEFT',
        'agentEvent:alice:CONVERSATION_UPDATED',
      ]),
    );
    // Auto wrap-up is off by default; the slot stays in use until the wrap-up is in.
    expect(summary(last.commands).filter((c) => c.startsWith('release'))).toEqual([]);
  });
});

describe('wrapUp: WRAP_UP -> CLOSED', () => {
  it('records the reason, frees the slot and closes once nobody owes one', () => {
    const { state, last } = drive(CLOSED);
    expect(state).toMatchObject({ status: 'CLOSED', closedAt: at(4), wrapUpOwedBy: [] });
    expect(state.wrapUps).toEqual([{ agentId: 'alice', reasonId: 'resolved', at: at(4), auto: false }]);
    expect(summary(last.commands)).toEqual(
      expect.arrayContaining(['release:alice', 'conversationEvent:WRAP_UP_SUBMITTED', 'close']),
    );
  });

  it('waits for every agent that owes one (transferred away, then ended)', () => {
    const ended = drive([
      ...ACTIVE,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' },
      { type: 'accept', agentId: 'bob' },
      { type: 'end', agentId: 'bob' },
      { type: 'wrapUp', agentId: 'bob', reasonId: 'spam' },
    ]);
    expect(ended.state).toMatchObject({ status: 'WRAP_UP', wrapUpOwedBy: ['alice'] });
    const closed = drive([{ type: 'wrapUp', agentId: 'alice', reasonId: 'callback' }], undefined, ended);
    expect(closed.state.status).toBe('CLOSED');
    expect(closed.state.wrapUps.map((w) => `${w.agentId}:${w.reasonId}`)).toEqual(['bob:spam', 'alice:callback']);
  });
});

describe('auto wrap-up (120 s)', () => {
  const ended = drive(WRAP_UP, AUTO_WRAP_UP);

  it('sets autoWrapUpAt (which arms the timer) when the owner ends', () => {
    expect(ended.state.autoWrapUpAt).toEqual({ alice: at(123) });
  });

  it('submits the default reason with auto=true when the timer fires', () => {
    const { state, last } = drive([{ type: 'autoWrapUpTimeout', agentId: 'alice', at: 123 }], AUTO_WRAP_UP, ended);
    expect(state.wrapUps).toEqual([{ agentId: 'alice', reasonId: 'resolved', at: at(123), auto: true }]);
    expect(state).toMatchObject({ status: 'CLOSED', autoWrapUpAt: {} });
    expect(summary(last.commands)).toEqual(expect.arrayContaining(['release:alice', 'close']));
  });

  it('a manual wrap-up clears autoWrapUpAt (the timer goes), and a stale timer then does nothing', () => {
    const manual = drive([{ type: 'wrapUp', agentId: 'alice', reasonId: 'callback' }], AUTO_WRAP_UP, ended);
    expect(manual.state.autoWrapUpAt).toEqual({});
    const stale = drive([{ type: 'autoWrapUpTimeout', agentId: 'alice', at: 123 }], AUTO_WRAP_UP, manual);
    expect(stale.last.commands).toEqual([]);
    expect(stale.state).toEqual(manual.state);
  });

  it('also runs for an agent who transferred away', () => {
    const d = drive(
      [...ACTIVE, { type: 'transferToQueue', agentId: 'alice', queueId: 'support', at: 10 }],
      AUTO_WRAP_UP,
    );
    expect(d.state.autoWrapUpAt).toEqual({ alice: at(130) });
  });
});

describe('end and wrap-up are refused', () => {
  const wrapUp = (agentId: string, reasonId = 'resolved'): ConversationEvent => ({ type: 'wrapUp', agentId, reasonId });
  it.each<[string, Step[], ConversationEvent, ErrorCode, string?]>([
    ['end before accept', OFFERED, { type: 'end', agentId: 'alice' }, 'INVALID_STATE'],
    ['end by a stranger', ACTIVE, { type: 'end', agentId: 'bob' }, 'NOT_ALLOWED'],
    ['end by the conferenced agent', CONFERENCE, { type: 'end', agentId: 'bob' }, 'NOT_ALLOWED'],
    ['end a second time', WRAP_UP, { type: 'end', agentId: 'alice' }, 'INVALID_STATE'],
    [
      'end by a stranger after it ended (its state is not revealed)',
      WRAP_UP,
      { type: 'end', agentId: 'carol' },
      'NOT_ALLOWED',
    ],
    ['wrap-up while still handling it', ACTIVE, wrapUp('alice'), 'INVALID_STATE'],
    [
      'wrap-up twice',
      [...CLOSED.slice(0, -1), { type: 'wrapUp', agentId: 'alice', reasonId: 'spam' }],
      wrapUp('alice'),
      'INVALID_STATE',
    ],
    [
      'wrap-up by a conferenced agent who only exited',
      [...CONFERENCE, { type: 'exitConference', agentId: 'bob' }],
      wrapUp('bob'),
      'INVALID_STATE',
    ],
    ['wrap-up by a stranger', WRAP_UP, wrapUp('carol'), 'NOT_ALLOWED'],
    ['wrap-up with an unknown reason', WRAP_UP, wrapUp('alice', 'bored'), 'NOT_FOUND', 'reasonId'],
  ])('%s', (_name, path, event, code, field) => {
    expectRejected(drive(path), event, code, field);
  });
});
