import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../workflows/domain/types.js';
import { checkDirected, type ConversationEvent } from '../../../workflows/conversation/rules.js';
import { RuleError } from '../../../workflows/domain/errors.js';
import {
  ACTIVE,
  CONF_REQUESTED,
  CONFERENCE,
  OFFERED,
  SETTINGS,
  WRAP_UP,
  at,
  drive,
  expectRejected,
  summary,
  type Step,
} from './fixtures.js';

const toQueue: Step = { type: 'transferToQueue', agentId: 'alice', queueId: 'support', at: 10 };
const toBob: Step = { type: 'transferToAgent', agentId: 'alice', targetId: 'bob', at: 10 };

describe('transfer to a queue', () => {
  const { state, last } = drive([...ACTIVE, toQueue]);

  it('queues the conversation in the target queue as a TRANSFER from the owner', () => {
    expect(state).toMatchObject({
      status: 'QUEUED',
      queueId: 'support',
      queuedKind: 'TRANSFER',
      queuedFromAgentId: 'alice',
      queuedReceivedAt: at(10),
      priorityAt: at(10),
    });
    expect(state.ownerId).toBeUndefined();
    expect(last.commands).toContainEqual({ type: 'route', queueId: 'support', priorityAt: at(10) });
  });

  it('leaves the transferring agent owing a wrap-up, its slot still held (no release yet)', () => {
    expect(state.wrapUpOwedBy).toEqual(['alice']);
    expect(state.participants[0]).toMatchObject({ agentId: 'alice', leftAt: at(10) });
    expect(summary(last.commands)).toContain('conversationEvent:PARTICIPANT_LEFT');
    expect(summary(last.commands).filter((c) => c.startsWith('release'))).toEqual([]);
  });

  it('offers the next agent a TRANSFER whose timer counts from the transfer', () => {
    const offered = drive([{ type: 'assigned', agentId: 'bob', at: 12 }], undefined, { state, last, clock: 10 });
    // Support's RONA timeout (60 s) applies now that the conversation is in Support.
    expect(offered.state.offer).toEqual({
      agentId: 'bob',
      kind: 'TRANSFER',
      fromAgentId: 'alice',
      receivedAt: at(10),
      offeredAt: at(12),
      expiresAt: at(72),
      seq: 2,
    });
    const accepted = drive([{ type: 'accept', agentId: 'bob' }], undefined, offered);
    expect(accepted.state).toMatchObject({ status: 'ACTIVE', ownerId: 'bob' });
    expect(accepted.state.messages.at(-1)?.text).toBe('Bob accepted the transfer.');
  });
});

describe('transfer to an agent', () => {
  const transferred = drive([...ACTIVE, toBob]);

  it('offers the target a TRANSFER at once and keeps the queue place for a RONA', () => {
    expect(transferred.state).toMatchObject({
      status: 'OFFERED',
      queueId: 'sales',
      priorityAt: at(0),
      wrapUpOwedBy: ['alice'],
    });
    expect(transferred.state.offer).toMatchObject({
      agentId: 'bob',
      kind: 'TRANSFER',
      fromAgentId: 'alice',
      receivedAt: at(10),
      seq: 2,
    });
    expect(summary(transferred.last.commands)).toEqual(
      expect.arrayContaining(['agentEvent:bob:OFFERED', 'conversationEvent:STATUS_CHANGED']),
    );
    expect(summary(transferred.last.commands)).not.toContain('route:sales');
  });

  it('lets the transferring agent wrap up while the target carries on', () => {
    const d = drive(
      [
        { type: 'accept', agentId: 'bob' },
        { type: 'wrapUp', agentId: 'alice', reasonId: 'callback' },
      ],
      undefined,
      transferred,
    );
    expect(d.state).toMatchObject({ status: 'ACTIVE', ownerId: 'bob', wrapUpOwedBy: [] });
    expect(d.last.commands).toContainEqual({ type: 'release', agentId: 'alice' });
    expect(summary(d.last.commands)).not.toContain('close');
  });
});

describe('transfer is refused', () => {
  it.each<[string, Step[], ConversationEvent, ErrorCode, string?]>([
    [
      'before accept (to a queue)',
      OFFERED,
      { type: 'transferToQueue', agentId: 'alice', queueId: 'support' },
      'INVALID_STATE',
    ],
    [
      'before accept (to an agent)',
      OFFERED,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' },
      'INVALID_STATE',
    ],
    [
      'by an agent who does not own it',
      ACTIVE,
      { type: 'transferToQueue', agentId: 'bob', queueId: 'support' },
      'NOT_ALLOWED',
    ],
    [
      'by the conferenced agent',
      CONFERENCE,
      { type: 'transferToAgent', agentId: 'bob', targetId: 'carol' },
      'NOT_ALLOWED',
    ],
    [
      'to the owner itself',
      ACTIVE,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'alice' },
      'INVALID_INPUT',
      'agentId',
    ],
    [
      'to an unknown queue',
      ACTIVE,
      { type: 'transferToQueue', agentId: 'alice', queueId: 'billing' },
      'NOT_FOUND',
      'queueId',
    ],
    [
      'to an unknown agent',
      ACTIVE,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'zed' },
      'NOT_FOUND',
      'agentId',
    ],
    [
      'during a conference (to a queue)',
      CONFERENCE,
      { type: 'transferToQueue', agentId: 'alice', queueId: 'support' },
      'INVALID_STATE',
    ],
    [
      'during a conference request',
      CONF_REQUESTED,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'carol' },
      'INVALID_STATE',
    ],
    ['after End', WRAP_UP, { type: 'transferToQueue', agentId: 'alice', queueId: 'support' }, 'INVALID_STATE'],
    [
      'by the former owner once transferred',
      [...ACTIVE, toQueue],
      { type: 'transferToQueue', agentId: 'alice', queueId: 'sales' },
      'NOT_ALLOWED',
    ],
  ])('%s', (_name, path, event, code, field) => {
    expectRejected(drive(path), event, code, field);
  });
});

describe('checkDirected: the checks before the router reserves the target', () => {
  it.each<[string, Step[], ConversationEvent, ErrorCode | null]>([
    ['a valid transfer passes', ACTIVE, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' }, null],
    ['a valid conference passes', ACTIVE, { type: 'requestConference', agentId: 'alice', targetId: 'bob' }, null],
    [
      'a transfer to self fails',
      ACTIVE,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'alice' },
      'INVALID_INPUT',
    ],
    [
      'a transfer before accept fails',
      OFFERED,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' },
      'INVALID_STATE',
    ],
    [
      'a second conference fails',
      CONF_REQUESTED,
      { type: 'requestConference', agentId: 'alice', targetId: 'carol' },
      'INVALID_STATE',
    ],
    [
      'a conference with an unknown agent fails',
      ACTIVE,
      { type: 'requestConference', agentId: 'alice', targetId: 'zed' },
      'NOT_FOUND',
    ],
  ])('%s, changing nothing', (_name, path, event, code) => {
    const { state } = drive(path);
    const before = structuredClone(state);
    let thrown: unknown = null;
    try {
      checkDirected(state, event, at(100), SETTINGS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown === null ? null : (thrown as RuleError).code).toBe(code);
    if (code) expect(thrown).toBeInstanceOf(RuleError);
    expect(state).toEqual(before);
  });
});

describe('a transfer that comes back to the agent who made it', () => {
  it('is offered as a plain request, not a transfer from itself', () => {
    const back = drive([
      ...ACTIVE,
      { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' },
      { type: 'offerTimeout', seq: 2, at: 200 },
      { type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' },
      { type: 'assigned', agentId: 'alice' },
    ]);
    expect(back.state.offer).toMatchObject({ agentId: 'alice', kind: 'NEW' });
    expect(back.state.offer?.fromAgentId).toBeUndefined();
    const other = drive(
      [{ type: 'assigned', agentId: 'carol' }],
      SETTINGS,
      drive([
        ...ACTIVE,
        { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' },
        { type: 'offerTimeout', seq: 2, at: 200 },
      ]),
    );
    expect(other.state.offer).toMatchObject({ agentId: 'carol', kind: 'TRANSFER', fromAgentId: 'alice' });
  });
});
