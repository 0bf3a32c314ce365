import type { ConversationState } from '../domain/types.js';
import type { ConversationCommand } from './model.js';

// Every change of a conversation that publishes events is one step of its `eventSeq`, kept in
// its state (durable, carried across continue-as-new, the same in every API process that reads
// it). Every event of the change carries the state after it, so the same seq: a client orders
// events, query results and mutation payloads by it, and a seq skipped tells it that it missed
// something. For that to hold on an agent's own stream, every agent with a stake in the
// conversation hears of each change (the rules already tell most of them; this fills in the rest).
//
// Derived only: publishing is already one local activity per change, so nothing here adds or
// reorders a workflow command (the recorded histories still replay).

function publishes(commands: ConversationCommand[]): boolean {
  return commands.some((c) => c.type === 'conversationEvent' || c.type === 'agentEvent');
}

/** Owner, conferenced participants and whoever still owes a wrap-up. */
export function stakeholders(s: ConversationState): string[] {
  const ids = new Set<string>();
  if (s.ownerId && s.status !== 'CLOSED') ids.add(s.ownerId);
  for (const p of s.participants) if (!p.leftAt) ids.add(p.agentId);
  for (const id of s.wrapUpOwedBy) ids.add(id);
  return [...ids];
}

/**
 * The state and commands of a change, sequenced: seq + 1 when the change publishes anything, and
 * a CONVERSATION_UPDATED for each stakeholder not already told of it.
 */
export function sequence(
  state: ConversationState,
  commands: ConversationCommand[],
): { state: ConversationState; commands: ConversationCommand[] } {
  if (!publishes(commands)) return { state, commands };
  const told = new Set(commands.flatMap((c) => (c.type === 'agentEvent' ? [c.agentId] : [])));
  const missing = stakeholders(state).filter((id) => !told.has(id));
  return {
    state: { ...state, eventSeq: (state.eventSeq ?? 0) + 1 },
    commands: [
      ...commands,
      ...missing.map((agentId): ConversationCommand => ({ type: 'agentEvent', agentId, kind: 'CONVERSATION_UPDATED' })),
    ],
  };
}
