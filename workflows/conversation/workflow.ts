import { condition, continueAsNew, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { ConversationSettings, ConversationState } from '../domain/types.js';
import {
  actUpdate,
  agentLoggedOutSignal,
  assignedSignal,
  deliverySignal,
  inboundSignal,
  reserveResultSignal,
  stateQuery,
  type ActionResult,
  type AgentAction,
} from '../contract/definitions.js';
import { rethrowAsFailure } from '../runtime/failures.js';
import { TimerSet } from '../runtime/timers.js';
import { Outbox } from '../runtime/outbox.js';
import {
  checkDirected,
  createConversation,
  decide,
  recordOnly,
  type ConversationEvent,
  type NewConversation,
} from './rules.js';
import type { ConversationCommand } from './model.js';
import { CommandRunner } from './command-runner.js';
import { coreActivities } from './effects.js';
import { wantedTimers } from './wanted-timers.js';
import { DirectedRequests, isDirected } from './directed.js';
import { awaitReceipts, settle } from './wind-down.js';
import { sequence } from './event-seq.js';
import { routerFor, type RouterTarget } from '../contract/routing-groups.js';
import { instanceOf, routerId } from '../contract/ids.js';

export interface ConversationInput {
  conversation: NewConversation;
  /** Only in conversations started before 'router-shards': the single router they keep using. */
  routerId?: string;
  /** Carried across continue-as-new. */
  state?: ConversationState;
  settings?: ConversationSettings;
}

const now = () => new Date(Date.now()).toISOString();

function toEvent(a: AgentAction, messageId: string): ConversationEvent {
  return a.type === 'send' ? { ...a, messageId } : a;
}

export async function conversationWorkflow(input: ConversationInput): Promise<ConversationState> {
  const settings = input.settings ?? (await coreActivities.conversationSettings());
  let state = input.state ?? createConversation(input.conversation);
  const outbox = new Outbox();
  let closed = state.status === 'CLOSED';

  const timers = new TimerSet<ConversationEvent>((event) => apply(event));
  // Started before the groups: the single router, for life. Settings without groups (read from a
  // worker of before, mid-deploy): the single router too, which runs until it is drained.
  const routerOf = (to: RouterTarget) =>
    input.routerId ?? (settings.groups ? routerFor(state.id, settings.groups, to) : routerId(instanceOf(state.id)));
  const runner = new CommandRunner(
    () => state,
    routerOf,
    outbox,
    (event) => apply(event),
  );

  const directed = new DirectedRequests({ state: () => state, routerOf, outbox, apply: (a) => void apply(a), run });

  /** Every change's commands go through here, so each one that publishes is one seq. */
  function run(commands: ConversationCommand[]) {
    const sequenced = sequence(state, commands);
    state = sequenced.state;
    runner.run(sequenced.commands);
  }

  function apply(event: ConversationEvent) {
    const t = decide(state, event, now(), settings);
    state = t.state;
    run(t.commands);
    timers.reconcile(wantedTimers(state));
    if (t.commands.some((c) => c.type === 'close')) closed = true;
    return t;
  }

  setHandler(stateQuery, () => state);
  setHandler(inboundSignal, (message) => void apply({ type: 'inbound', message }));
  setHandler(assignedSignal, ({ agentId }) => void apply({ type: 'assigned', agentId }));
  setHandler(agentLoggedOutSignal, ({ agentId }) => {
    directed.agentLeft(agentId);
    apply({ type: 'agentLoggedOut', agentId });
  });
  setHandler(
    deliverySignal,
    (update) =>
      void apply({ type: 'delivery', ...update, status: update.status === 'PENDING' ? 'SUBMITTED' : update.status }),
  );
  setHandler(reserveResultSignal, (result) => directed.answered(result));

  setHandler(
    actUpdate,
    async (action): Promise<ActionResult> => {
      try {
        if (isDirected(action)) return await directed.request(action);
        const t = apply(toEvent(action, uuid4()));
        return t.message ? { conversation: state, message: t.message } : { conversation: state };
      } catch (error) {
        rethrowAsFailure(error);
      }
    },
    {
      validator: (action) => {
        try {
          if (isDirected(action)) checkDirected(state, action, now(), settings);
          else decide(state, toEvent(action, 'validation'), now(), settings);
        } catch (error) {
          rethrowAsFailure(error);
        }
      },
    },
  );

  if (!input.state) {
    apply({ type: 'inbound', message: input.conversation.first });
    if (input.conversation.recordOnly) {
      // Only new runs take this path (the thread starts these since 'thread-inbound-rules').
      const t = recordOnly(state, now(), settings);
      state = t.state;
      run(t.commands);
      closed = true;
    } else {
      run([
        { type: 'conversationEvent', kind: 'STATUS_CHANGED' },
        { type: 'route', queueId: state.queueId, priorityAt: state.priorityAt },
      ]);
    }
  } else {
    timers.reconcile(wantedTimers(state));
  }
  runner.syncSearchAttributes();

  // Until closed: carry on, continuing as new before the history gets long.
  await condition(
    () => closed || workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > settings.historyLimit,
  );
  if (!closed) {
    await settle(outbox, timers);
    return continueAsNew<typeof conversationWorkflow>({ ...input, state, settings });
  }
  await awaitReceipts(() => state);
  await settle(outbox, timers);
  return state;
}
