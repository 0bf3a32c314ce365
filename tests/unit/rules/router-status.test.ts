import { describe, expect, it } from 'vitest';
import { RuleError } from '../../../workflows/domain/errors.js';
import type { AgentStatus, ErrorCode } from '../../../workflows/domain/types.js';
import { agentView, checkSetStatus, type RouterEvent } from '../../../workflows/router/rules.js';
import { DIRECTORY, at, router } from './fixtures.js';

type SetStatus = Extract<RouterEvent, { type: 'setStatus' }>;
const rejection = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof RuleError) return { code: error.code, field: error.field };
  }
  return null;
};
const set = (status: AgentStatus, extra: Partial<SetStatus> = {}): SetStatus => ({
  type: 'setStatus',
  agentId: 'alice',
  status,
  ...extra,
});

describe('sync', () => {
  it('starts every configured agent LOGGED_OUT with no slots, and offers nothing', () => {
    const r = router();
    expect(Object.values(r.state.agents).map((a) => [a.id, a.status, Object.keys(a.slots).length])).toEqual([
      ['bob', 'LOGGED_OUT', 0],
      ['alice', 'LOGGED_OUT', 0],
      ['carol', 'LOGGED_OUT', 0],
    ]);
    expect(r.step({ type: 'route', conversationId: 'c1', queueId: 'sales', priorityAt: at(0) }, at(1))).toEqual([]);
  });

  it('applies configuration changes but keeps live status and slots', () => {
    const r = router(['alice']);
    r.step({ type: 'reserve', conversationId: 'c1', agentId: 'alice', requestId: 'r1' }, at(5));
    const directory = structuredClone(DIRECTORY);
    directory.agents[1] = { id: 'alice', name: 'Alice B.', queues: ['sales', 'support'], capacity: 3 };
    directory.agents.push({ id: 'dave', name: 'Dave', queues: ['sales'], capacity: 5 });
    r.step({ type: 'sync', directory }, at(9));
    expect(r.state.agents.alice).toMatchObject({
      name: 'Alice B.',
      capacity: 3,
      queues: ['sales', 'support'],
      status: 'AVAILABLE',
      slots: { c1: 'offer' },
    });
    expect(r.state.agents.dave).toMatchObject({ status: 'LOGGED_OUT', statusChangedAt: at(9) });
  });
});

describe('setStatus', () => {
  it.each<[string, SetStatus, AgentStatus, string | undefined]>([
    ['AVAILABLE', set('AVAILABLE'), 'AVAILABLE', undefined],
    ['IDLE with a known idle code', set('IDLE', { idleCodeId: 'lunch' }), 'IDLE', 'lunch'],
    ['LOGGED_OUT by logging out', set('LOGGED_OUT', { logout: true }), 'LOGGED_OUT', undefined],
  ])('accepts %s', (_name, event, status, idleCodeId) => {
    const r = router(['alice']);
    r.step(set('IDLE', { idleCodeId: 'training' }), at(5)); // from somewhere else, so every row is a change
    expect(r.step(event, at(6))).toEqual([{ type: 'statusChanged', agentId: 'alice' }]);
    expect(r.state.agents.alice).toMatchObject({ status, statusChangedAt: at(6) });
    expect(r.state.agents.alice?.idleCodeId).toBe(idleCodeId);
  });

  it('reports nothing when the status does not change', () => {
    const r = router(['alice']);
    expect(r.step(set('AVAILABLE'), at(5))).toEqual([]);
  });

  it.each<[string, SetStatus, ErrorCode, string]>([
    ['RONA (the system sets it)', set('RONA'), 'INVALID_INPUT', 'status'],
    ['LOGGED_OUT without logout', set('LOGGED_OUT'), 'INVALID_INPUT', 'status'],
    ['IDLE without an idle code', set('IDLE'), 'INVALID_INPUT', 'idleCodeId'],
    ['IDLE with an unknown idle code', set('IDLE', { idleCodeId: 'nap' }), 'NOT_FOUND', 'idleCodeId'],
    ['an unknown agent', { ...set('AVAILABLE'), agentId: 'zed' }, 'NOT_FOUND', 'agentId'],
  ])('refuses %s and changes nothing', (_name, event, code, field) => {
    const r = router(['alice']);
    const before = structuredClone(r.state);
    // The workflow's validator calls checkSetStatus; reduce must refuse the same way on its own.
    for (const attempt of [() => checkSetStatus(r.state, event), () => r.step(event, at(9))]) {
      expect(rejection(attempt)).toEqual({ code, field });
    }
    expect(r.state).toEqual(before);
  });
});

describe('reserve (directed transfer or conference)', () => {
  it('takes an offer slot of an Available agent with room', () => {
    const r = router(['carol']);
    expect(r.step({ type: 'reserve', conversationId: 'c1', agentId: 'carol', requestId: 'r1' }, at(5))).toEqual([
      { type: 'reserved', conversationId: 'c1', requestId: 'r1', agentId: 'carol' },
    ]);
    expect(agentView(r.state.agents.carol!).offers).toEqual(['c1']);
  });

  // `holds`: a conversation the agent already has a slot for before the reservation of c2.
  it.each<[string, string, string[], string | null, ErrorCode]>([
    ['an agent who is not Available', 'alice', [], null, 'NOT_AVAILABLE'],
    ['an agent at capacity', 'carol', ['carol'], 'c0', 'NOT_AVAILABLE'],
    ['an agent already in the conversation', 'bob', ['bob'], 'c2', 'NOT_AVAILABLE'],
    ['an unknown agent', 'zed', [], null, 'NOT_FOUND'],
  ])('fails for %s', (_name, agentId, available, holds, code) => {
    const r = router(available);
    if (holds) r.step({ type: 'reserve', conversationId: holds, agentId, requestId: 'r0' }, at(4));
    const out = r.step({ type: 'reserve', conversationId: 'c2', agentId, requestId: 'r1' }, at(5));
    expect(out).toEqual([
      expect.objectContaining({ type: 'reserveFailed', conversationId: 'c2', requestId: 'r1', code }),
    ]);
  });
});

describe('accepted and release', () => {
  const offered = () => {
    const r = router(['alice']);
    r.step({ type: 'route', conversationId: 'c1', queueId: 'sales', priorityAt: at(0) }, at(5));
    return r;
  };

  it('accepted turns the offer slot into an active one', () => {
    const r = offered();
    r.step({ type: 'accepted', conversationId: 'c1', agentId: 'alice' }, at(6));
    expect(agentView(r.state.agents.alice!)).toMatchObject({ offers: [], conversations: ['c1'] });
  });

  it('release with rona frees the slot and sets RONA with the reason until the agent changes it', () => {
    const r = offered();
    expect(
      r.step({ type: 'release', conversationId: 'c1', agentId: 'alice', rona: true, reason: 'Missed it' }, at(35)),
    ).toEqual([{ type: 'statusChanged', agentId: 'alice' }]);
    expect(r.state.agents.alice).toMatchObject({ status: 'RONA', statusReason: 'Missed it', slots: {} });
    r.step(set('AVAILABLE'), at(40));
    expect(r.state.agents.alice?.status).toBe('AVAILABLE');
    expect(r.state.agents.alice?.statusReason).toBeUndefined();
  });

  it.each<[string, boolean, SetStatus | null, AgentStatus]>([
    ['a plain release keeps the status', false, null, 'AVAILABLE'],
    ['a RONA release of a logged-out agent keeps LOGGED_OUT', true, set('LOGGED_OUT', { logout: true }), 'LOGGED_OUT'],
  ])('%s', (_name, rona, before, status) => {
    const r = offered();
    if (before) r.step(before, at(6));
    r.step({ type: 'release', conversationId: 'c1', agentId: 'alice', rona }, at(35));
    expect(r.state.agents.alice).toMatchObject({ status, slots: {} });
  });
});
