import { type Draft, fail } from './model.js';
import { owesWrapUp, requireNoConference, requireOwner } from './guards.js';

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
