import type { ConversationState } from '../../workflows/domain/types.js';
import type { ConversationSummary } from '../../workflows/contract/events.js';
import type { Caller } from '../auth/caller.js';

// Who may read a conversation. Actions are checked by the workflow itself (the source of truth);
// reads and subscriptions are checked here against the same state.

export type Involvement = 'owner' | 'conference' | 'offered' | 'wrapUp' | 'former';

/** How an agent is part of a conversation, or undefined when it is not. */
export function involvement(s: ConversationState | ConversationSummary, agentId: string): Involvement | undefined {
  if (s.ownerId === agentId && s.status !== 'CLOSED') return 'owner';
  if (s.participants.some((p) => p.agentId === agentId && p.role === 'CONFERENCE' && !p.leftAt)) return 'conference';
  if (s.offer?.agentId === agentId) return 'offered';
  if (s.wrapUpOwedBy.includes(agentId)) return 'wrapUp';
  // An agent keeps read access to a conversation it took part in (its own history).
  if (s.participants.some((p) => p.agentId === agentId) || s.wrapUps.some((w) => w.agentId === agentId))
    return 'former';
  return undefined;
}

export function canRead(caller: Caller, s: ConversationState | ConversationSummary): boolean {
  if (caller.kind === 'integrator') return true;
  if (caller.kind === 'agent') return involvement(s, caller.agentId) !== undefined;
  return false;
}

/** Not CLOSED for the agent: it owns it, is conferenced in, or still owes its wrap-up. */
export function isCurrentFor(s: ConversationState, agentId: string): boolean {
  const how = involvement(s, agentId);
  return how === 'owner' || how === 'conference' || how === 'wrapUp';
}

/**
 * Up to when an agent may read what happened in a conversation (ms): for ever while it is there
 * (owner, conferenced, offered, or never left), else until it last left. A former participant
 * reads what was said while it took part, not what came after. -Infinity: nothing at all.
 */
export function readableUntil(s: ConversationState | ConversationSummary, agentId: string): number {
  const how = involvement(s, agentId);
  if (!how) return -Infinity;
  if (how === 'owner' || how === 'conference' || how === 'offered') return Infinity;
  const mine = s.participants.filter((p) => p.agentId === agentId);
  if (mine.length === 0 || mine.some((p) => !p.leftAt)) return Infinity;
  return Math.max(...mine.map((p) => Date.parse(p.leftAt!)));
}

/** Whether the caller may see something that happened at `at` (ISO) in the conversation. */
export function canSee(caller: Caller, s: ConversationState | ConversationSummary, at: string): boolean {
  if (caller.kind === 'integrator') return true;
  if (caller.kind !== 'agent') return false;
  return Date.parse(at) <= readableUntil(s, caller.agentId);
}
