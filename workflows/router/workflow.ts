import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  agentsQuery,
  queuesQuery,
  routerBatchSignal,
  routerSignal,
  setStatusUpdate,
  syncDirectorySignal,
  type StatusChange,
} from '../contract/definitions.js';
import { rethrowAsFailure } from '../runtime/failures.js';
import { Outbox } from '../runtime/outbox.js';
import { loadRouter, packRouter, type PackedRouter } from './compact.js';
import { carryIn, type Carried } from './carry.js';
import { handOver, takeStash, type Stashed } from './carry-stash.js';
import { sendCommands } from './commands.js';
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

export interface RouterInput {
  /** What runs before 'router-shards' carried (and a seed at first start): read, never written. */
  state?: RouterState;
  /** What a run carries to the next (compact.ts): the waiting list packed... */
  packed?: PackedRouter;
  /** ...or, above the inline limit, stashed in the previous run's history (carry-stash.ts)... */
  stashed?: Stashed;
  /** ...or, before 'router-carry-in-history', held by a carrier workflow (carry.ts): read, never written. */
  carried?: Carried;
  /** Chunk size of a hand-over (tests set it low to exercise the hand-over). */
  carryBytes?: number;
  /** Up to this the list goes inline (tests set it low to exercise the hand-over). */
  inlineMaxBytes?: number;
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
  let restoring = input.carried !== undefined || input.stashed !== undefined || (input.late?.length ?? 0) > 0;
  const early: RouterEvent[] = [...(input.late ?? [])];
  // From the hand-over on, events belong to the next run: the state is already packed. They still
  // change the state here (never packed again), so `setStatus` and the queries answer as the next
  // run will once it has applied them; their commands are the next run's to send.
  let closing = false;
  const late: RouterEvent[] = [];

  // The run's waiting list is its own (loaded fresh, and packing copies it), so routes insert in
  // place: copying 40,000 entries per route made replaying a few thousand early events, or one
  // activation of many route signals, take seconds, past the isolate's execution timeout (a
  // terminated isolate takes the whole worker down).
  function handle(event: RouterEvent): void {
    if (restoring) return void early.push(event);
    const t = reduce(state, event, now(), { ownsWaiting: true });
    state = t.state;
    if (closing) return void late.push(event);
    run(t.commands);
  }

  const run = (commands: RouterCommand[]) => sendCommands(commands, state, outbox, handle);

  setHandler(routerSignal, (event) => handle(event));
  setHandler(routerBatchSignal, (events) => {
    for (const event of events) handle(event);
  });
  setHandler(syncDirectorySignal, (directory) => handle({ type: 'sync', directory }));
  setHandler(agentsQuery, () => Object.values(state.agents).map(agentView));
  setHandler(queuesQuery, () => (restoring && (input.stashed ?? input.carried)?.views) || queueViews(state));
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
  if (input.stashed) {
    const back = await takeStash(input.packed!, input.stashed);
    state = loadRouter({ packed: back.packed })!;
    early.unshift(...back.late); // they came before this run's input's `late`
  }
  restoring = false;
  for (const event of early.splice(0)) handle(event);

  // The carried chunks are history too: a run does not hand over again just for having them.
  const carriedBytes = (input.stashed ?? input.carried)?.bytes ?? 0;
  const suggested = () =>
    workflowInfo().continueAsNewSuggested && (carriedBytes === 0 || workflowInfo().historySize > 2 * carriedBytes);
  // Nor for the events of reading them back: a run counts its length from there.
  const restored = input.stashed ? workflowInfo().historyLength : 0;
  const long = () => workflowInfo().historyLength - restored > (input.maxHistory ?? MAX_HISTORY);
  await condition(() => suggested() || long());
  await outbox.drain();
  await condition(allHandlersFinished);
  const { maxHistory, carryBytes, inlineMaxBytes } = input;
  closing = true;
  const packed = packRouter(state);
  // An event that came after the drain above is in the packed state: its commands are this run's.
  await outbox.drain();
  const next = await handOver(packed, () => queueViews(state), late, { carryBytes, inlineMaxBytes });
  await continueAsNew<typeof routerWorkflow>({
    ...(maxHistory ? { maxHistory } : {}),
    ...(carryBytes ? { carryBytes } : {}),
    ...(inlineMaxBytes ? { inlineMaxBytes } : {}),
    ...next,
    ...(late.length > 0 ? { late } : {}),
  });
}
