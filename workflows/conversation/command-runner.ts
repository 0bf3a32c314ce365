import { log, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/common';
import type { ConversationState } from '../domain/types.js';
import { conversationEndedSignal, redirectSignal, routerSignal, type RouterMessage } from '../contract/definitions.js';
import { summarize, type AgentEventPayload, type ConversationEventPayload } from '../contract/events.js';
import { SB_BUSINESS, SB_CUSTOMER, SB_INSTANCE, SB_OWNER, SB_QUEUE, SB_STATUS } from '../contract/search-attributes.js';
import { instanceOf } from '../contract/ids.js';
import type { RouterTarget } from '../contract/routing-groups.js';
import type { Outbox } from '../runtime/outbox.js';
import type { ConversationCommand, ConversationEvent } from './model.js';
import { coreActivities, smsActivities } from './effects.js';
import { signalOther } from '../runtime/signals.js';
import { ended, redirected } from './thread-signals.js';

/** Turns the rules' commands into signals, activities and published events. */
export class CommandRunner {
  private lastAttributes = '';

  constructor(
    private readonly state: () => ConversationState,
    /** The router a signal about this queue or agent goes to (routing-groups.ts `routerFor`). */
    private readonly routerFor: (to: RouterTarget) => string,
    private readonly outbox: Outbox,
    private readonly apply: (event: ConversationEvent) => unknown,
  ) {}

  run(commands: ConversationCommand[]): void {
    const s = this.state();
    const at = new Date(Date.now()).toISOString();
    const conversation: ConversationEventPayload[] = [];
    const agent: AgentEventPayload[] = [];
    const router = (to: RouterTarget, event: RouterMessage) => () =>
      signalOther(this.routerFor(to), routerSignal, event);
    for (const c of commands) {
      switch (c.type) {
        case 'route':
          this.outbox.push(
            'router',
            router(
              { queueId: c.queueId },
              { type: 'route', conversationId: s.id, queueId: c.queueId, priorityAt: c.priorityAt },
            ),
          );
          break;
        case 'accepted':
          this.outbox.push('router', router(c, { type: 'accepted', conversationId: s.id, agentId: c.agentId }));
          break;
        case 'release':
          this.outbox.push(
            'router',
            router(c, {
              type: 'release',
              conversationId: s.id,
              agentId: c.agentId,
              ...(c.rona ? { rona: true } : {}),
              ...(c.reason ? { reason: c.reason } : {}),
            }),
          );
          break;
        case 'sendSms':
          this.outbox.spawn(() => this.sendSms(c.messageId));
          break;
        case 'threadEnded':
          this.outbox.push('thread', () => signalOther(s.threadId, conversationEndedSignal, ended(s)));
          break;
        case 'redirectInbound':
          this.outbox.push('thread', () => signalOther(s.threadId, redirectSignal, redirected(s, c.message)));
          break;
        case 'conversationEvent': {
          const message = c.messageId ? s.messages.find((m) => m.id === c.messageId) : undefined;
          conversation.push({
            kind: c.kind,
            at,
            conversationId: s.id,
            queueId: s.queueId,
            summary: summarize(s),
            ...(message ? { message } : {}),
          });
          break;
        }
        case 'agentEvent':
          agent.push({
            kind: c.kind,
            at,
            agentId: c.agentId,
            conversationId: s.id,
            summary: summarize(s),
            ...(c.kind === 'OFFERED' && s.offer ? { offer: s.offer } : {}),
          });
          break;
        case 'close':
          break; // read by the workflow, which finishes the run
      }
    }
    if (conversation.length > 0 || agent.length > 0) {
      this.outbox.push('events', () => coreActivities.publishEvents({ conversation, agent }));
    }
    this.syncSearchAttributes();
  }

  private async sendSms(messageId: string): Promise<void> {
    const s = this.state();
    const message = s.messages.find((m) => m.id === messageId);
    if (!message) return;
    try {
      const result = await smsActivities(s.ingress?.gateway).sendSms({
        conversationId: s.id,
        messageId,
        text: message.text,
        businessNumber: s.businessNumber,
        numberType: s.numberType,
        customerNumber: s.customerNumber,
        ...(s.ingress ? { ingress: s.ingress } : {}),
      });
      this.apply({
        type: 'delivery',
        messageId,
        status: 'SUBMITTED',
        carrierIds: result.carrierIds,
        segments: result.segments,
      });
    } catch (error) {
      const cause = error instanceof Error && 'cause' in error ? (error.cause as unknown) : undefined;
      const detail =
        cause instanceof ApplicationFailure ? cause.message : error instanceof Error ? error.message : String(error);
      log.warn('SMS not sent', { messageId, detail });
      this.apply({ type: 'delivery', messageId, status: 'FAILED', detail });
    }
  }

  /** Visibility follows the state so `conversations` can list and filter. */
  syncSearchAttributes(): void {
    const s = this.state();
    const attributes = [
      { key: SB_INSTANCE, value: instanceOf(s.id) },
      { key: SB_STATUS, value: s.status },
      { key: SB_QUEUE, value: s.queueId },
      { key: SB_OWNER, value: s.ownerId ?? null },
      { key: SB_CUSTOMER, value: s.searchKeys?.customer ?? s.customerNumber },
      { key: SB_BUSINESS, value: s.searchKeys?.business ?? s.businessNumber },
    ];
    if (!patched('upsert-changed-search-attributes-only')) {
      // Runs started before this version upsert everything on their first change, as they did.
      const key = JSON.stringify(attributes);
      if (key === this.lastAttributes) return;
      this.lastAttributes = key;
      upsertSearchAttributes(attributes);
      return;
    }
    // Only what differs from what the run already carries (set by the parent at start, inherited
    // across continue-as-new): each upsert is a visibility write on the server.
    const current = workflowInfo().typedSearchAttributes;
    const changed = attributes.filter((a) => (current.get(a.key) ?? null) !== a.value);
    if (changed.length > 0) upsertSearchAttributes(changed);
  }
}
