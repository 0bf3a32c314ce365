import { isEnded, isOfferedTo, isOwner, tookPart } from '../domain/roles.js';
import { type Draft, fail } from './model.js';

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

function requireNoConference(d: Draft, action: string): void {
  if (d.s.status === 'CONFERENCE' || d.s.status === 'CONFERENCE_REQUESTED') {
    fail('INVALID_STATE', `End the conference before you ${action}.`);
  }
}

/** The agent hands the conversation on (transfer) or ends it: released, and owes a wrap-up. */
export function owesWrapUp(d: Draft, agentId: string): void {
  const s = d.s;
  for (const p of s.participants) if (p.agentId === agentId && !p.leftAt) p.leftAt = d.now;
  if (!s.wrapUpOwedBy.includes(agentId)) s.wrapUpOwedBy.push(agentId);
  if (d.settings.autoWrapUpSeconds > 0) {
    const at = new Date(Date.parse(d.now) + d.settings.autoWrapUpSeconds * 1000).toISOString();
    s.autoWrapUpAt[agentId] = at;
    d.emit({ type: 'startTimer', timer: `wrapup:${agentId}`, at });
  }
  d.emit({ type: 'conversationEvent', kind: 'PARTICIPANT_LEFT' });
}

export function transferToQueue(d: Draft, agentId: string, queueId: string): void {
  requireOwner(d, agentId, 'transfer');
  requireNoConference(d, 'transfer');
  if (!d.settings.queues.some((q) => q.id === queueId)) fail('NOT_FOUND', `No queue '${queueId}'.`, 'queueId');
  const s = d.s;
  owesWrapUp(d, agentId);
  d.touchAgents();
  delete s.ownerId;
  s.queueId = queueId;
  s.queuedKind = 'TRANSFER';
  s.queuedFromAgentId = agentId;
  s.queuedReceivedAt = d.now;
  s.priorityAt = d.now;
  d.system(`${d.agentName(agentId)} transferred the conversation to ${d.queueName(queueId)}.`);
  d.setStatus('QUEUED');
  d.emit({ type: 'route', queueId, priorityAt: s.priorityAt });
}

/** Checks what can be checked before the router is asked to reserve the target agent. */
export function checkTransferToAgent(d: Draft, agentId: string, targetId: string): void {
  requireOwner(d, agentId, 'transfer');
  requireNoConference(d, 'transfer');
  if (targetId === agentId) fail('INVALID_INPUT', 'You cannot transfer a conversation to yourself.', 'agentId');
  if (!d.settings.agents.some((a) => a.id === targetId)) fail('NOT_FOUND', `No agent '${targetId}'.`, 'agentId');
}

/** Applied once the router has reserved a slot of the target agent. */
export function transferToAgent(d: Draft, agentId: string, targetId: string): void {
  checkTransferToAgent(d, agentId, targetId);
  const s = d.s;
  owesWrapUp(d, agentId);
  d.touchAgents();
  delete s.ownerId;
  // If the target does not accept, the conversation goes back to its queue (keeping its place).
  s.queuedKind = 'TRANSFER';
  s.queuedFromAgentId = agentId;
  s.queuedReceivedAt = d.now;
  d.system(`${d.agentName(agentId)} transferred the conversation to ${d.agentName(targetId)}.`);
  d.offer(targetId, 'TRANSFER', d.now, agentId);
  d.setStatus('OFFERED');
}
