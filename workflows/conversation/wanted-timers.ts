import type { ConversationState } from '../domain/types.js';
import type { ConversationEvent, TimerName } from './model.js';

interface WantedTimer {
  at: string;
  /** What the timer feeds back into `decide` when it fires. */
  event: ConversationEvent;
}

/**
 * The durable timers a state calls for: the open offer's RONA, and each auto wrap-up. The rules
 * only record deadlines in the state; after every transition the workflow hands this map to its
 * TimerSet, so a continue-as-new or a replay re-arms exactly the same timers.
 */
export function wantedTimers(state: ConversationState): Map<TimerName, WantedTimer> {
  const wanted = new Map<TimerName, WantedTimer>();
  if (state.offer) {
    wanted.set('offer', { at: state.offer.expiresAt, event: { type: 'offerTimeout', seq: state.offer.seq } });
  }
  for (const [agentId, at] of Object.entries(state.autoWrapUpAt)) {
    wanted.set(`wrapup:${agentId}`, { at, event: { type: 'autoWrapUpTimeout', agentId } });
  }
  return wanted;
}
