import * as roles from '../domain/roles.js';
import { type Draft, fail } from './model.js';
import { closeConference } from './conference-rules.js';
import { owesWrapUp, requireOwner } from './guards.js';

export function end(d: Draft, agentId: string): void {
  requireOwner(d, agentId, 'end the conversation');
  const s = d.s;
  if (s.status === 'CONFERENCE' || s.status === 'CONFERENCE_REQUESTED') closeConference(d, agentId);
  owesWrapUp(d, agentId);
  s.endedAt = d.now;
  d.system(`${d.agentName(agentId)} ended the conversation.`);
  d.setStatus('WRAP_UP');
  // From now on a customer message starts a new conversation.
  d.emit({ type: 'threadEnded' });
}

export function wrapUp(d: Draft, agentId: string, reasonId: string, auto = false): void {
  const s = d.s;
  if (!roles.owesWrapUp(s, agentId)) {
    const involved = roles.tookPart(s, agentId);
    fail(
      involved ? 'INVALID_STATE' : 'NOT_ALLOWED',
      involved ? 'You do not owe a wrap-up for this conversation.' : 'This conversation is not yours to wrap up.',
    );
  }
  if (!d.settings.wrapUpReasonIds.includes(reasonId)) fail('NOT_FOUND', `No wrap-up reason '${reasonId}'.`, 'reasonId');
  s.wrapUpOwedBy = s.wrapUpOwedBy.filter((id) => id !== agentId);
  s.wrapUps.push({ agentId, reasonId, at: d.now, auto });
  delete s.autoWrapUpAt[agentId];
  // The slot stays in use until the wrap-up is in (DESIGN).
  d.emit({ type: 'release', agentId });
  d.emit({ type: 'conversationEvent', kind: 'WRAP_UP_SUBMITTED' });
  d.emit({ type: 'agentEvent', agentId, kind: 'CONVERSATION_UPDATED' });
  if (s.status === 'WRAP_UP' && s.wrapUpOwedBy.length === 0) {
    s.closedAt = d.now;
    d.setStatus('CLOSED');
    d.emit({ type: 'close' });
  }
}

export function autoWrapUpTimeout(d: Draft, agentId: string): void {
  if (!roles.owesWrapUp(d.s, agentId)) return; // submitted by hand in the meantime
  wrapUp(d, agentId, d.settings.defaultReasonId, true);
}

/**
 * A keyword that needed no agent (opt-out, opt-in or HELP with no conversation open) is kept as a
 * conversation born closed: the customer's history, the list and the archive show it like any other.
 */
export function recordWithoutAgent(d: Draft): void {
  const s = d.s;
  s.endedAt = d.now;
  s.closedAt = d.now;
  d.system('No agent was needed: recorded for the customer’s history.');
  d.setStatus('CLOSED');
  d.emit({ type: 'close' });
}
