import type { InboundMessage, NumberType, SearchKeys } from '../domain/types.js';

/** What a (business number, customer number) pair remembers across its conversations. */
export interface ThreadState {
  current?: string;
  /** Every conversation of the pair, oldest first (bounded; older ones stay in visibility). */
  conversations: string[];
  /** Carrier ids already taken in, so a redelivered MO is shown once (bounded). */
  seen: string[];
  optedOut: boolean;
  /** STOP / START / HELP that came while no conversation was open: no agent is needed for them. */
  keywords: { id: string; keyword: string; at: string }[];
  /** Where this pair's messages go: taken from the latest MO, kept across continue-as-new. */
  routing?: Routing;
}

export interface Routing {
  businessNumber: string;
  customerNumber: string;
  numberType: NumberType;
  queueId: string;
  searchKeys?: SearchKeys;
}

const MAX_SEEN = 2000;
const MAX_CONVERSATIONS = 200;

export function emptyThread(): ThreadState {
  return { conversations: [], seen: [], optedOut: false, keywords: [] };
}

/** Records the message id; false when it was already taken in. */
export function remember(state: ThreadState, message: InboundMessage): boolean {
  if (state.seen.includes(message.id)) return false;
  state.seen.push(message.id);
  if (state.seen.length > MAX_SEEN) state.seen.splice(0, state.seen.length - MAX_SEEN);
  if (message.keyword === 'STOP') state.optedOut = true;
  if (message.keyword === 'START') state.optedOut = false;
  return true;
}

export function started(state: ThreadState, conversationId: string): void {
  state.current = conversationId;
  state.conversations.push(conversationId);
  if (state.conversations.length > MAX_CONVERSATIONS) state.conversations.shift();
}
