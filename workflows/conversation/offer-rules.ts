import type { Draft } from './model.js';
import { requireOpenOffer } from './guards.js';

// Offers: the router assigns an agent, the agent accepts, or the RONA timer takes the offer back.

export function assigned(d: Draft, agentId: string): void {
  const s = d.s;
  if (s.status !== 'QUEUED' || s.offer) {
    // The router's pick arrived after the conversation moved on: give the slot straight back.
    d.emit({ type: 'release', agentId });
    return;
  }
  // A transfer that came back (its target did not answer) to the agent who made it is a plain
  // request for that agent, not a "transfer from" itself.
  const fromSelf = s.queuedFromAgentId === agentId;
  d.offer(agentId, fromSelf ? 'NEW' : s.queuedKind, s.queuedReceivedAt, fromSelf ? undefined : s.queuedFromAgentId);
  d.setStatus('OFFERED');
}

export function accept(d: Draft, agentId: string): void {
  const s = d.s;
  const offer = requireOpenOffer(d, agentId, false);
  delete s.offer;
  s.ownerId = agentId;
  s.participants.push({ agentId, role: 'OWNER', joinedAt: d.now });
  d.emit({ type: 'accepted', agentId });
  d.emit({ type: 'conversationEvent', kind: 'PARTICIPANT_JOINED' });
  if (offer.kind === 'TRANSFER') d.system(`${d.agentName(agentId)} accepted the transfer.`);
  d.setStatus('ACTIVE');
  d.touchAgents();
}

export function offerTimeout(d: Draft, seq: number): void {
  const s = d.s;
  const offer = s.offer;
  if (!offer || offer.seq !== seq) return; // a timer that lost the race with Accept or a cancel
  d.withdrawOffer();
  const seconds = Math.round((Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)) / 1000);
  const name = d.agentName(offer.agentId);
  d.emit({
    type: 'release',
    agentId: offer.agentId,
    rona: true,
    reason: `Did not accept the request from ${s.customerNumber} within ${seconds} s`,
  });
  if (offer.kind === 'CONFERENCE') {
    d.system(`${name} did not answer the conference request.`);
    d.setStatus('ACTIVE');
    return;
  }
  // Back to its queue, keeping its place ahead of newer requests.
  d.system(`${name} did not answer; the request is back in ${d.queueName(s.queueId)}.`);
  d.setStatus('QUEUED');
  d.emit({ type: 'route', queueId: s.queueId, priorityAt: s.priorityAt });
}
