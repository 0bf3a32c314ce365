import { describe, expect, it } from 'vitest';
import {
  actingRole,
  involvement,
  isActiveConferee,
  isCurrentFor,
  isEnded,
  isLive,
  isOfferedTo,
  isOwner,
  mayRead,
  mayReply,
  owesWrapUp,
  readableUntil,
  tookPart,
  type Membership,
} from '../../../workflows/domain/roles.js';
import type { ConversationStatus } from '../../../workflows/domain/types.js';

const T0 = '2026-01-01T10:00:00.000Z';
const LEFT = '2026-01-01T10:05:00.000Z';

function m(over: Partial<Membership> = {}): Membership {
  return {
    status: 'ACTIVE',
    ownerId: 'alice',
    participants: [{ agentId: 'alice', role: 'OWNER' }],
    wrapUpOwedBy: [],
    ...over,
  };
}

// alice owns; bob is conferenced in; carol was offered a conference; dave transferred and owes a
// wrap-up; erin took part long ago and wrapped up; zed never had anything to do with it.
const busy = m({
  status: 'CONFERENCE',
  participants: [
    { agentId: 'dave', role: 'OWNER', leftAt: LEFT },
    { agentId: 'alice', role: 'OWNER' },
    { agentId: 'bob', role: 'CONFERENCE' },
    { agentId: 'erin', role: 'CONFERENCE', leftAt: LEFT },
  ],
  offer: { agentId: 'carol' },
  wrapUpOwedBy: ['dave'],
  wrapUps: [{ agentId: 'erin' }],
});

describe('who takes part', () => {
  // agent, owner, active conferee, offered, owes wrap-up, took part, may reply
  const cases: [string, boolean, boolean, boolean, boolean, boolean, boolean][] = [
    ['alice', true, false, false, false, true, true],
    ['bob', false, true, false, false, true, true],
    ['carol', false, false, true, false, false, false],
    ['dave', false, false, false, true, true, false],
    ['erin', false, false, false, false, true, false],
    ['zed', false, false, false, false, false, false],
  ];
  for (const [agent, owner, conferee, offered, owes, part, reply] of cases) {
    it(agent, () => {
      expect(isOwner(busy, agent)).toBe(owner);
      expect(isActiveConferee(busy, agent)).toBe(conferee);
      expect(isOfferedTo(busy, agent)).toBe(offered);
      expect(owesWrapUp(busy, agent)).toBe(owes);
      expect(tookPart(busy, agent)).toBe(part);
      expect(mayReply(busy, agent)).toBe(reply);
    });
  }
});

describe('who may read', () => {
  // agent, involvement, may read, current, readable until
  const cases: [string, ReturnType<typeof involvement>, boolean, boolean, number][] = [
    ['alice', 'owner', true, true, Infinity],
    ['bob', 'conference', true, true, Infinity],
    ['carol', 'offered', true, false, Infinity],
    ['dave', 'wrapUp', true, true, Date.parse(LEFT)],
    ['erin', 'former', true, false, Date.parse(LEFT)],
    ['zed', undefined, false, false, -Infinity],
  ];
  for (const [agent, how, read, current, until] of cases) {
    it(agent, () => {
      expect(involvement(busy, agent)).toBe(how);
      expect(mayRead(busy, agent)).toBe(read);
      expect(isCurrentFor(busy, agent)).toBe(current);
      expect(readableUntil(busy, agent)).toBe(until);
    });
  }

  it('an owner of a CLOSED conversation reads it as a former participant', () => {
    const closed = m({ status: 'CLOSED', participants: [{ agentId: 'alice', role: 'OWNER', leftAt: LEFT }] });
    expect(involvement(closed, 'alice')).toBe('former');
    expect(isCurrentFor(closed, 'alice')).toBe(false);
  });

  it('a participant who never left reads everything', () => {
    expect(readableUntil(m({ status: 'WRAP_UP', wrapUpOwedBy: ['alice'], ownerId: null }), 'alice')).toBe(Infinity);
  });
});

describe('who may act, and as what', () => {
  const cases: [string, Partial<Membership>, string, ReturnType<typeof actingRole>][] = [
    ['the owner while live', {}, 'alice', 'owner'],
    ['the owner after the end owes a wrap-up', { status: 'WRAP_UP', wrapUpOwedBy: ['alice'] }, 'alice', 'wrapUp'],
    ['a queued conversation has no owner acting', { status: 'QUEUED', ownerId: null }, 'alice', undefined],
    [
      'a live part wins over an old wrap-up (transferred back)',
      {
        wrapUpOwedBy: ['alice'],
        participants: [
          { agentId: 'alice', role: 'OWNER', leftAt: T0 },
          { agentId: 'alice', role: 'OWNER' },
        ],
      },
      'alice',
      'owner',
    ],
    [
      'the conferee while in conference',
      {
        status: 'CONFERENCE',
        participants: [
          { agentId: 'alice', role: 'OWNER' },
          { agentId: 'bob', role: 'CONFERENCE', leftAt: null },
        ],
      },
      'bob',
      'conference',
    ],
    [
      'a conferee who left does nothing',
      { status: 'ACTIVE', participants: [{ agentId: 'bob', role: 'CONFERENCE', leftAt: LEFT }] },
      'bob',
      undefined,
    ],
    [
      'the invitee of an open offer does not act yet',
      { status: 'CONFERENCE_REQUESTED', offer: { agentId: 'carol' } },
      'carol',
      undefined,
    ],
  ];
  for (const [name, over, agent, role] of cases) it(name, () => expect(actingRole(m(over), agent)).toBe(role));
});

describe('statuses', () => {
  const cases: [ConversationStatus, boolean, boolean][] = [
    ['QUEUED', false, false],
    ['OFFERED', false, false],
    ['ACTIVE', true, false],
    ['CONFERENCE_REQUESTED', true, false],
    ['CONFERENCE', true, false],
    ['WRAP_UP', false, true],
    ['CLOSED', false, true],
  ];
  for (const [status, live, ended] of cases) {
    it(status, () => {
      expect(isLive(status)).toBe(live);
      expect(isEnded(status)).toBe(ended);
    });
  }
});
