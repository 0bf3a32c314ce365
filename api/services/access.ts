import type { ConversationState } from '../../workflows/domain/types.js';
import type { ConversationSummary } from '../../workflows/contract/events.js';
import { mayRead, readableUntil } from '../../workflows/domain/roles.js';
import type { Caller } from '../auth/caller.js';

// Who may read a conversation. Actions are checked by the workflow itself (the source of truth);
// reads and subscriptions are checked here against the same state, by the same role rules
// (workflows/domain/roles.ts). This file only says what each kind of caller gets.

export function canRead(caller: Caller, s: ConversationState | ConversationSummary): boolean {
  if (caller.kind === 'integrator') return true;
  if (caller.kind === 'agent') return mayRead(s, caller.agentId);
  return false;
}

/** Whether the caller may see something that happened at `at` (ISO) in the conversation. */
export function canSee(caller: Caller, s: ConversationState | ConversationSummary, at: string): boolean {
  if (caller.kind === 'integrator') return true;
  if (caller.kind !== 'agent') return false;
  return Date.parse(at) <= readableUntil(s, caller.agentId);
}
