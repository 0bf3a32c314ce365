import * as roles from '../domain/roles.js';
import type { Draft } from './model.js';
import { closeConference } from './conference-rules.js';
import { owesWrapUp } from './guards.js';
import { wrapUp } from './end-rules.js';

// An agent who logs out strands nothing: the router tells every conversation the agent holds a
// slot for, and each hands back what the agent had in hand. Applied any number of times (a retried
// logout, a replay), it changes nothing once the agent has no part left in the conversation.

function requeue(d: Draft, text: string): void {
  const s = d.s;
  d.system(text);
  d.setStatus('QUEUED');
  // Back where it stood (priorityAt unchanged): ahead of every request that came in after it.
  d.emit({ type: 'route', queueId: s.queueId, priorityAt: s.priorityAt });
}

/** The open offer to the agent is withdrawn: a request or transfer goes back to its queue. */
function withdrawOffer(d: Draft, agentId: string, name: string): void {
  const offer = d.s.offer!;
  d.withdrawOffer();
  d.emit({ type: 'release', agentId });
  if (offer.kind === 'CONFERENCE') {
    d.system(`${name} logged out; the conference request is withdrawn.`);
    d.setStatus('ACTIVE');
    return;
  }
  requeue(d, `${name} logged out; the request is back in ${d.queueName(d.s.queueId)}.`);
}

/**
 * The owner goes. With a conferee in the conversation, the conferee takes it over: the customer
 * is already talking to them, and a queue would only make the customer wait again. Otherwise (a
 * conference request not yet accepted is cancelled first) it goes back to its queue as a transfer
 * from the agent, keeping its place: the customer has waited once already.
 */
function handOver(d: Draft, agentId: string, name: string): void {
  const s = d.s;
  const conferee = s.participants.find((p) => p.role === 'CONFERENCE' && !p.leftAt);
  if (s.status === 'CONFERENCE_REQUESTED') closeConference(d, agentId);
  owesWrapUp(d, agentId);
  d.touchAgents();
  if (conferee) {
    conferee.leftAt = d.now;
    s.participants.push({ agentId: conferee.agentId, role: 'OWNER', joinedAt: d.now });
    s.ownerId = conferee.agentId;
    d.emit({ type: 'conversationEvent', kind: 'PARTICIPANT_JOINED' });
    d.system(`${name} logged out; ${d.agentName(conferee.agentId)} now owns the conversation.`);
    d.setStatus('ACTIVE');
    d.touchAgents();
    return;
  }
  delete s.ownerId;
  s.queuedKind = 'TRANSFER';
  s.queuedFromAgentId = agentId;
  s.queuedReceivedAt = d.now;
  requeue(d, `${name} logged out; the conversation is back in ${d.queueName(s.queueId)} as a transfer.`);
}

export function agentLoggedOut(d: Draft, agentId: string): void {
  const s = d.s;
  const name = d.agentName(agentId);
  const offered = roles.isOfferedTo(s, agentId);
  const owner = roles.isOwner(s, agentId) && roles.isLive(s.status);
  const conferee = roles.isActiveConferee(s, agentId);
  if (!offered && !owner && !conferee && !roles.owesWrapUp(s, agentId)) {
    // Nothing here is the agent's (any more): a slot the router still holds is freed all the same.
    d.emit({ type: 'release', agentId });
    return;
  }
  if (offered) withdrawOffer(d, agentId, name);
  if (owner) handOver(d, agentId, name);
  if (conferee) {
    closeConference(d, agentId);
    d.setStatus('ACTIVE');
  }
  // Whatever wrap-up the agent owes (for this hand-over or an earlier one) is done for them.
  if (roles.owesWrapUp(s, agentId)) wrapUp(d, agentId, d.settings.defaultReasonId, true);
}
