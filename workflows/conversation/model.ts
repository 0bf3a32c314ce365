import type { ConversationSettings, ConversationState, InboundMessage, Message, OfferKind } from '../domain/types.js';
import { RuleError } from '../domain/errors.js';
import type { AgentEventKind, ConversationEventKind } from '../contract/events.js';
import type { AgentAction } from '../contract/inputs.js';

// Inputs of the conversation state machine: agents' actions, the router's answers, the
// customer's messages and receipts (signals), and timers. A send carries the id the workflow chose.
export type ConversationEvent =
  | Exclude<AgentAction, { type: 'send' | 'wrapUp' }>
  | (Extract<AgentAction, { type: 'send' }> & { messageId: string; segments?: number })
  | (Extract<AgentAction, { type: 'wrapUp' }> & { auto?: boolean })
  | { type: 'inbound'; message: InboundMessage }
  | { type: 'assigned'; agentId: string }
  | { type: 'offerTimeout'; seq: number }
  | {
      type: 'delivery';
      messageId: string;
      status: 'SUBMITTED' | 'DELIVERED' | 'FAILED';
      carrierIds?: string[];
      segments?: number;
      detail?: string;
    }
  | { type: 'autoWrapUpTimeout'; agentId: string }
  | { type: 'agentLoggedOut'; agentId: string };

export type TimerName = 'offer' | `wrapup:${string}`;

// What the interpreter must do after a transition; the rules never do I/O themselves. Timers are
// not commands: the workflow derives them from the state after every transition (wanted-timers.ts).
export type ConversationCommand =
  | { type: 'route'; queueId: string; priorityAt: string }
  | { type: 'accepted'; agentId: string }
  | { type: 'release'; agentId: string; rona?: boolean; reason?: string }
  | { type: 'sendSms'; messageId: string }
  | { type: 'threadEnded' }
  | { type: 'redirectInbound'; message: InboundMessage }
  | { type: 'conversationEvent'; kind: ConversationEventKind; messageId?: string }
  | { type: 'agentEvent'; agentId: string; kind: AgentEventKind }
  | { type: 'close' };

export interface Transition {
  state: ConversationState;
  commands: ConversationCommand[];
  /** The result an Update returns (the message sent, for `send`). */
  message?: Message;
}

/** A mutable working copy plus the commands collected while applying one event. */
export class Draft {
  readonly commands: ConversationCommand[] = [];
  message?: Message;
  constructor(
    readonly s: ConversationState,
    readonly now: string,
    readonly settings: ConversationSettings,
  ) {}

  emit(command: ConversationCommand): void {
    this.commands.push(command);
  }

  agentName(agentId: string): string {
    return this.settings.agents.find((a) => a.id === agentId)?.name ?? agentId;
  }

  queueName(queueId: string): string {
    return this.settings.queues.find((q) => q.id === queueId)?.name ?? queueId;
  }

  ronaSeconds(): number {
    return this.settings.queues.find((q) => q.id === this.s.queueId)?.ronaTimeoutSeconds ?? 30;
  }

  setStatus(status: ConversationState['status']): void {
    if (this.s.status === status) return;
    this.s.status = status;
    this.emit({ type: 'conversationEvent', kind: 'STATUS_CHANGED' });
    this.touchAgents();
  }

  /** Every agent with a stake in the conversation hears about a change to it. */
  touchAgents(): void {
    const ids = new Set<string>();
    if (this.s.ownerId) ids.add(this.s.ownerId);
    for (const p of this.s.participants) if (!p.leftAt) ids.add(p.agentId);
    for (const id of this.s.wrapUpOwedBy) ids.add(id);
    for (const agentId of ids) {
      if (
        !this.commands.some(
          (c) => c.type === 'agentEvent' && c.agentId === agentId && c.kind === 'CONVERSATION_UPDATED',
        )
      ) {
        this.emit({ type: 'agentEvent', agentId, kind: 'CONVERSATION_UPDATED' });
      }
    }
  }

  system(text: string): void {
    const message: Message = {
      id: `${this.s.id}:sys:${this.s.messages.length}`,
      direction: 'SYSTEM',
      text,
      at: this.now,
    };
    this.s.messages.push(message);
    this.emit({ type: 'conversationEvent', kind: 'MESSAGE_ADDED', messageId: message.id });
  }

  offer(agentId: string, kind: OfferKind, receivedAt: string, fromAgentId?: string): void {
    const seq = this.s.offerSeq + 1;
    const expiresAt = addSeconds(this.now, this.ronaSeconds());
    this.s.offerSeq = seq;
    this.s.offer = {
      agentId,
      kind,
      receivedAt,
      offeredAt: this.now,
      expiresAt,
      seq,
      ...(fromAgentId ? { fromAgentId } : {}),
    };
    this.emit({ type: 'agentEvent', agentId, kind: 'OFFERED' });
  }

  withdrawOffer(): void {
    const offer = this.s.offer;
    if (!offer) return;
    delete this.s.offer;
    this.emit({ type: 'agentEvent', agentId: offer.agentId, kind: 'OFFER_WITHDRAWN' });
  }
}

export function addSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}

export function fail(code: RuleError['code'], message: string, field?: string): never {
  throw new RuleError(code, message, field);
}
