import { describe, expect, it } from 'vitest';
import {
  groupDirectory,
  groupKeys,
  routerFor,
  routingGroups,
  type RoutingGroups,
} from '../../../workflows/contract/routing-groups.js';
import type { Directory } from '../../../workflows/contract/inputs.js';

const queue = (id: string) => ({ id, name: id, ronaTimeoutSeconds: 30 });
const agent = (id: string, queues: string[]) => ({ id, name: id, queues, capacity: 1 });
const dir = (queues: string[], agents: [string, string[]][]): Directory => ({
  queues: queues.map(queue),
  agents: agents.map(([id, qs]) => agent(id, qs)),
  idleCodeIds: ['lunch'],
});

describe('routing groups', () => {
  it('queues an agent serves together are one group, keyed by its smallest queue id', () => {
    const g = routingGroups(
      dir(
        ['sales', 'support', 'billing', 'vip', 'night'],
        [
          ['alice', ['sales']],
          ['bob', ['support', 'sales']],
          ['carol', ['vip', 'night']],
        ],
      ),
    );
    expect(g.queues).toEqual({ sales: 'sales', support: 'sales', billing: 'billing', vip: 'night', night: 'night' });
    expect(g.agents).toEqual({ alice: 'sales', bob: 'sales', carol: 'night' });
    expect(groupKeys(g)).toEqual(['billing', 'night', 'sales']);
  });

  it('a chain of agents joins groups transitively, whatever the order of the lists', () => {
    const agents: [string, string[]][] = [
      ['a', ['q4', 'q3']],
      ['b', ['q2', 'q1']],
      ['c', ['q3', 'q2']],
      ['d', ['q9']],
    ];
    const one = routingGroups(dir(['q1', 'q2', 'q3', 'q4', 'q9'], agents));
    const other = routingGroups(dir(['q9', 'q4', 'q3', 'q2', 'q1'], [...agents].reverse()));
    expect(one).toEqual(other);
    expect(new Set(Object.values(one.queues))).toEqual(new Set(['q1', 'q9']));
    expect(one.agents).toEqual({ a: 'q1', b: 'q1', c: 'q1', d: 'q9' });
  });

  it('every agent is in exactly one group, the group of each of its queues', () => {
    const d = dir(
      Array.from({ length: 40 }, (_, i) => `q${i}`),
      Array.from({ length: 60 }, (_, i) => [`a${i}`, [`q${(i * 7) % 40}`, `q${(i * 13 + 5) % 40}`]]),
    );
    const g = routingGroups(d);
    for (const a of d.agents) for (const q of a.queues) expect(g.queues[q]).toBe(g.agents[a.id]);
    const parts = groupKeys(g).map((k) => groupDirectory(d, g, k));
    expect(parts.flatMap((p) => p.agents.map((a) => a.id)).sort()).toEqual(d.agents.map((a) => a.id).sort());
    expect(parts.flatMap((p) => p.queues.map((q) => q.id)).sort()).toEqual(d.queues.map((q) => q.id).sort());
    for (const p of parts) expect(p.idleCodeIds).toEqual(['lunch']);
  });

  it('a conversation signals the router of its queue, or of the agent it names', () => {
    const g: RoutingGroups = { queues: { sales: 'sales', vip: 'night' }, agents: { carol: 'night' } };
    expect(routerFor('sb:conv:1', g, { queueId: 'vip' })).toBe('sb:router:night');
    expect(routerFor('sb:conv:1', g, { agentId: 'carol' })).toBe('sb:router:night');
    expect(routerFor('sb:conv:1', g, { queueId: 'sales' })).toBe('sb:router:sales');
  });
});
