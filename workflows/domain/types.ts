// Domain types shared by the workflows, the worker, the API, the gateway and the tests. They are
// plain data (JSON through Temporal), times as ISO-8601 strings so workflow state is serialisable.
import type { Keyword } from './keywords.js';

export type AgentStatus = 'AVAILABLE' | 'IDLE' | 'RONA' | 'LOGGED_OUT';
export type ConversationStatus =
  'QUEUED' | 'OFFERED' | 'ACTIVE' | 'CONFERENCE_REQUESTED' | 'CONFERENCE' | 'WRAP_UP' | 'CLOSED';
export type NumberType = 'LONGCODE' | 'SHORTCODE' | 'TOLL_FREE';
export type MessageDirection = 'INBOUND' | 'OUTBOUND' | 'SYSTEM';
export type DeliveryStatus = 'PENDING' | 'SUBMITTED' | 'DELIVERED' | 'FAILED';
export type OfferKind = 'NEW' | 'TRANSFER' | 'CONFERENCE';
export type ParticipantRole = 'OWNER' | 'CONFERENCE';
export type ErrorCode = 'NOT_FOUND' | 'NOT_ALLOWED' | 'INVALID_STATE' | 'INVALID_INPUT' | 'NOT_AVAILABLE';

export interface QueueInfo {
  id: string;
  name: string;
  ronaTimeoutSeconds: number;
}

export interface AgentInfo {
  id: string;
  name: string;
  queues: string[];
  capacity: number;
}

/** What a conversation needs to know of the configuration, fixed when it starts (determinism). */
export interface ConversationSettings {
  queues: QueueInfo[];
  agents: Pick<AgentInfo, 'id' | 'name'>[];
  wrapUpReasonIds: string[];
  autoWrapUpSeconds: number;
  defaultReasonId: string;
  /** Continue-as-new past this many history events. */
  historyLimit: number;
  /** Which routing group's router serves each queue and agent (absent in settings made before). */
  groups?: { queues: Record<string, string>; agents: Record<string, string> };
}

/** Where an MO came in, so the reply can leave the same way (DESIGN: the gateway's routing). */
export interface Ingress {
  bindId?: string;
  side?: 'esme' | 'listener';
  /** The gateway process (smpp.gatewayId) that holds the bind, when several run. */
  gateway?: string;
}

export interface InboundMessage {
  /** Carrier identity of the message (stable across redeliveries): the de-duplication key. */
  id: string;
  text: string;
  receivedAt: string;
  segments?: number;
  incomplete?: boolean;
  keyword?: Keyword;
  ingress?: Ingress;
}

export interface Message {
  id: string;
  direction: MessageDirection;
  text: string;
  at: string;
  authorId?: string;
  deliveryStatus?: DeliveryStatus;
  segments?: number;
  clientMessageId?: string;
  detail?: string;
  carrierIds?: string[];
}

export interface Participant {
  agentId: string;
  role: ParticipantRole;
  joinedAt: string;
  leftAt?: string;
}

export interface WrapUpRecord {
  agentId: string;
  reasonId: string;
  at: string;
  auto: boolean;
}

export interface Offer {
  agentId: string;
  kind: OfferKind;
  /** The popover's timer counts from here: when the customer's request (or the transfer / conference request) came in. */
  receivedAt: string;
  offeredAt: string;
  expiresAt: string;
  fromAgentId?: string;
  /** Increments with every offer so a stale RONA timer is recognised. */
  seq: number;
}

export interface ConversationState {
  id: string;
  threadId: string;
  queueId: string;
  customerNumber: string;
  businessNumber: string;
  numberType: NumberType;
  createdAt: string;
  status: ConversationStatus;
  /** Queue position: oldest first; a conversation put back after RONA keeps its place. */
  priorityAt: string;
  ownerId?: string;
  participants: Participant[];
  messages: Message[];
  wrapUps: WrapUpRecord[];
  wrapUpOwedBy: string[];
  /** agentId -> ISO time the auto wrap-up submits the default reason. */
  autoWrapUpAt: Record<string, string>;
  offer?: Offer;
  /** Kind and requester the next queue offer carries (TRANSFER after a transfer to a queue). */
  queuedKind: OfferKind;
  queuedFromAgentId?: string;
  queuedReceivedAt: string;
  offerSeq: number;
  /** Bumped by every change that publishes events (conversation/event-seq.ts); absent means 0. */
  eventSeq?: number;
  optedOut: boolean;
  ingress?: Ingress;
  endedAt?: string;
  closedAt?: string;
  /** With payload encryption on: what the search attributes carry instead of the numbers. */
  searchKeys?: SearchKeys;
}

/** HMACs of the customer's and the business number (config/identifiers.ts), for visibility. */
export interface SearchKeys {
  customer: string;
  business: string;
}

export interface AgentView {
  id: string;
  name: string;
  status: AgentStatus;
  idleCodeId?: string;
  statusReason?: string;
  statusChangedAt: string;
  capacity: number;
  queues: string[];
  offers: string[];
  conversations: string[];
}

export interface QueueView {
  id: string;
  waiting: number;
  availableAgents: number;
}
