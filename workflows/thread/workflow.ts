import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  conversationEndedSignal,
  customerMessageSignal,
  inboundSignal,
  redirectSignal,
  takeMessageUpdate,
  threadQuery,
  type CustomerMessage,
  type TakenMessage,
} from '../contract/definitions.js';
import { conversationIdFor, instanceOf } from '../contract/ids.js';
import { signalOther } from '../runtime/signals.js';
import { Outbox } from '../runtime/outbox.js';
import { emptyThread, keywordTaken, left, optAfter, remember, started } from './model.js';
import type { Pending, Routing, ThreadState } from './model.js';
import { decideInbound } from './inbound-rules.js';
import { startConversationRun } from './new-conversation.js';

export interface ThreadInput {
  state?: ThreadState;
  /** History length that triggers continue-as-new (tests set it low to exercise the hand-over). */
  maxHistory?: number;
}

const MAX_HISTORY = 2000;

/**
 * One per (business number, customer number), at the pair's boundaries: the gateway's way in when
 * it knows no open conversation (takeMessage, or customerMessage when workers do not answer), and
 * the conversations' way out (ended, redirect). It takes each MO once, hands it to the open
 * conversation, or starts a new one when there is none (a message after End starts a new one).
 */
export async function threadWorkflow(input: ThreadInput = {}): Promise<void> {
  const state = input.state ?? emptyThread();
  const inbox: Pending[] = [];

  setHandler(threadQuery, () => ({
    ...(state.current ? { current: state.current } : {}),
    conversations: state.conversations,
    optedOut: state.optedOut,
    keywords: state.keywords,
  }));
  function take({ message, ...routing }: CustomerMessage, taken?: Pending['taken']): boolean {
    state.routing = routing;
    if (!remember(state, message)) return false;
    inbox.push({ message, ...(taken ? { taken } : {}) });
    return true;
  }
  setHandler(customerMessageSignal, (m) => void take(m));
  // A text already taken answers nothing: the gateway keeps to the boundary for the next one.
  setHandler(takeMessageUpdate, (m) => new Promise<TakenMessage>((resolve) => take(m, resolve) || resolve({})));
  setHandler(conversationEndedSignal, (e) => left(state, e.conversationId, e.optedOut, e.inbound));
  setHandler(redirectSignal, ({ conversationId, message, optedOut }) => {
    left(state, conversationId, optedOut);
    remember(state, message); // it may have come straight to the conversation: a redelivery is not new
    inbox.push({ message });
  });

  /** `record`: born closed for the customer's history, never offered (inbound-rules.ts). */
  async function startConversation(p: Pending, m: Routing, optedOut: boolean, record = false): Promise<string> {
    const instance = instanceOf(workflowInfo().workflowId);
    const id = conversationIdFor(instance, uuid4());
    const threadId = workflowInfo().workflowId;
    await startConversationRun({ instance, threadId, id, first: p.message, routing: m, optedOut, record });
    started(state, id, !record);
    p.taken?.(record ? {} : { conversationId: id });
    return id;
  }

  // Messages whose conversation completed before the signal landed: they open a new one, in order.
  const bounced: Pending[] = [];
  const inFlight = new Outbox();

  /**
   * Forwards without waiting for the signal's round trip, so every message queued while the thread
   * was busy leaves in the same workflow task. Signals from local activities go one after another
   * per conversation (the commands of older runs were applied in order by the server).
   */
  function forward(target: string, p: Pending): void {
    const send = () =>
      signalOther(target, inboundSignal, p.message).then(
        () => p.taken?.({ conversationId: target }),
        () => {
          if (state.current === target) delete state.current;
          bounced.push(p);
        },
      );
    if (patched('signals-from-local-activity')) inFlight.push(target, send);
    else inFlight.spawn(send);
  }

  async function deliver(p: Pending): Promise<void> {
    const message = p.message;
    if (state.current && !patched('thread-forwards-without-waiting')) {
      // Threads live as long as the customer texts: runs from before this version keep waiting
      // for each signal's round trip, as their histories say.
      const target = state.current;
      try {
        await signalOther(target, inboundSignal, message);
        optAfter(state, decideInbound({ ...state, open: true }, message));
        p.taken?.({ conversationId: target });
        return;
      } catch {
        delete state.current; // completed in the meantime: this message opens a new one
      }
    }
    const d = decideInbound({ ...state, open: state.current !== undefined }, message);
    optAfter(state, d);
    if (d.action !== 'deliver' && message.keyword && !patched('thread-inbound-rules')) {
      keywordTaken(state, message); // runs from before: kept on the thread only, as their histories say
      p.taken?.({});
      return;
    }
    // Every message past here came after at least one MO, so the routing is known.
    if (d.action === 'deliver') return forward(state.current!, p);
    // A keyword with nothing open goes on the thread at once (as before), with the conversation
    // that takes it once started: a closed record, or one an agent is offered ("Yes", HELP).
    const entry: { conversationId?: string } | undefined = message.keyword ? keywordTaken(state, message) : undefined;
    const id = await startConversation(p, state.routing!, d.startOptedOut, d.action === 'record');
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
