import type { Conversation, Offer } from './types.js';
import { roleOf } from './conversation-view.js';

// Logging out hands back everything the agent has in hand (offers go back to their queue, owned
// conversations go back as transfers or to the conferee, owed wrap-ups get the default reason):
// the desktop says what that means before it happens, and only when there is something to lose.

export interface WorkInHand {
  offers: number;
  conversations: number;
  conferences: number;
  wrapUps: number;
}

export function workInHand(
  state: { offers: readonly Offer[]; conversations: readonly Conversation[] },
  meId: string,
): WorkInHand {
  const work: WorkInHand = { offers: state.offers.length, conversations: 0, conferences: 0, wrapUps: 0 };
  for (const c of state.conversations) {
    const role = roleOf(c, meId);
    if (role === 'owner') work.conversations += 1;
    else if (role === 'conference') work.conferences += 1;
    else if (role === 'wrap-up') work.wrapUps += 1;
  }
  return work;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line per kind of work, saying where it goes; empty when logging out strands nothing. */
export function logoutWarnings(work: WorkInHand): string[] {
  const lines: string[] = [];
  if (work.offers > 0)
    lines.push(`${count(work.offers, 'contact request goes', 'contact requests go')} back to the queue.`);
  if (work.conversations > 0)
    lines.push(
      `${count(work.conversations, 'conversation you own goes', 'conversations you own go')} back to the queue as a transfer (or to the agent in conference).`,
    );
  if (work.conferences > 0)
    lines.push(`You leave ${count(work.conferences, 'conference', 'conferences')}; the owner carries on.`);
  if (work.wrapUps > 0)
    lines.push(
      `${count(work.wrapUps, 'wrap-up you owe is', 'wrap-ups you owe are')} submitted with the default reason.`,
    );
  return lines;
}
