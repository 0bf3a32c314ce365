import type { InboundMessage, NumberType, SearchKeys } from '../domain/types.js';
import type { TakenMessage } from '../contract/definitions.js';
import type { InboundDecision } from './inbound-rules.js';

/** What a (business number, customer number) pair remembers across its conversations. */
export interface ThreadState {
  current?: string;
  /** Every conversation of the pair, oldest first (bounded; older ones stay in visibility). */
  conversations: string[];
  /** Carrier ids already taken in, so a redelivered MO is shown once (bounded). */
  seen: string[];
  optedOut: boolean;
  /** The message that last changed `optedOut` (inbound-rules.ts). */
  optChangedBy?: string;
  /**
   * Keywords (STOP / START / HELP) that came while no conversation was open, each with the
   * conversation that took it: a closed record for an opt-out or opt-in, else one an agent is offered.
   */
  keywords: { id: string; keyword: string; at: string; conversationId?: string }[];
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
const MAX_KEYWORDS = 100;

export function emptyThread(): ThreadState {
  return { conversations: [], seen: [], optedOut: false, keywords: [] };
}

/** Records the message id; false when it was already taken in. */
export function remember(state: ThreadState, message: Pick<InboundMessage, 'id'>): boolean {
  if (state.seen.includes(message.id)) return false;
  state.seen.push(message.id);
  if (state.seen.length > MAX_SEEN) state.seen.splice(0, state.seen.length - MAX_SEEN);
  return true;
}

/** The opt-out as the rules left it (decided when the message is handed on, not when it lands). */
export function optAfter(state: ThreadState, d: InboundDecision): void {
  state.optedOut = d.optedOut;
  if (d.optChangedBy) state.optChangedBy = d.optChangedBy;
}

/**
 * A conversation that ended (or redirected a text, having ended) no longer takes the pair's texts.
 * Its final opt-out comes with it: the texts into an open conversation
 * go to it directly, so the thread learns their STOP or START only then. Only the conversation
 * that holds the pair (or the last one, none being open) speaks for it; a change the thread did
 * not see was made by a message it does not know, so `optChangedBy` no longer names it.
 */
export function left(state: ThreadState, conversationId: string, optedOut?: boolean, inbound: string[] = []): void {
  for (const id of inbound) remember(state, { id });
  // undefined: a signal from before the field was carried
  const speaks = state.current === undefined || state.current === conversationId;
  if (optedOut !== undefined && speaks && state.optedOut !== optedOut) {
    state.optedOut = optedOut;
    delete state.optChangedBy;
  }
  if (state.current === conversationId) delete state.current;
}

/** A message to hand on; `taken` answers a takeMessage update once it is in its conversation. */
export interface Pending {
  message: InboundMessage;
  taken?: (where: TakenMessage) => void;
}

/** A keyword that needed no agent; the closed conversation recording it is added once started. */
export function keywordTaken(state: ThreadState, message: InboundMessage): ThreadState['keywords'][number] {
  const entry = { id: message.id, keyword: message.keyword ?? '', at: message.receivedAt };
  state.keywords.push(entry);
  if (state.keywords.length > MAX_KEYWORDS) state.keywords.shift();
  return entry;
}

/** `open`: the conversation takes the pair's next texts (a recorded one is born closed). */
export function started(state: ThreadState, conversationId: string, open = true): void {
  if (open) state.current = conversationId;
  state.conversations.push(conversationId);
  if (state.conversations.length > MAX_CONVERSATIONS) state.conversations.shift();
}
