import { describe, expect, it } from 'vitest';
import { createLoaders } from '../../../api/services/loaders.js';
import type { Services } from '../../../api/services/services.js';
import type { AgentView, ConversationState } from '../../../workflows/domain/types.js';

// The loaders against a counting stand-in for the services (the reads themselves are Temporal
// queries, covered by the integration tests): what is shared, and for how long.
function fakeServices() {
  const calls = { agents: 0, state: 0, earlier: 0 };
  let failNext = false;
  const agent = (id: string) => ({ id, name: id }) as AgentView;
  const services = {
    router: {
      agents: async () => {
        calls.agents++;
        return [agent('alice'), agent('bob')];
      },
      queues: async () => [],
    },
    conversations: {
      state: async (id: string) => {
        calls.state++;
        if (failNext) {
          failNext = false;
          throw new Error('temporal down');
        }
        return { id } as ConversationState;
      },
      earlier: async () => {
        calls.earlier++;
        return [];
      },
    },
  } as unknown as Services;
  return { services, calls, failNext: () => (failNext = true) };
}

describe('loaders', () => {
  it('one router read for all the agents of a response', async () => {
    const { services, calls } = fakeServices();
    const loaders = createLoaders(services);
    const [a, b, all] = await Promise.all([loaders.agent('alice'), loaders.agent('bob'), loaders.agents()]);
    expect([a?.id, b?.id, all.length]).toEqual(['alice', 'bob', 2]);
    expect(await loaders.agent('carol')).toBeUndefined();
    expect(calls.agents).toBe(1);
  });

  it('one state read per conversation while in flight, a fresh one afterwards', async () => {
    const { services, calls } = fakeServices();
    const loaders = createLoaders(services);
    await Promise.all([loaders.state('c1'), loaders.state('c1'), loaders.state('c2')]);
    expect(calls.state).toBe(2);
    await loaders.state('c1');
    expect(calls.state).toBe(3);
  });

  it('a failed read is not kept', async () => {
    const { services, calls, failNext } = fakeServices();
    const loaders = createLoaders(services);
    failNext();
    await expect(loaders.state('c1')).rejects.toThrow('temporal down');
    expect(await loaders.state('c1')).toEqual({ id: 'c1' });
    expect(calls.state).toBe(2);
  });

  it('history is read once per conversation', async () => {
    const { services, calls } = fakeServices();
    const loaders = createLoaders(services);
    const state = { id: 'c1' } as ConversationState;
    await loaders.history(state);
    await loaders.history({ ...state });
    expect(calls.earlier).toBe(1);
  });
});
