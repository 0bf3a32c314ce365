import type { ConversationState } from '../../workflows/domain/types.js';
import type { Loaders } from './loaders.js';
import type { OfferParent } from './parents.js';
import { isCurrentFor } from '../../workflows/domain/roles.js';

// An agent's desk: its open offers and its conversations. The router says which conversations
// hold one of the agent's slots; each conversation's own state (strongly consistent) decides.

async function slotted(loaders: Loaders, agentId: string): Promise<ConversationState[]> {
  const view = await loaders.agent(agentId);
  if (!view) return [];
  const ids = [...new Set([...view.offers, ...view.conversations])];
  const states = await Promise.all(ids.map((id) => loaders.state(id)));
  return states.filter((s): s is ConversationState => s !== undefined);
}

export async function openOffers(loaders: Loaders, agentId: string, now = Date.now()): Promise<OfferParent[]> {
  const states = await slotted(loaders, agentId);
  return states
    .filter((s) => s.offer?.agentId === agentId && Date.parse(s.offer.expiresAt) > now)
    .map((s) => ({ offer: s.offer!, conversation: s }))
    .sort((a, b) => Date.parse(a.offer.receivedAt) - Date.parse(b.offer.receivedAt));
}

export async function currentConversations(loaders: Loaders, agentId: string): Promise<ConversationState[]> {
  const states = await slotted(loaders, agentId);
  return states
    .filter((s) => isCurrentFor(s, agentId))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
