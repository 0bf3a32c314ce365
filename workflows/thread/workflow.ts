import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
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
import { conversationIdFor, instanceOf } from '../contract/ids.js';
import { conversationWorkflow } from '../conversation/workflow.js';
import { emptyThread, keywordTaken, optAfter, remember, started, type Routing, type ThreadState } from './model.js';
import { decideInbound } from './inbound-rules.js';
import { conversationStart } from './new-conversation.js';

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

  /** `record`: born closed for the customer's history, never offered (inbound-rules.ts). */
  async function startConversation(
    message: InboundMessage,
    m: Routing,
    optedOut: boolean,
    record = false,
  ): Promise<string> {
    const instance = instanceOf(workflowInfo().workflowId);
    const id = conversationIdFor(instance, uuid4());
    const threadId = workflowInfo().workflowId;
    await startChild(
      conversationWorkflow,
      conversationStart({ instance, threadId, id, first: message, routing: m, optedOut, record }),
    );
    started(state, id, !record);
    return id;
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
    if (state.current && !patched('thread-forwards-without-waiting')) {
      // Threads live as long as the customer texts: runs from before this version keep waiting
      // for each signal's round trip, as their histories say.
      try {
        await getExternalWorkflowHandle(state.current).signal(inboundSignal, message);
        optAfter(state, decideInbound({ ...state, open: true }, message));
        return;
      } catch {
        delete state.current; // completed in the meantime: this message opens a new one
      }
    }
    const d = decideInbound({ ...state, open: state.current !== undefined }, message);
    optAfter(state, d);
    if (d.action !== 'deliver' && message.keyword && !patched('thread-inbound-rules')) {
      keywordTaken(state, message); // runs from before: kept on the thread only, as their histories say
      return;
    }
    // Every message past here came after at least one MO, so the routing is known.
    if (d.action === 'deliver') return forward(state.current!, message);
    // A keyword with nothing open goes on the thread at once (as before), with the conversation
    // that takes it once started: a closed record, or one an agent is offered ("Yes", HELP).
    const entry: { conversationId?: string } | undefined = message.keyword ? keywordTaken(state, message) : undefined;
    const id = await startConversation(message, state.routing!, d.startOptedOut, d.action === 'record');
    if (entry) entry.conversationId = id;
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
