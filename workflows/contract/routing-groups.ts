import type { Directory } from './inputs.js';
import { groupRouterId, instanceOf } from './ids.js';

/**
 * Routing groups: the connected sets of queues and the agents that serve them (two queues are in
 * one group when some agent serves both). Each group has its own router workflow, and every agent
 * is in exactly one group, so all of an agent's offers, slots and presence live in one router and
 * no router ever needs to ask another. Pure and deterministic: the same directory gives the same
 * groups whatever the order of its lists.
 */
export interface RoutingGroups {
  /** queueId -> group key (the smallest queue id of the group). */
  queues: Record<string, string>;
  /** agentId -> group key; an agent of no queue gets the group `NO_QUEUE_GROUP`. */
  agents: Record<string, string>;
}

/** Agents with no queue still have presence and can be transfer or conference targets. */
export const NO_QUEUE_GROUP = '-';

export function routingGroups(dir: Pick<Directory, 'queues' | 'agents'>): RoutingGroups {
  const parent = new Map<string, string>();
  const find = (q: string): string => {
    let root = q;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps this linear in practice on directories of thousands of queues.
    for (let x = q; x !== root;) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const q of dir.queues) parent.set(q.id, q.id);
  for (const a of dir.agents) for (const q of a.queues) if (!parent.has(q)) parent.set(q, q); // unknown queues are the config check's to refuse
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    // The smaller id becomes the root, so a root is its component's smallest queue id: the key.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };
  for (const a of dir.agents) for (const q of a.queues.slice(1)) union(a.queues[0]!, q);
  const queues: Record<string, string> = {};
  for (const q of parent.keys()) queues[q] = find(q);
  const agents: Record<string, string> = {};
  for (const a of dir.agents) agents[a.id] = a.queues[0] === undefined ? NO_QUEUE_GROUP : queues[a.queues[0]]!;
  return { queues, agents };
}

/** The part of the directory one group's router serves: its queues and agents, every idle code. */
export function groupDirectory(dir: Directory, groups: RoutingGroups, key: string): Directory {
  return {
    queues: dir.queues.filter((q) => groups.queues[q.id] === key),
    agents: dir.agents.filter((a) => groups.agents[a.id] === key),
    idleCodeIds: dir.idleCodeIds,
  };
}

/** Every group key, each once, sorted (the order routers are started and asked in). */
export function groupKeys(groups: RoutingGroups): string[] {
  return [...new Set([...Object.values(groups.queues), ...Object.values(groups.agents)])].sort();
}

/** Who a conversation signals: the group of the queue it routes to, or of the agent it names. */
export type RouterTarget = { queueId: string } | { agentId: string };

export function routerFor(conversationId: string, groups: RoutingGroups, to: RouterTarget): string {
  // A name the groups do not know (a queue or agent added since the conversation started) keeps
  // its own key: that router does not exist, so the signal fails as a missing router, loudly.
  const key =
    'queueId' in to ? (groups.queues[to.queueId] ?? to.queueId) : (groups.agents[to.agentId] ?? NO_QUEUE_GROUP);
  return groupRouterId(instanceOf(conversationId), key);
}
