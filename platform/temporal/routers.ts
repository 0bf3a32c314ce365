import type { Client, WorkflowHandle } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { directory } from '../../config/derive.js';
import {
  agentsQuery,
  queuesQuery,
  setStatusUpdate,
  syncDirectorySignal,
  type StatusChange,
} from '../../workflows/contract/definitions.js';
import { groupRouterId, routerId } from '../../workflows/contract/ids.js';
import {
  groupDirectory,
  groupKeys,
  routingGroups,
  type RoutingGroups,
} from '../../workflows/contract/routing-groups.js';
import type { Directory } from '../../workflows/contract/inputs.js';
import type { AgentView, QueueView } from '../../workflows/domain/types.js';
import { retryRefusedUpdate } from './update-retry.js';

/**
 * The routers of an instance, one per routing group, as one: the API and start-up fan out to every
 * group and merge. Routers that still run but match no group of the directory ("stale": the single
 * router of before, `routerId`, or a group's whose key changed with the configuration) are asked
 * too: conversations started before keep their waiting place and slots there until they end, so
 * their waiting counts in `queues`, and they hear every status change (so they offer only to
 * agents who are Available, and a logout hands back what the agent holds there).
 */
export class Routers {
  readonly groups: RoutingGroups;
  readonly keys: string[];
  private readonly dir: Directory;
  private staleUntil = 0;
  private staleIds: string[] = [];

  constructor(
    private readonly client: Client,
    private readonly config: SwitchboardConfig,
  ) {
    this.dir = directory(config);
    this.groups = routingGroups(this.dir);
    this.keys = groupKeys(this.groups);
  }

  id(key: string): string {
    return groupRouterId(this.config.temporal.instance, key);
  }

  handle(key: string): WorkflowHandle {
    return this.client.workflow.getHandle(this.id(key));
  }

  /** An agent the directory does not know goes to the first group, which refuses it (NOT_FOUND). */
  forAgent(agentId: string): WorkflowHandle {
    return this.handle(this.groups.agents[agentId] ?? this.keys[0]!);
  }

  /** The stale routers (see above), listed at most once a minute. */
  private async stale(): Promise<WorkflowHandle[]> {
    if (Date.now() >= this.staleUntil) {
      const current = new Set(this.keys.map((k) => this.id(k)));
      const prefix = routerId(this.config.temporal.instance);
      const query = `WorkflowType = 'routerWorkflow' AND WorkflowId STARTS_WITH '${prefix}' AND ExecutionStatus = 'Running'`;
      const ids = new Set<string>();
      for await (const w of this.client.workflow.list({ query })) if (!current.has(w.workflowId)) ids.add(w.workflowId);
      this.staleIds = [...ids].sort();
      this.staleUntil = Date.now() + 60_000;
    }
    return this.staleIds.map((id) => this.client.workflow.getHandle(id));
  }

  async agents(): Promise<AgentView[]> {
    const views = (await Promise.all(this.keys.map((k) => this.handle(k).query(agentsQuery)))).flat();
    const order = new Map(this.dir.agents.map((a, i) => [a.id, i]));
    return views.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  }

  /** Each queue from its group's router, plus what still waits for it in stale routers. */
  async queues(): Promise<QueueView[]> {
    const [groups, stale] = await Promise.all([
      Promise.all(this.keys.map((k) => this.handle(k).query(queuesQuery))),
      this.stale().then((old) => Promise.all(old.map((h) => h.query(queuesQuery).catch(() => [])))),
    ]);
    const byId = new Map(groups.flat().map((q) => [q.id, { ...q }]));
    for (const q of stale.flat()) {
      const view = byId.get(q.id);
      if (view) view.waiting += q.waiting;
    }
    return this.dir.queues.flatMap((q) => byId.get(q.id) ?? []);
  }

  /** The agent's group router decides and answers; stale routers hear the same change. */
  async setStatus(change: StatusChange): Promise<AgentView> {
    const router = this.forAgent(change.agentId);
    const view = await retryRefusedUpdate(() => router.executeUpdate(setStatusUpdate, { args: [change] }));
    // Best effort: the group router's answer stands; a stale one refusing (it ended, it never knew
    // the agent, or no longer knows an idle code) changes nothing the agent sees.
    const stale = await this.stale();
    await Promise.all(stale.map((h) => h.executeUpdate(setStatusUpdate, { args: [change] }).catch(() => undefined)));
    return view;
  }

  /**
   * Starts every group's router that is not running and hands each its part of the directory. A
   * router started while stale ones run takes its agents' presence from them (the latest change
   * of each agent), so nobody shows as logged out because the routing changed. The router of
   * before keeps getting the whole directory.
   */
  async ensure(maxHistory: number, tuning: { carryBytes?: number; inlineMaxBytes?: number } = {}): Promise<void> {
    const stale = await this.stale();
    const presence = (await Promise.all(stale.map((h) => h.query(agentsQuery).catch(() => [])))).flat();
    await Promise.all(
      this.keys.map((key) => {
        const part = groupDirectory(this.dir, this.groups, key);
        return this.client.workflow.signalWithStart('routerWorkflow', {
          workflowId: this.id(key),
          taskQueue: this.config.temporal.taskQueue,
          args: [{ maxHistory, ...tuning, ...(presence.length ? { state: seed(part, presence) } : {}) }],
          signal: syncDirectorySignal,
          signalArgs: [part],
        });
      }),
    );
    const legacy = stale.find((h) => h.workflowId === routerId(this.config.temporal.instance));
    if (legacy) await legacy.signal(syncDirectorySignal, this.dir);
  }
}

/** A new group router's first state: its agents as stale routers last saw them, no slots. */
function seed(part: Directory, presence: AgentView[]) {
  const seen = new Map<string, AgentView>();
  for (const a of presence) {
    const known = seen.get(a.id);
    if (!known || known.statusChangedAt < a.statusChangedAt) seen.set(a.id, a);
  }
  const agents = Object.fromEntries(
    part.agents.flatMap((info) => {
      const a = seen.get(info.id);
      if (!a) return [];
      const extra = {
        ...(a.idleCodeId ? { idleCodeId: a.idleCodeId } : {}),
        ...(a.statusReason ? { statusReason: a.statusReason } : {}),
      };
      const at = a.statusChangedAt;
      return [[info.id, { ...info, status: a.status, statusChangedAt: at, idleSince: at, slots: {}, ...extra }]];
    }),
  );
  return { agents, queues: part.queues, idleCodeIds: part.idleCodeIds, waiting: [], seq: 0 };
}
