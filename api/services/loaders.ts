import type { AgentView, ConversationState, QueueView } from '../../workflows/domain/types.js';
import type { Services } from './services.js';

// Reads shared by the fields of one result: one router query for every Agent in a response, one
// state query per conversation. A subscription's context lives as long as its stream, so entries
// are kept only briefly (the router view) or only while in flight (conversation state).

function coalesce<T>(load: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (cached && now - cached.at <= ttlMs) return cached.value;
    const value = load();
    const entry = { at: now, value };
    cached = entry;
    const forget = () => {
      if (ttlMs === 0 && cached === entry) cached = undefined;
    };
    value.then(forget, () => {
      if (cached === entry) cached = undefined; // never keep a failure
    });
    return value;
  };
}

export interface Loaders {
  agents(): Promise<AgentView[]>;
  agent(id: string): Promise<AgentView | undefined>;
  queues(): Promise<QueueView[]>;
  state(id: string): Promise<ConversationState | undefined>;
  /** Earlier conversations of the same customer; one read per conversation however often it is asked. */
  history(state: ConversationState): Promise<ConversationState[]>;
}

export function createLoaders(services: Services): Loaders {
  const agents = coalesce(() => services.router.agents(), 250);
  const queues = coalesce(() => services.router.queues(), 250);
  const states = new Map<string, () => Promise<ConversationState | undefined>>();
  const histories = new Map<string, Promise<ConversationState[]>>();
  return {
    agents,
    queues,
    async agent(id) {
      return (await agents()).find((a) => a.id === id);
    },
    state(id) {
      let load = states.get(id);
      if (!load) {
        load = coalesce(() => services.conversations.state(id), 0);
        if (states.size > 1000) states.clear();
        states.set(id, load);
      }
      return load();
    },
    history(state) {
      let h = histories.get(state.id);
      if (!h) {
        h = services.conversations.earlier(state);
        if (histories.size > 100) histories.clear();
        histories.set(state.id, h);
        h.catch(() => histories.delete(state.id));
      }
      return h;
    },
  };
}
