import { RuleError } from '../domain/errors.js';
import type { AgentStatus } from '../domain/types.js';
import {
  copyRouter,
  hasFreeSlot,
  insertionIndex,
  isWaiting,
  type Directory,
  type RouterAgent,
  type RouterCommand,
  type RouterEvent,
  type RouterState,
  type RouterTransition,
} from './model.js';
import { dispatch } from './dispatch.js';

export * from './model.js';

function setStatus(
  s: RouterState,
  out: RouterCommand[],
  a: RouterAgent,
  status: AgentStatus,
  now: string,
  extra: { idleCodeId?: string; reason?: string },
) {
  const changed = a.status !== status || a.idleCodeId !== extra.idleCodeId || a.statusReason !== extra.reason;
  if (!changed) return;
  if (status === 'AVAILABLE' && a.status !== 'AVAILABLE') a.idleSince = now;
  a.status = status;
  a.statusChangedAt = now;
  if (extra.idleCodeId) a.idleCodeId = extra.idleCodeId;
  else delete a.idleCodeId;
  if (extra.reason) a.statusReason = extra.reason;
  else delete a.statusReason;
  out.push({ type: 'statusChanged', agentId: a.id });
}

function sync(s: RouterState, dir: Directory, now: string): void {
  s.queues = dir.queues;
  s.idleCodeIds = dir.idleCodeIds;
  for (const info of dir.agents) {
    const known = s.agents[info.id];
    // Configuration changes (name, queues, capacity) apply; live state (status, slots) is kept.
    s.agents[info.id] = known
      ? { ...known, ...info }
      : { ...info, status: 'LOGGED_OUT', statusChangedAt: now, idleSince: now, slots: {} };
  }
}

function agent(s: RouterState, id: string): RouterAgent {
  const a = s.agents[id];
  if (!a) throw new RuleError('NOT_FOUND', `No agent '${id}'.`, 'agentId');
  return a;
}

/** Checks an agent's own status change; RONA is the system's to set, and only the agent clears it. */
export function checkSetStatus(s: RouterState, e: Extract<RouterEvent, { type: 'setStatus' }>): void {
  agent(s, e.agentId);
  if (e.status === 'RONA') throw new RuleError('INVALID_INPUT', 'RONA is set by the system, not chosen.', 'status');
  if (e.status === 'LOGGED_OUT' && !e.logout)
    throw new RuleError('INVALID_INPUT', 'Log out to go LOGGED_OUT.', 'status');
  if (e.status === 'IDLE') {
    if (!e.idleCodeId) throw new RuleError('INVALID_INPUT', 'Idle needs an idle code.', 'idleCodeId');
    if (!s.idleCodeIds.includes(e.idleCodeId))
      throw new RuleError('NOT_FOUND', `No idle code '${e.idleCodeId}'.`, 'idleCodeId');
  }
}

/**
 * The router's rules: (state, event, now) -> (state, commands), the same contract as the
 * conversation's `decide`. Pure: the given state is not touched, and a rejection throws a RuleError
 * before anything changes. `ownsWaiting` is for a caller whose waiting list is its own copy (the
 * router workflow, which never keeps an earlier state): a route then inserts in place instead of
 * copying the list, which with tens of thousands waiting is most of the cost of a route.
 */
export function reduce(
  state: RouterState,
  e: RouterEvent,
  now: string,
  { ownsWaiting = false }: { ownsWaiting?: boolean } = {},
): RouterTransition {
  const s = copyRouter(state);
  const out: RouterCommand[] = [];
  switch (e.type) {
    case 'sync':
      sync(s, e.directory, now);
      break;
    case 'route':
      if (!isWaiting(s.waiting, e.conversationId, e.priorityAt)) {
        const w = { conversationId: e.conversationId, queueId: e.queueId, priorityAt: e.priorityAt, seq: ++s.seq };
        if (!ownsWaiting) s.waiting = s.waiting.slice(); // shared with the given state
        s.waiting.splice(insertionIndex(s.waiting, w), 0, w);
      }
      break;
    case 'reserve': {
      const a = s.agents[e.agentId];
      const fail = (code: 'NOT_FOUND' | 'NOT_AVAILABLE', message: string) =>
        out.push({ type: 'reserveFailed', conversationId: e.conversationId, requestId: e.requestId, code, message });
      if (!a) fail('NOT_FOUND', `No agent '${e.agentId}'.`);
      else if (a.status !== 'AVAILABLE') fail('NOT_AVAILABLE', `${a.name} is not available.`);
      else if (a.slots[e.conversationId]) fail('NOT_AVAILABLE', `${a.name} is already in this conversation.`);
      else if (!hasFreeSlot(a)) fail('NOT_AVAILABLE', `${a.name} has no free capacity.`);
      else {
        a.slots[e.conversationId] = 'offer';
        a.idleSince = now;
        out.push({ type: 'reserved', conversationId: e.conversationId, requestId: e.requestId, agentId: a.id });
      }
      break;
    }
    case 'accepted': {
      const a = s.agents[e.agentId];
      if (a) a.slots[e.conversationId] = 'active';
      break;
    }
    case 'release': {
      const a = s.agents[e.agentId];
      if (!a) break;
      delete a.slots[e.conversationId];
      if (e.rona && a.status !== 'LOGGED_OUT') setStatus(s, out, a, 'RONA', now, e.reason ? { reason: e.reason } : {});
      break;
    }
    case 'setStatus': {
      checkSetStatus(s, e);
      const a = agent(s, e.agentId);
      setStatus(s, out, a, e.status, now, e.status === 'IDLE' && e.idleCodeId ? { idleCodeId: e.idleCodeId } : {});
      // Every conversation the agent still holds a slot for hears of it, on a retried logout too:
      // each frees the slot once it has handed the agent's part back (a second notice is a no-op).
      if (e.status === 'LOGGED_OUT') {
        for (const conversationId of Object.keys(a.slots))
          out.push({ type: 'loggedOut', conversationId, agentId: a.id });
      }
      break;
    }
  }
  dispatch(s, now, out);
  return { state: s, commands: out };
}
