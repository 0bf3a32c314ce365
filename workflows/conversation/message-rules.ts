import type { DeliveryStatus, InboundMessage, Message } from '../domain/types.js';
import { MAX_MESSAGE_LENGTH, textLength, tooLongMessage } from '../domain/limits.js';
import { isLive, isOfferedTo, mayReply } from '../domain/roles.js';
import { type Draft, fail } from './model.js';

export function inbound(d: Draft, m: InboundMessage): void {
  const s = d.s;
  if (s.messages.some((x) => x.direction === 'INBOUND' && x.id === m.id)) return; // carrier redelivery
  if (s.status === 'WRAP_UP' || s.status === 'CLOSED') {
    // Ended for the customer: the thread starts a new conversation with it (DESIGN).
    d.emit({ type: 'redirectInbound', message: m });
    return;
  }
  const message: Message = { id: m.id, direction: 'INBOUND', text: m.text, at: m.receivedAt };
  if (m.segments !== undefined) message.segments = m.segments;
  if (m.incomplete) message.detail = 'Parts of this multipart message never arrived.';
  s.messages.push(message);
  // The first MO establishes the route; a later one (another bind or account claiming this
  // customer) never moves where the agents' replies leave from.
  if (m.ingress && !s.ingress?.bindId) s.ingress = m.ingress;
  d.emit({ type: 'conversationEvent', kind: 'MESSAGE_ADDED', messageId: m.id });
  if (m.keyword === 'STOP' && !s.optedOut) {
    s.optedOut = true;
    d.system('The customer opted out (STOP): replies are blocked until they send START.');
  } else if (m.keyword === 'START' && s.optedOut) {
    s.optedOut = false;
    d.system('The customer opted back in (START).');
  } else if (m.keyword === 'HELP') {
    d.system('The customer asked for HELP; the help text was sent automatically.');
  }
  d.touchAgents();
}

export function send(
  d: Draft,
  e: { agentId: string; text: string; clientMessageId?: string; messageId: string; segments?: number },
): void {
  const s = d.s;
  if (e.clientMessageId) {
    const earlier = s.messages.find((m) => m.clientMessageId === e.clientMessageId && m.authorId === e.agentId);
    if (earlier) {
      d.message = earlier; // a retry: the customer is not texted twice
      return;
    }
  }
  if (isOfferedTo(s, e.agentId)) fail('INVALID_STATE', 'Accept the request before you reply.');
  if (!mayReply(s, e.agentId)) fail('NOT_ALLOWED', 'Only the agents in this conversation can reply.');
  if (!isLive(s.status)) {
    fail('INVALID_STATE', `Replies are not possible while the conversation is ${s.status}.`);
  }
  if (e.text.trim() === '') fail('INVALID_INPUT', 'The message is empty.', 'text');
  const length = textLength(e.text);
  if (length > MAX_MESSAGE_LENGTH) fail('INVALID_INPUT', tooLongMessage(length), 'text');
  if (s.optedOut) fail('NOT_ALLOWED', 'The customer opted out (STOP) of messages from this number.');
  const message: Message = {
    id: e.messageId,
    direction: 'OUTBOUND',
    text: e.text,
    at: d.now,
    authorId: e.agentId,
    deliveryStatus: 'PENDING',
    ...(e.segments !== undefined ? { segments: e.segments } : {}),
    ...(e.clientMessageId ? { clientMessageId: e.clientMessageId } : {}),
  };
  s.messages.push(message);
  d.message = message;
  d.emit({ type: 'sendSms', messageId: message.id });
  d.emit({ type: 'conversationEvent', kind: 'MESSAGE_ADDED', messageId: message.id });
  d.touchAgents();
}

const RANK: Record<DeliveryStatus, number> = { PENDING: 0, SUBMITTED: 1, DELIVERED: 2, FAILED: 2 };

export function delivery(
  d: Draft,
  e: { messageId: string; status: DeliveryStatus; carrierIds?: string[]; segments?: number; detail?: string },
): void {
  const message = d.s.messages.find((m) => m.id === e.messageId && m.direction === 'OUTBOUND');
  if (!message) return;
  // Receipts can overtake the submit result; a status never moves backwards and a final one stays.
  const current = message.deliveryStatus ?? 'PENDING';
  if (RANK[current] === 2 || RANK[e.status] < RANK[current]) {
    // A submit result that lost the race to its receipt still brings the carrier ids and segments.
    const carrierIds = message.carrierIds ? undefined : e.carrierIds;
    const segments = message.segments ? undefined : e.segments;
    if (carrierIds) message.carrierIds = carrierIds;
    if (segments) message.segments = segments;
    if (carrierIds || segments) d.emit({ type: 'conversationEvent', kind: 'DELIVERY_UPDATED', messageId: message.id });
    return;
  }
  if (e.status === current && !e.carrierIds) return;
  message.deliveryStatus = e.status;
  if (e.carrierIds) message.carrierIds = e.carrierIds;
  if (e.segments) message.segments = e.segments;
  if (e.detail) message.detail = e.detail;
  d.emit({ type: 'conversationEvent', kind: 'DELIVERY_UPDATED', messageId: message.id });
  d.touchAgents();
}
