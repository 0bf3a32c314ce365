import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
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

/**
 * The routers of an instance, one per routing group, as one: the API and start-up fan out to every
 * group and merge. The single router of before (`routerId`) is asked too while it still runs:
 * conversations started before the groups keep their waiting place and slots there until they end.
 */
export class Routers {
  readonly groups: RoutingGroups;
  readonly keys: string[];
  private readonly dir: Directory;
  private legacyUntil = 0;
  private legacyRunning = false;

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

  private legacy(): WorkflowHandle {
    return this.client.workflow.getHandle(routerId(this.config.temporal.instance));
  }

  /** Whether the router of before still runs, checked at most once a minute. */
  private async hasLegacy(): Promise<boolean> {
    if (Date.now() < this.legacyUntil) return this.legacyRunning;
    try {
      this.legacyRunning = (await this.legacy().describe()).status.name === 'RUNNING';
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.legacyRunning = false;
    }
    this.legacyUntil = Date.now() + 60_000;
    return this.legacyRunning;
  }

  async agents(): Promise<AgentView[]> {
    const views = (await Promise.all(this.keys.map((k) => this.handle(k).query(agentsQuery)))).flat();
    const order = new Map(this.dir.agents.map((a, i) => [a.id, i]));
    return views.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  }

  /** Each queue from its group's router, plus what still waits in the router of before. */
  async queues(): Promise<QueueView[]> {
    const [groups, legacy] = await Promise.all([
      Promise.all(this.keys.map((k) => this.handle(k).query(queuesQuery))),
      this.hasLegacy().then((running) => (running ? this.legacy().query(queuesQuery) : [])),
    ]);
    const byId = new Map(groups.flat().map((q) => [q.id, { ...q }]));
    for (const q of legacy) {
      const view = byId.get(q.id);
      if (view) view.waiting += q.waiting;
    }
    return this.dir.queues.flatMap((q) => byId.get(q.id) ?? []);
  }

  /**
   * The agent's group router decides and answers. The router of before hears the same change, so
   * it offers what still waits there only to agents who are Available, and a logout there hands
   * back the agent's older conversations too.
   */
  async setStatus(change: StatusChange): Promise<AgentView> {
    const view = await this.forAgent(change.agentId).executeUpdate(setStatusUpdate, { args: [change] });
    if (await this.hasLegacy()) {
      // Best effort: the group router's answer stands; the old one refusing (it finished, or no
      // longer knows an idle code) changes nothing the agent sees.
      await this.legacy()
        .executeUpdate(setStatusUpdate, { args: [change] })
        .catch(() => undefined);
    }
    return view;
  }

  /**
   * Starts every group's router that is not running and hands each its part of the directory. A
   * router started while the router of before runs takes its agents' presence from it, so nobody
   * shows as logged out because the routing changed.
   */
  async ensure(maxHistory: number): Promise<void> {
    const presence = (await this.hasLegacy()) ? await this.legacy().query(agentsQuery) : [];
    await Promise.all(
      this.keys.map((key) => {
        const part = groupDirectory(this.dir, this.groups, key);
        return this.client.workflow.signalWithStart('routerWorkflow', {
          workflowId: this.id(key),
          taskQueue: this.config.temporal.taskQueue,
          args: [{ maxHistory, ...(presence.length ? { state: seed(part, presence) } : {}) }],
          signal: syncDirectorySignal,
          signalArgs: [part],
        });
      }),
    );
    if (presence.length) await this.legacy().signal(syncDirectorySignal, this.dir);
  }
}

/** A new group router's first state: its agents as the router of before last saw them, no slots. */
function seed(part: Directory, presence: AgentView[]) {
  const seen = new Map(presence.map((a) => [a.id, a]));
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
