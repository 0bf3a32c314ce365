import { isEnded, isOfferedTo, isOwner, tookPart } from '../domain/roles.js';
import { addSeconds, type Draft, fail } from './model.js';

// The checks and the hand-over step that several rule files share: one place to read what
// "owner", "open offer" and "owes a wrap-up" mean.

/** Transfer, Conference and End need an accepted conversation that the caller owns. */
export function requireOwner(d: Draft, agentId: string, action: string): void {
  const s = d.s;
  if (isOfferedTo(s, agentId) && s.offer?.kind !== 'CONFERENCE') {
    fail('INVALID_STATE', `Accept the request before you ${action}.`);
  }
  const ended = isEnded(s.status);
  if (!isOwner(s, agentId) || ended) {
    // Only an agent who took part learns that it has ended; to anyone else it is simply not theirs.
    const involved = tookPart(s, agentId);
    if (ended && involved) fail('INVALID_STATE', `The conversation has ended; you cannot ${action}.`);
    fail('NOT_ALLOWED', `Only the agent who owns the conversation can ${action}.`);
  }
}

export function requireNoConference(d: Draft, action: string): void {
  if (d.s.status === 'CONFERENCE' || d.s.status === 'CONFERENCE_REQUESTED') {
    fail('INVALID_STATE', `End the conference before you ${action}.`);
  }
}

/** Shared by Accept and Accept Conference: only the offered agent, only while the offer is open. */
export function requireOpenOffer(d: Draft, agentId: string, conference: boolean) {
  const offer = d.s.offer;
  if (!offer || (offer.kind === 'CONFERENCE') !== conference) {
    fail('INVALID_STATE', conference ? 'There is no open conference request.' : 'There is no open request to accept.');
  }
  if (!isOfferedTo(d.s, agentId)) fail('NOT_ALLOWED', 'This request was offered to another agent.');
  if (Date.parse(d.now) >= Date.parse(offer.expiresAt)) fail('INVALID_STATE', 'The request has lapsed.');
  return offer;
}

/**
 * The agent hands the conversation on (transfer) or ends it: released, and owes a wrap-up. The
 * auto wrap-up deadline is state; the workflow arms its timer from it (wanted-timers.ts).
 */
export function owesWrapUp(d: Draft, agentId: string): void {
  const s = d.s;
  for (const p of s.participants) if (p.agentId === agentId && !p.leftAt) p.leftAt = d.now;
  if (!s.wrapUpOwedBy.includes(agentId)) s.wrapUpOwedBy.push(agentId);
  if (d.settings.autoWrapUpSeconds > 0) s.autoWrapUpAt[agentId] = addSeconds(d.now, d.settings.autoWrapUpSeconds);
  d.emit({ type: 'conversationEvent', kind: 'PARTICIPANT_LEFT' });
}
