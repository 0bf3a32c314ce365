import { describe, expect, it } from 'vitest';
import type { ConversationStatus } from '../../../workflows/domain/types.js';
import {
  ACTIVE,
  AUTO_WRAP_UP,
  CONF_REQUESTED,
  CONFERENCE,
  OFFERED,
  WRAP_UP,
  drive,
  at,
  summary,
  type Step,
} from './fixtures.js';

const out = (agentId: string, when?: number): Step => ({
  type: 'agentLoggedOut',
  agentId,
  ...(when ? { at: when } : {}),
});
const TRANSFERRED: Step[] = [...ACTIVE, { type: 'transferToQueue', agentId: 'alice', queueId: 'support' }];

interface Row {
  name: string;
  steps: Step[];
  agent: string;
  status: ConversationStatus;
  ownerId?: string;
  /** The router hears of these: the route (queue, priorityAt) and the released slots. */
  router: string[];
  line?: string;
  wrapUp?: string;
}

// Each part an agent can have in hand, and where the conversation stands once the agent logs out.
const ROWS: Row[] = [
  {
    name: 'an open request: withdrawn, back in its queue at its old place',
    steps: OFFERED,
    agent: 'alice',
    status: 'QUEUED',
    router: ['release:alice', `route:sales:${at(0)}`],
    line: 'Alice logged out; the request is back in Sales.',
  },
  {
    name: 'an active conversation: back in its queue as a transfer, wrap-up done with the default reason',
    steps: ACTIVE,
    agent: 'alice',
    status: 'QUEUED',
    router: [`route:sales:${at(0)}`, 'release:alice'],
    line: 'Alice logged out; the conversation is back in Sales as a transfer.',
    wrapUp: 'alice',
  },
  {
    name: 'a conference request it made: cancelled, then back in the queue as a transfer',
    steps: CONF_REQUESTED,
    agent: 'alice',
    status: 'QUEUED',
    router: ['release:bob', `route:sales:${at(0)}`, 'release:alice'],
    line: 'Alice logged out; the conversation is back in Sales as a transfer.',
    wrapUp: 'alice',
  },
  {
    name: 'a conference it owns: the conferee takes it over',
    steps: CONFERENCE,
    agent: 'alice',
    status: 'ACTIVE',
    ownerId: 'bob',
    router: ['release:alice'],
    line: 'Alice logged out; Bob now owns the conversation.',
    wrapUp: 'alice',
  },
  {
    name: 'a transfer offered to it: withdrawn, back in the queue at its old place, still from the sender',
    steps: [...ACTIVE, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' }],
    agent: 'bob',
    status: 'QUEUED',
    router: ['release:bob', `route:sales:${at(0)}`],
    line: 'Bob logged out; the request is back in Sales.',
  },
  {
    name: 'a seat in a conference: it leaves, the owner carries on',
    steps: CONFERENCE,
    agent: 'bob',
    status: 'ACTIVE',
    ownerId: 'alice',
    router: ['release:bob'],
    line: 'Bob left the conference.',
  },
  {
    name: 'a conference invitation: withdrawn, the owner carries on',
    steps: CONF_REQUESTED,
    agent: 'bob',
    status: 'ACTIVE',
    ownerId: 'alice',
    router: ['release:bob'],
    line: 'Bob logged out; the conference request is withdrawn.',
  },
  {
    name: 'an owed wrap-up of an ended conversation: done with the default reason, which closes it',
    steps: WRAP_UP,
    agent: 'alice',
    status: 'CLOSED',
    ownerId: 'alice',
    router: ['release:alice'],
    wrapUp: 'alice',
  },
  {
    name: 'an owed wrap-up of a transfer: done, the conversation waits on in its new queue',
    steps: TRANSFERRED,
    agent: 'alice',
    status: 'QUEUED',
    router: ['release:alice'],
    wrapUp: 'alice',
  },
];

const routerCommands = (steps: Step[], agent: string) =>
  drive([...steps, out(agent, 20)]).last.commands.flatMap((c) =>
    c.type === 'route' ? [`route:${c.queueId}:${c.priorityAt}`] : c.type === 'release' ? summary([c]) : [],
  );

describe('agentLoggedOut: nothing the agent had in hand is stranded', () => {
  it.each(ROWS)('$name', ({ steps, agent, status, ownerId, router, line, wrapUp }) => {
    const { state } = drive([...steps, out(agent, 20)]);
    expect(state.status).toBe(status);
    expect(state.ownerId).toBe(ownerId);
    expect(state.offer?.agentId).not.toBe(agent);
    expect(routerCommands(steps, agent)).toEqual(router);
    if (line) expect(state.messages.at(-1)?.text).toBe(line);
    expect(state.wrapUpOwedBy).not.toContain(agent);
    const done = state.wrapUps.filter((w) => w.agentId === agent);
    expect(done).toEqual(wrapUp ? [{ agentId: agent, reasonId: 'resolved', at: at(20), auto: true }] : []);
  });

  it.each(ROWS)('is a no-op the second time but for freeing the slot: $name', ({ steps, agent }) => {
    const once = drive([...steps, out(agent, 20)]);
    const twice = drive([out(agent, 21)], undefined, once);
    expect(twice.state).toEqual(once.state);
    expect(summary(twice.last.commands)).toEqual([`release:${agent}`]);
  });

  it('hands a transfer back with the agent as its sender, and the next agent is offered a TRANSFER', () => {
    const back = drive([...ACTIVE, out('alice', 20)]);
    expect(back.state).toMatchObject({ queuedKind: 'TRANSFER', queuedFromAgentId: 'alice', priorityAt: at(0) });
    const next = drive([{ type: 'assigned', agentId: 'bob', at: 22 }], undefined, back);
    expect(next.state.offer).toMatchObject({ agentId: 'bob', kind: 'TRANSFER', fromAgentId: 'alice' });
  });

  it('makes the conferee who takes a conference over its owner in every respect', () => {
    const taken = drive([...CONFERENCE, out('alice', 20)]);
    expect(taken.state.participants.filter((p) => !p.leftAt)).toEqual([
      { agentId: 'bob', role: 'OWNER', joinedAt: at(20) },
    ]);
    const replied = drive([{ type: 'send', agentId: 'bob', text: 'Still here', messageId: 'm-2' }], undefined, taken);
    expect(summary(replied.last.commands)).toContain('sendSms');
    expect(drive([{ type: 'end', agentId: 'bob' }], undefined, replied).state.wrapUpOwedBy).toEqual(['bob']);
  });

  it('clears the auto wrap-up deadline along with the wrap-up, so no timer is left behind', () => {
    const { state } = drive([...ACTIVE, out('alice', 20)], AUTO_WRAP_UP);
    expect(state.autoWrapUpAt).toEqual({});
  });

  it('leaves a conversation the agent never had alone', () => {
    const before = drive(ACTIVE);
    const after = drive([out('carol', 20)], undefined, before);
    expect(after.state).toEqual(before.state);
    expect(summary(after.last.commands)).toEqual(['release:carol']);
  });
});
