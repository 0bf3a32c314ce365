import type { ConversationSettings, ConversationState, InboundMessage, SearchKeys } from '../domain/types.js';
import { Draft, type ConversationEvent, type Transition } from './model.js';
import { accept, assigned, offerTimeout } from './offer-rules.js';
import { delivery, inbound, send } from './message-rules.js';
import { checkTransferToAgent, transferToAgent, transferToQueue } from './transfer-rules.js';
import {
  acceptConference,
  checkRequestConference,
  endConference,
  exitConference,
  requestConference,
} from './conference-rules.js';
import { autoWrapUpTimeout, end, recordWithoutAgent, wrapUp } from './end-rules.js';
import { agentLoggedOut } from './logout-rules.js';

export * from './model.js';

export interface NewConversation {
  id: string;
  threadId: string;
  queueId: string;
  customerNumber: string;
  businessNumber: string;
  numberType: ConversationState['numberType'];
  first: InboundMessage;
  optedOut?: boolean;
  searchKeys?: SearchKeys;
  /** Born closed with its first message, never routed (thread/inbound-rules.ts `record`). */
  recordOnly?: boolean;
}

/** A conversation is born QUEUED with the customer's first message; the caller then applies `inbound`. */
export function createConversation(c: NewConversation): ConversationState {
  return {
    id: c.id,
    threadId: c.threadId,
    queueId: c.queueId,
    customerNumber: c.customerNumber,
    businessNumber: c.businessNumber,
    numberType: c.numberType,
    createdAt: c.first.receivedAt,
    status: 'QUEUED',
    priorityAt: c.first.receivedAt,
    participants: [],
    messages: [],
    wrapUps: [],
    wrapUpOwedBy: [],
    autoWrapUpAt: {},
    queuedKind: 'NEW',
    queuedReceivedAt: c.first.receivedAt,
    offerSeq: 0,
    optedOut: c.optedOut ?? false,
    ...(c.searchKeys ? { searchKeys: c.searchKeys } : {}),
  };
}

/**
 * The conversation rules: (state, event, now) -> (state, commands). Pure: the input state is not
 * touched, and a rejection throws a RuleError before anything changes.
 */
export function decide(
  state: ConversationState,
  event: ConversationEvent,
  now: string,
  settings: ConversationSettings,
): Transition {
  const d = new Draft(JSON.parse(JSON.stringify(state)) as ConversationState, now, settings);
  switch (event.type) {
    case 'inbound':
      inbound(d, event.message);
      break;
    case 'assigned':
      assigned(d, event.agentId);
      break;
    case 'accept':
      accept(d, event.agentId);
      break;
    case 'offerTimeout':
      offerTimeout(d, event.seq);
      break;
    case 'send':
      send(d, event);
      break;
    case 'delivery':
      delivery(d, event);
      break;
    case 'transferToQueue':
      transferToQueue(d, event.agentId, event.queueId);
      break;
    case 'transferToAgent':
      transferToAgent(d, event.agentId, event.targetId);
      break;
    case 'requestConference':
      requestConference(d, event.agentId, event.targetId);
      break;
    case 'acceptConference':
      acceptConference(d, event.agentId);
      break;
    case 'endConference':
      endConference(d, event.agentId);
      break;
    case 'exitConference':
      exitConference(d, event.agentId);
      break;
    case 'end':
      end(d, event.agentId);
      break;
    case 'wrapUp':
      wrapUp(d, event.agentId, event.reasonId, event.auto);
      break;
    case 'autoWrapUpTimeout':
      autoWrapUpTimeout(d, event.agentId);
      break;
    case 'agentLoggedOut':
      agentLoggedOut(d, event.agentId);
      break;
  }
  const result: Transition = { state: d.s, commands: d.commands };
  if (d.message) result.message = d.message;
  return result;
}

/** Closes a just-created record-only conversation. Not an event: no Update or signal can reach it. */
export function recordOnly(state: ConversationState, now: string, settings: ConversationSettings): Transition {
  const d = new Draft(JSON.parse(JSON.stringify(state)) as ConversationState, now, settings);
  recordWithoutAgent(d);
  return { state: d.s, commands: d.commands };
}

/** The checks that run before the router is asked to reserve an agent (transfer to agent, conference). */
export function checkDirected(
  state: ConversationState,
  event: ConversationEvent,
  now: string,
  settings: ConversationSettings,
): void {
  const d = new Draft(state, now, settings);
  if (event.type === 'transferToAgent') checkTransferToAgent(d, event.agentId, event.targetId);
  if (event.type === 'requestConference') checkRequestConference(d, event.agentId, event.targetId);
}
