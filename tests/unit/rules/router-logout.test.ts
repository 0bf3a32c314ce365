import { describe, expect, it } from 'vitest';
import type { RouterCommand } from '../../../workflows/router/rules.js';
import { at, router } from './fixtures.js';

const logout = { type: 'setStatus', agentId: 'alice', status: 'LOGGED_OUT', logout: true } as const;
const notices = (commands: RouterCommand[]) => commands.filter((c) => c.type === 'loggedOut');

describe('logout with work in hand', () => {
  it('tells every conversation the agent holds a slot for (offer or active), and offers it nothing more', () => {
    const r = router(['alice']);
    r.step({ type: 'route', conversationId: 'c1', queueId: 'sales', priorityAt: at(0) }, at(5));
    r.step({ type: 'route', conversationId: 'c2', queueId: 'sales', priorityAt: at(1) }, at(6));
    r.step({ type: 'accepted', conversationId: 'c1', agentId: 'alice' }, at(7));
    expect(r.state.agents.alice?.slots).toEqual({ c1: 'active', c2: 'offer' });
    const commands = r.step(logout, at(10));
    expect(commands).toEqual([
      { type: 'statusChanged', agentId: 'alice' },
      { type: 'loggedOut', conversationId: 'c1', agentId: 'alice' },
      { type: 'loggedOut', conversationId: 'c2', agentId: 'alice' },
    ]);
    // The slots are the conversations' to free (they release once they have handed the work back).
    expect(r.state.agents.alice?.slots).toEqual({ c1: 'active', c2: 'offer' });
    r.step({ type: 'release', conversationId: 'c2', agentId: 'alice' }, at(11));
    expect(r.step({ type: 'route', conversationId: 'c2', queueId: 'sales', priorityAt: at(1) }, at(11))).toEqual([]);
  });

  it('a requeued offer goes to the next available agent ahead of newer requests', () => {
    const r = router(['alice']);
    r.step({ type: 'route', conversationId: 'old', queueId: 'sales', priorityAt: at(0) }, at(5));
    r.step({ type: 'route', conversationId: 'newer', queueId: 'support', priorityAt: at(8) }, at(8));
    r.step(logout, at(10));
    r.step({ type: 'release', conversationId: 'old', agentId: 'alice' }, at(11));
    r.step({ type: 'route', conversationId: 'old', queueId: 'sales', priorityAt: at(0) }, at(11));
    // Bob (capacity 5, both queues) would take both; Carol is not there. Oldest first:
    const commands = r.step({ type: 'setStatus', agentId: 'bob', status: 'AVAILABLE' }, at(12));
    expect(commands.filter((c) => c.type === 'assign').map((c) => c.conversationId)).toEqual(['old', 'newer']);
  });

  it('a retried logout notifies only what is still held, and nothing once all is released', () => {
    const r = router(['alice']);
    r.step({ type: 'route', conversationId: 'c1', queueId: 'sales', priorityAt: at(0) }, at(5));
    r.step(logout, at(10));
    expect(notices(r.step(logout, at(11)))).toEqual([{ type: 'loggedOut', conversationId: 'c1', agentId: 'alice' }]);
    r.step({ type: 'release', conversationId: 'c1', agentId: 'alice' }, at(12));
    expect(r.step(logout, at(13))).toEqual([]);
  });

  it('going Idle with work in hand hands nothing back', () => {
    const r = router(['alice']);
    r.step({ type: 'route', conversationId: 'c1', queueId: 'sales', priorityAt: at(0) }, at(5));
    expect(
      notices(r.step({ type: 'setStatus', agentId: 'alice', status: 'IDLE', idleCodeId: 'lunch' }, at(6))),
    ).toEqual([]);
  });
});
