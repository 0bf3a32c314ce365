import type { InboundMessage } from '../domain/types.js';

// What the thread does with each customer text (issue 13: no text dropped, no customer stranded).
// Pure: the thread workflow only carries the decision out.

/**
 * - deliver: into the open conversation (its own rules add the agent's system line for a keyword);
 * - start: a new conversation an agent will take;
 * - record: a conversation born CLOSED with the text, for the customer's history: an opt-out or
 *   an opt-in that came while none was open needs no agent. Every other text reaches one (a HELP
 *   too: the gateway answers it with the help text, and the customer may still want a person).
 */
export type InboundAction = 'deliver' | 'start' | 'record';

export interface InboundView {
  /** A conversation is open: texts go to it. */
  open: boolean;
  optedOut: boolean;
  /** The message that last changed `optedOut`: a redirected copy of it is not a second change. */
  optChangedBy?: string;
}

export interface InboundDecision {
  action: InboundAction;
  /** The pair's opt-out after this message. */
  optedOut: boolean;
  optChangedBy?: string;
  /** What a conversation started or recorded for it starts from: its rules then note the change. */
  startOptedOut: boolean;
}

export function decideInbound(view: InboundView, message: InboundMessage): InboundDecision {
  const { open, optedOut } = view;
  const again = view.optChangedBy === message.id; // this very text changed the opt-out already
  const keep = view.optChangedBy ? { optChangedBy: view.optChangedBy } : {};
  const atAgent: InboundAction = open ? 'deliver' : 'start';
  const noAgent: InboundAction = open ? 'deliver' : 'record';
  switch (message.keyword) {
    case 'STOP':
      if (!optedOut) return { action: noAgent, optedOut: true, optChangedBy: message.id, startOptedOut: false };
      return { action: noAgent, optedOut: true, ...keep, startOptedOut: !again };
    case 'START':
      if (optedOut) return { action: noAgent, optedOut: false, optChangedBy: message.id, startOptedOut: true };
      // Not opted out: "Yes" is an answer to someone, unless it is this text's own opt-in coming back.
      if (again) return { action: noAgent, optedOut: false, ...keep, startOptedOut: true };
      return { action: atAgent, optedOut: false, ...keep, startOptedOut: false };
    default:
      // HELP included: the gateway answers it with the help text, and an agent still sees it.
      return { action: atAgent, optedOut, ...keep, startOptedOut: optedOut };
  }
}
