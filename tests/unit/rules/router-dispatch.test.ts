import { describe, expect, it } from 'vitest';
import type { AgentStatus } from '../../../workflows/domain/types.js';
import { queueViews, type RouterCommand } from '../../../workflows/router/rules.js';
import { at, router, type RouterRun } from './fixtures.js';

const route = (r: RouterRun, conversationId: string, queueId: string, priority: number, now = 20): RouterCommand[] =>
  r.step({ type: 'route', conversationId, queueId, priorityAt: at(priority) }, at(now));
const assigns = (out: RouterCommand[]) =>
  out.flatMap((c) => (c.type === 'assign' ? [`${c.conversationId}->${c.agentId}`] : []));

describe('who gets an offer', () => {
  it.each<[AgentStatus, Record<string, unknown>, number]>([
    ['AVAILABLE', {}, 1],
    ['IDLE', { idleCodeId: 'lunch' }, 0],
    ['LOGGED_OUT', { logout: true }, 0],
  ])('an agent who is %s gets %i offer(s)', (status, extra, offers) => {
    const r = router(['carol']);
    r.step({ type: 'setStatus', agentId: 'carol', status, ...extra }, at(10));
    expect(assigns(route(r, 'c1', 'support', 0))).toHaveLength(offers);
  });

  it('an agent in RONA gets nothing until it is Available again, then the waiting one', () => {
    const r = router(['carol']);
    route(r, 'c1', 'support', 0);
    r.step({ type: 'release', conversationId: 'c1', agentId: 'carol', rona: true }, at(30));
    expect(assigns(route(r, 'c1', 'support', 0, 31))).toEqual([]);
    expect(queueViews(r.state).find((q) => q.id === 'support')).toEqual({
      id: 'support',
      waiting: 1,
      availableAgents: 0,
    });
    expect(assigns(r.step({ type: 'setStatus', agentId: 'carol', status: 'AVAILABLE' }, at(40)))).toEqual([
      'c1->carol',
    ]);
  });

  it('agents only get conversations of their own queues', () => {
    const r = router(['alice']);
    expect(assigns(route(r, 'c1', 'support', 0))).toEqual([]);
    expect(assigns(r.step({ type: 'setStatus', agentId: 'carol', status: 'AVAILABLE' }, at(21)))).toEqual([
      'c1->carol',
    ]);
  });

  it('up to capacity, offers and active conversations alike; a freed slot picks up the next one', () => {
    const r = router(['alice']);
    expect(assigns(route(r, 'c1', 'sales', 1))).toEqual(['c1->alice']);
    r.step({ type: 'accepted', conversationId: 'c1', agentId: 'alice' }, at(21));
    expect(assigns(route(r, 'c2', 'sales', 2))).toEqual(['c2->alice']);
    expect(assigns(route(r, 'c3', 'sales', 3))).toEqual([]);
    // Alice's wrap-up for c1 is in: the slot frees and c3 is offered at once.
    expect(assigns(r.step({ type: 'release', conversationId: 'c1', agentId: 'alice' }, at(60)))).toEqual(['c3->alice']);
  });

  it('never offers a conversation to an agent who already holds a slot for it', () => {
    const r = router(['bob']);
    r.step({ type: 'reserve', conversationId: 'c1', agentId: 'bob', requestId: 'r1' }, at(5));
    expect(assigns(route(r, 'c1', 'sales', 0))).toEqual([]);
  });
});

describe('in what order', () => {
  it('a queue is served oldest first, whatever order the requests were routed in', () => {
    const r = router();
    route(r, 'c-new', 'support', 9);
    route(r, 'c-old', 'support', 3);
    route(r, 'c-mid', 'support', 5);
    const out = r.step({ type: 'setStatus', agentId: 'carol', status: 'AVAILABLE' }, at(30));
    expect(assigns(out)).toEqual(['c-old->carol']); // Carol takes one at a time
    expect(r.state.waiting.map((w) => w.conversationId)).toEqual(['c-mid', 'c-new']);
  });

  it('a conversation re-routed after RONA keeps its priorityAt and goes ahead of newer ones', () => {
    const r = router(['carol']);
    expect(assigns(route(r, 'c1', 'support', 0, 1))).toEqual(['c1->carol']);
    route(r, 'c2', 'support', 10, 11); // newer, waits: Carol is full
    r.step({ type: 'release', conversationId: 'c1', agentId: 'carol', rona: true }, at(31));
    route(r, 'c1', 'support', 0, 31);
    const out = r.step({ type: 'setStatus', agentId: 'bob', status: 'AVAILABLE' }, at(40));
    expect(assigns(out)).toEqual(['c1->bob', 'c2->bob']);
  });

  it('the longest-idle agent first; an offer makes the agent the most recently busy', () => {
    const r = router(['alice', 'bob']); // Available at t=1 and t=2
    expect(assigns(route(r, 'c1', 'sales', 1, 10))).toEqual(['c1->alice']);
    expect(assigns(route(r, 'c2', 'sales', 2, 11))).toEqual(['c2->bob']);
    expect(assigns(route(r, 'c3', 'sales', 3, 12))).toEqual(['c3->alice']);
  });

  it('a tie on idleSince goes to the smaller id, not the directory order', () => {
    const r = router();
    for (const agentId of ['bob', 'alice']) r.step({ type: 'setStatus', agentId, status: 'AVAILABLE' }, at(5));
    expect(assigns(route(r, 'c1', 'sales', 0))).toEqual(['c1->alice']);
  });

  it('idle time restarts when an agent comes back to Available', () => {
    const r = router(['alice', 'bob']);
    r.step({ type: 'setStatus', agentId: 'alice', status: 'IDLE', idleCodeId: 'lunch' }, at(3));
    r.step({ type: 'setStatus', agentId: 'alice', status: 'AVAILABLE' }, at(4));
    expect(assigns(route(r, 'c1', 'sales', 0))).toEqual(['c1->bob']);
  });

  it('routing the same conversation twice queues it once', () => {
    const r = router();
    route(r, 'c1', 'sales', 0);
    route(r, 'c1', 'sales', 0);
    expect(r.state.waiting).toHaveLength(1);
  });
});
