import { describe, expect, it } from 'vitest';
import { decide } from '../../../workflows/conversation/rules.js';
import { reduce } from '../../../workflows/router/rules.js';
import { ACTIVE, SETTINGS, at, drive, router } from './fixtures.js';

// `decide` and `reduce` share one contract: (state, event, now) -> new state and commands, the
// state they were given untouched, so a workflow can keep the old one when a step throws.
describe('the rules are pure', () => {
  it('decide returns a new state and leaves the given one as it was', () => {
    const { state } = drive(ACTIVE);
    const before = structuredClone(state);
    const t = decide(state, { type: 'end', agentId: 'alice' }, at(10), SETTINGS);
    expect(t.state.status).toBe('WRAP_UP');
    expect(state).toEqual(before);
  });

  it('reduce returns a new state and leaves the given one as it was', () => {
    const { state } = router(['alice']);
    const before = structuredClone(state);
    const t = reduce(state, { type: 'route', conversationId: 'c1', queueId: 'sales', priorityAt: at(0) }, at(5));
    expect(t.commands).toEqual([{ type: 'assign', conversationId: 'c1', agentId: 'alice' }]);
    expect(t.state.agents.alice?.slots).toEqual({ c1: 'offer' });
    expect(t.state.agents.alice?.idleSince).toBe(at(5));
    expect(state).toEqual(before);
  });
});
