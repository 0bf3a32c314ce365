import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { InboundMessage } from '../domain/types.js';
import {
  conversationEndedSignal,
  customerMessageSignal,
  inboundSignal,
  redirectSignal,
  threadQuery,
} from '../contract/definitions.js';
import { conversationIdFor, instanceOf, routerId } from '../contract/ids.js';
import { SB_BUSINESS, SB_CUSTOMER, SB_INSTANCE, SB_QUEUE, SB_STATUS } from '../contract/search-attributes.js';
import { conversationWorkflow } from '../conversation/workflow.js';
import { emptyThread, remember, started, type Routing, type ThreadState } from './model.js';

export interface ThreadInput {
  state?: ThreadState;
  /** History length that triggers continue-as-new (tests set it low to exercise the hand-over). */
  maxHistory?: number;
}

const MAX_HISTORY = 2000;

/**
 * One per (business number, customer number): the gateway's signalWithStart target. It takes each
 * MO once, hands it to the open conversation, or starts a new one when there is none (or the last
 * one has ended: a message after End starts a new conversation).
 */
export async function threadWorkflow(input: ThreadInput = {}): Promise<void> {
  const state = input.state ?? emptyThread();
  const inbox: InboundMessage[] = [];

  setHandler(threadQuery, () => ({
    ...(state.current ? { current: state.current } : {}),
    conversations: state.conversations,
    optedOut: state.optedOut,
    keywords: state.keywords,
  }));
  setHandler(customerMessageSignal, ({ message, ...routing }) => {
    state.routing = routing;
    if (remember(state, message)) inbox.push(message);
  });
  setHandler(conversationEndedSignal, ({ conversationId }) => {
    if (state.current === conversationId) delete state.current;
  });
  setHandler(redirectSignal, ({ conversationId, message }) => {
    if (state.current === conversationId) delete state.current;
    inbox.push(message);
  });

  async function startConversation(message: InboundMessage, m: Routing): Promise<void> {
    const instance = instanceOf(workflowInfo().workflowId);
    const id = conversationIdFor(instance, uuid4());
    await startChild(conversationWorkflow, {
      workflowId: id,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: [
        { key: SB_INSTANCE, value: instance },
        { key: SB_STATUS, value: 'QUEUED' },
        { key: SB_QUEUE, value: m.queueId },
        // Hashes instead of the numbers when payloads are encrypted (absent otherwise: as before).
        { key: SB_CUSTOMER, value: m.searchKeys?.customer ?? m.customerNumber },
        { key: SB_BUSINESS, value: m.searchKeys?.business ?? m.businessNumber },
      ],
      args: [
        {
          routerId: routerId(instance),
          conversation: {
            id,
            threadId: workflowInfo().workflowId,
            queueId: m.queueId,
            customerNumber: m.customerNumber,
            businessNumber: m.businessNumber,
            numberType: m.numberType,
            first: message,
            optedOut: state.optedOut,
            ...(m.searchKeys ? { searchKeys: m.searchKeys } : {}),
          },
        },
      ],
    });
    started(state, id);
  }

  // Messages whose conversation completed before the signal landed: they open a new one, in order.
  const bounced: InboundMessage[] = [];
  const inFlight = new Set<Promise<void>>();

  /**
   * Forwards without waiting for the signal's round trip, so every message queued while the thread
   * was busy leaves in one workflow task (order kept: commands of one task are applied in order).
   */
  function forward(target: string, message: InboundMessage): void {
    const sent = getExternalWorkflowHandle(target)
      .signal(inboundSignal, message)
      .catch(() => {
        if (state.current === target) delete state.current;
        bounced.push(message);
      });
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  }

  async function deliver(message: InboundMessage): Promise<void> {
    if (state.current && patched('thread-forwards-without-waiting')) {
      forward(state.current, message);
      return;
    }
    if (state.current) {
      // Threads live as long as the customer texts: runs from before this version keep waiting
      // for each signal's round trip, as their histories say.
      try {
        await getExternalWorkflowHandle(state.current).signal(inboundSignal, message);
        return;
      } catch {
        delete state.current; // completed in the meantime: this message opens a new one
      }
    }
    if (message.keyword) {
      state.keywords.push({ id: message.id, keyword: message.keyword, at: message.receivedAt });
      if (state.keywords.length > 100) state.keywords.shift();
      return;
    }
    // Every message here came after at least one MO, so the routing is known.
    await startConversation(message, state.routing!);
  }

  const wantsNewRun = () =>
    workflowInfo().historyLength > (input.maxHistory ?? MAX_HISTORY) || workflowInfo().continueAsNewSuggested;
  const idle = () => inbox.length === 0 && bounced.length === 0 && inFlight.size === 0;
  for (;;) {
    await condition(() => bounced.length > 0 || inbox.length > 0 || (wantsNewRun() && inFlight.size === 0));
    const next = bounced.shift() ?? inbox.shift();
    if (next) {
      await deliver(next);
      continue;
    }
    await condition(allHandlersFinished);
    if (idle()) break;
  }
  await continueAsNew<typeof threadWorkflow>({ ...input, state });
}
