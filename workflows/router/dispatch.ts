import type { RouterAgent, RouterCommand, RouterState } from './model.js';
import { hasFreeSlot } from './model.js';

/**
 * Offers waiting conversations, oldest first across queues, each to the longest-idle Available
 * agent of its queue with a free slot. Runs after every router event, so it is kept linear in the
 * number of waiting conversations: queues with nobody free are skipped without looking at agents.
 * The list is already in service order (`route` inserts in place), so nothing is sorted here.
 */
export function dispatch(s: RouterState, now: string, out: RouterCommand[]): void {
  if (s.waiting.length === 0) return;
  const free = Object.values(s.agents).filter((a) => a.status === 'AVAILABLE' && hasFreeSlot(a));
  if (free.length === 0) return;
  const served = new Set(free.flatMap((a) => a.queues));
  const assigned = new Set<string>();
  for (const w of s.waiting) {
    if (!served.has(w.queueId)) continue;
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
