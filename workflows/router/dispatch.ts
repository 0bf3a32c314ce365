import type { RouterAgent, RouterCommand, RouterState } from './model.js';
import { hasFreeSlot } from './model.js';

function byAge(a: { priorityAt: string; seq: number }, b: { priorityAt: string; seq: number }): number {
  return a.priorityAt < b.priorityAt ? -1 : a.priorityAt > b.priorityAt ? 1 : a.seq - b.seq;
}

/**
 * Offers waiting conversations, oldest first across queues, each to the longest-idle Available
 * agent of its queue with a free slot. Runs after every router event, so it is kept linear in the
 * number of waiting conversations: queues with nobody free are skipped without looking at agents.
 */
export function dispatch(s: RouterState, now: string, out: RouterCommand[]): void {
  if (s.waiting.length === 0) return;
  const free = Object.values(s.agents).filter((a) => a.status === 'AVAILABLE' && hasFreeSlot(a));
  if (free.length === 0) return;
  s.waiting.sort(byAge);
  const assigned = new Set<string>();
  for (const w of s.waiting) {
    const candidates = free.filter((a) => a.queues.includes(w.queueId) && hasFreeSlot(a) && !a.slots[w.conversationId]);
    if (candidates.length === 0) continue;
    const pick = candidates.reduce<RouterAgent>(
      (best, a) => (a.idleSince < best.idleSince || (a.idleSince === best.idleSince && a.id < best.id) ? a : best),
      candidates[0]!,
    );
    pick.slots[w.conversationId] = 'offer';
    pick.idleSince = now;
    assigned.add(w.conversationId);
    out.push({ type: 'assign', conversationId: w.conversationId, agentId: pick.id });
    if (!free.some(hasFreeSlot)) break;
  }
  if (assigned.size > 0) s.waiting = s.waiting.filter((w) => !assigned.has(w.conversationId));
}
