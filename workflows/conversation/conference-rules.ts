import { isActiveConferee, isOfferedTo, isOwner, tookPart } from '../domain/roles.js';
import { type Draft, fail } from './model.js';
import { requireOpenOffer, requireOwner } from './guards.js';

export function checkRequestConference(d: Draft, agentId: string, targetId: string): void {
  requireOwner(d, agentId, 'start a conference');
  if (d.s.status !== 'ACTIVE') fail('INVALID_STATE', 'A conference is already open or requested.');
  if (targetId === agentId) fail('INVALID_INPUT', 'You cannot invite yourself.', 'agentId');
  if (!d.settings.agents.some((a) => a.id === targetId)) fail('NOT_FOUND', `No agent '${targetId}'.`, 'agentId');
}

/** Applied once the router has reserved a slot of the invited agent. */
export function requestConference(d: Draft, agentId: string, targetId: string): void {
  checkRequestConference(d, agentId, targetId);
  d.system(`${d.agentName(agentId)} invited ${d.agentName(targetId)} to a conference.`);
  d.offer(targetId, 'CONFERENCE', d.now, agentId);
  d.setStatus('CONFERENCE_REQUESTED');
}

export function acceptConference(d: Draft, agentId: string): void {
  requireOpenOffer(d, agentId, true);
  const s = d.s;
  delete s.offer;
  s.participants.push({ agentId, role: 'CONFERENCE', joinedAt: d.now });
  d.emit({ type: 'accepted', agentId });
  d.emit({ type: 'conversationEvent', kind: 'PARTICIPANT_JOINED' });
  d.system(`${d.agentName(agentId)} has joined the conversation.`);
  d.setStatus('CONFERENCE');
}

function conferenced(d: Draft) {
  return d.s.participants.find((p) => p.role === 'CONFERENCE' && !p.leftAt);
}

/** Ends the conference part only: the owner and the customer carry on. */
export function closeConference(d: Draft, byAgentId: string): void {
  const s = d.s;
  if (s.status === 'CONFERENCE_REQUESTED' && s.offer) {
    const invited = s.offer.agentId;
    d.withdrawOffer();
    d.emit({ type: 'release', agentId: invited });
    d.system(`${d.agentName(byAgentId)} cancelled the conference request to ${d.agentName(invited)}.`);
  } else {
    const p = conferenced(d);
    if (!p) return;
    p.leftAt = d.now;
    d.emit({ type: 'release', agentId: p.agentId });
    d.emit({ type: 'conversationEvent', kind: 'PARTICIPANT_LEFT' });
    d.emit({ type: 'agentEvent', agentId: p.agentId, kind: 'CONVERSATION_UPDATED' });
    d.system(
      p.agentId === byAgentId
        ? `${d.agentName(p.agentId)} left the conference.`
        : `${d.agentName(byAgentId)} ended the conference; ${d.agentName(p.agentId)} left.`,
    );
  }
}

export function endConference(d: Draft, agentId: string): void {
  requireOwner(d, agentId, 'end the conference');
  if (d.s.status !== 'CONFERENCE' && d.s.status !== 'CONFERENCE_REQUESTED')
    fail('INVALID_STATE', 'There is no conference to end.');
  closeConference(d, agentId);
  d.setStatus('ACTIVE');
}

export function exitConference(d: Draft, agentId: string): void {
  if (!isActiveConferee(d.s, agentId)) {
    if (isOwner(d.s, agentId)) fail('NOT_ALLOWED', 'The owner ends the conference with End Conference.');
    // Only someone who took part may learn that the conference is over; others just get "not yours".
    const involved = tookPart(d.s, agentId) || isOfferedTo(d.s, agentId);
    fail(involved ? 'INVALID_STATE' : 'NOT_ALLOWED', 'You are not in a conference on this conversation.');
  }
  closeConference(d, agentId);
  d.setStatus('ACTIVE');
}
