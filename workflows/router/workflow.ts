import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CoreActivities } from '../contract/activities.js';
import type { AgentEventPayload } from '../contract/events.js';
import {
  agentLoggedOutSignal,
  agentsQuery,
  assignedSignal,
  queuesQuery,
  reserveResultSignal,
  routerSignal,
  setStatusUpdate,
  syncDirectorySignal,
} from '../contract/definitions.js';
import { rethrowAsFailure } from '../runtime/failures.js';
import { Outbox } from '../runtime/outbox.js';
import { signalOther } from '../runtime/signals.js';
import {
  agentView,
  checkSetStatus,
  emptyRouter,
  queueViews,
  reduce,
  type RouterCommand,
  type RouterEvent,
  type RouterState,
} from './rules.js';

const { publishEvents } = proxyLocalActivities<CoreActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 3, initialInterval: '100 ms' },
});

export interface RouterInput {
  state?: RouterState;
  /** History length that triggers continue-as-new (tests set it low to exercise the hand-over). */
  maxHistory?: number;
}

const now = () => new Date(Date.now()).toISOString();
// The router sees every offer: keep its history short so replays after a cache eviction stay cheap.
const MAX_HISTORY = 4000;

/** Presence and queues for one Switchboard instance: a single long-lived entity workflow. */
export async function routerWorkflow(input: RouterInput = {}): Promise<void> {
  let state = input.state ?? emptyRouter();
  const outbox = new Outbox();

  function handle(event: RouterEvent): void {
    const t = reduce(state, event, now());
    state = t.state;
    run(t.commands);
  }

  function run(commands: RouterCommand[]): void {
    const statusEvents: AgentEventPayload[] = [];
    for (const c of commands) {
      if (c.type === 'statusChanged') {
        const a = state.agents[c.agentId];
        if (a) statusEvents.push({ kind: 'STATUS_CHANGED' as const, at: now(), agentId: a.id, agent: agentView(a) });
        continue;
      }
      // Runs that logged agents out before this version left their conversations as they were.
      if (c.type === 'loggedOut' && !patched('logout-hands-back-work')) continue;
      const to = c.conversationId;
      outbox.push(to, async () => {
        try {
          if (c.type === 'assign') await signalOther(to, assignedSignal, { agentId: c.agentId });
          else if (c.type === 'loggedOut') await signalOther(to, agentLoggedOutSignal, { agentId: c.agentId });
          else if (c.type === 'reserved')
            await signalOther(to, reserveResultSignal, { requestId: c.requestId, agentId: c.agentId });
          else await signalOther(to, reserveResultSignal, { requestId: c.requestId, code: c.code, message: c.message });
        } catch (error) {
          // The conversation is gone (closed, or never existed): take the offer's slot back.
          log.warn('conversation unreachable', { conversationId: c.conversationId, error: String(error) });
          if (c.type !== 'reserveFailed')
            handle({ type: 'release', conversationId: c.conversationId, agentId: c.agentId });
        }
      });
    }
    if (statusEvents.length > 0) outbox.push('events', () => publishEvents({ conversation: [], agent: statusEvents }));
  }

  setHandler(routerSignal, (event) => handle(event));
  setHandler(syncDirectorySignal, (directory) => handle({ type: 'sync', directory }));
  setHandler(agentsQuery, () => Object.values(state.agents).map(agentView));
  setHandler(queuesQuery, () => queueViews(state));
  setHandler(
    setStatusUpdate,
    (change) => {
      try {
        handle({ type: 'setStatus', ...change });
      } catch (error) {
        rethrowAsFailure(error);
      }
      return agentView(state.agents[change.agentId]!);
    },
    {
      validator: (change) => {
        try {
          checkSetStatus(state, { type: 'setStatus', ...change });
        } catch (error) {
          rethrowAsFailure(error);
        }
      },
    },
  );

  await condition(
    () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.maxHistory ?? MAX_HISTORY),
  );
  await outbox.drain();
  await condition(allHandlersFinished);
  await continueAsNew<typeof routerWorkflow>({ ...input, state });
}
