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
  routerBatchSignal,
  routerSignal,
  setStatusUpdate,
  syncDirectorySignal,
  type StatusChange,
} from '../contract/definitions.js';
import { rethrowAsFailure } from '../runtime/failures.js';
import { loadRouter, packRouter, type PackedRouter } from './compact.js';
import { carryIn, carryOut, type Carried } from './carry.js';
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
  /** What runs before 'router-shards' carried (and a seed at first start): read, never written. */
  state?: RouterState;
  /** What a run carries to the next (compact.ts): the waiting list packed... */
  packed?: PackedRouter;
  /** ...or, when it is bigger than one chunk, held by a carrier workflow (carry.ts). */
  carried?: Carried;
  /** Chunk size for the carrier (tests set it low to exercise the hand-over). */
  carryBytes?: number;
  /** History length that triggers continue-as-new (tests set it low to exercise the hand-over). */
  maxHistory?: number;
  /** Events that came in while the previous run was handing its list over: applied first. */
  late?: RouterEvent[];
}

const now = () => new Date(Date.now()).toISOString();
// The router sees every offer: keep its history short so replays after a cache eviction stay cheap.
const MAX_HISTORY = 4000;

/**
 * Presence and queues for one routing group (routing-groups.ts) of an instance: a long-lived entity
 * workflow, `groupRouterId`. The single router of before (`routerId`) runs the same code.
 */
export async function routerWorkflow(input: RouterInput = {}): Promise<void> {
  let state = loadRouter(input) ?? emptyRouter();
  const outbox = new Outbox();
  // Until a carried waiting list is back, events wait their turn (oldest first needs the whole list).
  let restoring = input.carried !== undefined || (input.late?.length ?? 0) > 0;
  const early: RouterEvent[] = [...(input.late ?? [])];
  // From the hand-over on, events belong to the next run: the state is already packed.
  let closing = false;
  const late: RouterEvent[] = [];

  function handle(event: RouterEvent, ownsWaiting = false): void {
    if (closing) return void late.push(event);
    if (restoring) return void early.push(event);
    const t = reduce(state, event, now(), { ownsWaiting });
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
  setHandler(routerBatchSignal, (events) => {
    // One copy of the list for the whole batch, which its routes then insert into in place.
    if (!restoring) state = { ...state, waiting: state.waiting.slice() };
    for (const event of events) handle(event, true);
  });
  setHandler(syncDirectorySignal, (directory) => handle({ type: 'sync', directory }));
  setHandler(agentsQuery, () => Object.values(state.agents).map(agentView));
  setHandler(queuesQuery, () => (restoring && input.carried?.views) || queueViews(state));
  const setStatus = (change: StatusChange) => {
    try {
      handle({ type: 'setStatus', ...change });
    } catch (error) {
      rethrowAsFailure(error);
    }
    return agentView(state.agents[change.agentId]!);
  };
  setHandler(
    setStatusUpdate,
    (change) => (restoring ? condition(() => !restoring).then(() => setStatus(change)) : setStatus(change)),
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

  if (input.carried) state = loadRouter({ packed: await carryIn(input.packed!, input.carried) })!;
  restoring = false;
  for (const event of early.splice(0)) handle(event);

  // The carried chunks are history too: a run does not hand over again just for having them.
  const carriedBytes = input.carried?.bytes ?? 0;
  const suggested = () =>
    workflowInfo().continueAsNewSuggested && (carriedBytes === 0 || workflowInfo().historySize > 2 * carriedBytes);
  await condition(() => suggested() || workflowInfo().historyLength > (input.maxHistory ?? MAX_HISTORY));
  await outbox.drain();
  await condition(allHandlersFinished);
  const { maxHistory, carryBytes } = input;
  closing = true;
  const next = await carryOut(packRouter(state), queueViews(state), carryBytes);
  await continueAsNew<typeof routerWorkflow>({
    ...(maxHistory ? { maxHistory } : {}),
    ...(carryBytes ? { carryBytes } : {}),
    ...next,
    ...(late.length > 0 ? { late } : {}),
  });
}
