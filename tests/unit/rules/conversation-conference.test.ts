import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../workflows/domain/types.js';
import type { ConversationEvent } from '../../../workflows/conversation/rules.js';
import {
  ACTIVE,
  CONF_REQUESTED,
  CONFERENCE,
  OFFERED,
  WRAP_UP,
  at,
  drive,
  expectRejected,
  summary,
  type Step,
} from './fixtures.js';

describe('requestConference: ACTIVE -> CONFERENCE_REQUESTED', () => {
  const { state, last } = drive(CONF_REQUESTED);

  it('offers the invited agent a CONFERENCE request from the owner, who stays owner', () => {
    expect(state).toMatchObject({ status: 'CONFERENCE_REQUESTED', ownerId: 'alice' });
    expect(state.offer).toEqual({
      agentId: 'bob',
      kind: 'CONFERENCE',
      fromAgentId: 'alice',
      receivedAt: at(3),
      offeredAt: at(3),
      expiresAt: at(33),
      seq: 2,
    });
    expect(summary(last.commands)).toEqual(
      expect.arrayContaining(['agentEvent:bob:OFFERED', 'conversationEvent:STATUS_CHANGED']),
    );
    expect(state.messages.at(-1)?.text).toBe('Alice invited Bob to a conference.');
  });
});

describe('acceptConference: CONFERENCE_REQUESTED -> CONFERENCE', () => {
  const { state, last } = drive(CONFERENCE);

  it('adds the invited agent as CONFERENCE participant and says so in the chat', () => {
    expect(state.status).toBe('CONFERENCE');
    expect(state.offer).toBeUndefined();
    expect(state.participants).toEqual([
      { agentId: 'alice', role: 'OWNER', joinedAt: at(2) },
      { agentId: 'bob', role: 'CONFERENCE', joinedAt: at(4) },
    ]);
    expect(summary(last.commands)).toEqual(
      expect.arrayContaining(['accepted:bob', 'conversationEvent:PARTICIPANT_JOINED']),
    );
    expect(state.messages.at(-1)?.text).toBe('Bob has joined the conversation.');
  });
});

describe('leaving a conference: CONFERENCE -> ACTIVE', () => {
  // Either way the chat carries on between the owner and the customer; the guest's slot frees at once.
  it.each<[string, Step]>([
    ['the owner ends it', { type: 'endConference', agentId: 'alice' }],
    ['the conferenced agent exits', { type: 'exitConference', agentId: 'bob' }],
  ])('%s', (_name, step) => {
    const { state, last } = drive([...CONFERENCE, step]);
    expect(state).toMatchObject({ status: 'ACTIVE', ownerId: 'alice', wrapUpOwedBy: [] });
    expect(state.participants[1]).toMatchObject({ agentId: 'bob', leftAt: at(5) });
    expect(summary(last.commands)).toEqual(
      expect.arrayContaining(['release:bob', 'conversationEvent:PARTICIPANT_LEFT', 'conversationEvent:STATUS_CHANGED']),
    );
    expect(summary(last.commands)).not.toContain('release:bob:rona');
  });

  it('the owner can cancel a request not yet accepted: offer withdrawn, slot released', () => {
    const { state, last } = drive([...CONF_REQUESTED, { type: 'endConference', agentId: 'alice' }]);
    expect(state.status).toBe('ACTIVE');
    expect(state.offer).toBeUndefined();
    expect(summary(last.commands)).toEqual(expect.arrayContaining(['agentEvent:bob:OFFER_WITHDRAWN', 'release:bob']));
  });

  it('allows another conference afterwards (the cycle can repeat)', () => {
    const again = drive([
      ...CONFERENCE,
      { type: 'exitConference', agentId: 'bob' },
      { type: 'requestConference', agentId: 'alice', targetId: 'carol' },
      { type: 'acceptConference', agentId: 'carol' },
    ]);
    expect(again.state.status).toBe('CONFERENCE');
    expect(again.state.participants.map((p) => `${p.agentId}:${p.role}:${p.leftAt ? 'left' : 'in'}`)).toEqual([
      'alice:OWNER:in',
      'bob:CONFERENCE:left',
      'carol:CONFERENCE:in',
    ]);
  });

  it('the owner ending the whole conversation also ends the conference', () => {
    const { state, last } = drive([...CONFERENCE, { type: 'end', agentId: 'alice' }]);
    expect(state.status).toBe('WRAP_UP');
    expect(state.wrapUpOwedBy).toEqual(['alice']);
    expect(summary(last.commands)).toContain('release:bob');
  });
});

describe('conference actions are refused', () => {
  const invite = (agentId: string, targetId: string): ConversationEvent => ({
    type: 'requestConference',
    agentId,
    targetId,
  });
  it.each<[string, Step[], ConversationEvent, ErrorCode, string?]>([
    ['conference before accept', OFFERED, invite('alice', 'bob'), 'INVALID_STATE'],
    ['conference while one is requested', CONF_REQUESTED, invite('alice', 'carol'), 'INVALID_STATE'],
    ['conference while one is open', CONFERENCE, invite('alice', 'carol'), 'INVALID_STATE'],
    ['conference with self', ACTIVE, invite('alice', 'alice'), 'INVALID_INPUT', 'agentId'],
    ['conference with an unknown agent', ACTIVE, invite('alice', 'zed'), 'NOT_FOUND', 'agentId'],
    ['conference by a non-owner', ACTIVE, invite('bob', 'carol'), 'NOT_ALLOWED'],
    ['conference by the conferenced agent', CONFERENCE, invite('bob', 'carol'), 'NOT_ALLOWED'],
    ['conference after End', WRAP_UP, invite('alice', 'bob'), 'INVALID_STATE'],
    [
      'acceptConference by another agent',
      CONF_REQUESTED,
      { type: 'acceptConference', agentId: 'carol' },
      'NOT_ALLOWED',
    ],
    [
      'acceptConference once lapsed',
      [...CONF_REQUESTED, { type: 'offerTimeout', seq: 2, at: 33 }],
      { type: 'acceptConference', agentId: 'bob' },
      'INVALID_STATE',
    ],
    ['End Conference by the conferenced agent', CONFERENCE, { type: 'endConference', agentId: 'bob' }, 'NOT_ALLOWED'],
    ['End Conference by a stranger', CONFERENCE, { type: 'endConference', agentId: 'carol' }, 'NOT_ALLOWED'],
    ['End Conference with none open', ACTIVE, { type: 'endConference', agentId: 'alice' }, 'INVALID_STATE'],
    ['Exit Conference by the owner', CONFERENCE, { type: 'exitConference', agentId: 'alice' }, 'NOT_ALLOWED'],
    ['Exit Conference by a stranger', CONFERENCE, { type: 'exitConference', agentId: 'carol' }, 'NOT_ALLOWED'],
    [
      'Exit Conference by an agent who never joined (none open)',
      ACTIVE,
      { type: 'exitConference', agentId: 'bob' },
      'NOT_ALLOWED',
    ],
    [
      'Exit Conference before accepting the invitation',
      CONF_REQUESTED,
      { type: 'exitConference', agentId: 'bob' },
      'INVALID_STATE',
    ],
  ])('%s', (_name, path, event, code, field) => {
    expectRejected(drive(path), event, code, field);
  });

  it('acceptConference is refused once the request lapsed, even before the RONA timer fired', () => {
    expectRejected(drive(CONF_REQUESTED), { type: 'acceptConference', agentId: 'bob' }, 'INVALID_STATE', undefined, {
      when: 33,
    });
  });
});
