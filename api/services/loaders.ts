import DataLoader from 'dataloader';
import type { AgentView, ConversationState, QueueView } from '../../workflows/domain/types.js';
import type { Services } from './services.js';

// Reads shared by the fields of one result: one router query for every Agent in a response, one
// state query per conversation. A subscription's context lives as long as its stream, so entries
// are kept only briefly (the router view), only while in flight (conversation state) or up to a
// bound (history); a failure is never kept.

const ROUTER_VIEW_MS = 250;
const MAX_HISTORIES = 100;

/** DataLoader's cache with entries that expire `ttlMs` after they were set, and at most `max` of them. */
function cache<K, V>(ttlMs: number, max = Infinity): DataLoader.CacheMap<K, V> {
  const entries = new Map<K, { at: number; value: V }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry && Date.now() - entry.at <= ttlMs) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      if (entries.size >= max) entries.clear();
      entries.set(key, { at: Date.now(), value });
    },
    delete: (key) => entries.delete(key),
    clear: () => entries.clear(),
  };
}

/** A batch function that reads each key on its own; one failing key fails only its own load. */
function each<K, V>(read: (key: K) => Promise<V>): DataLoader.BatchLoadFn<K, V> {
  return (keys) =>
    Promise.all(keys.map((k) => read(k).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
}

/** Loads `key`, and drops it from the cache once settled (`inFlightOnly`) or if it failed. */
function load<K, V, C>(loader: DataLoader<K, V, C>, key: K, inFlightOnly: boolean): Promise<V> {
  const value = loader.load(key);
  void value.then(
    () => inFlightOnly && loader.clear(key),
    () => loader.clear(key),
  );
  return value;
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
  // The router answers with every agent (or queue) at once: one key stands for the whole view.
  const agents = new DataLoader<'all', AgentView[]>(
    each(() => services.router.agents()),
    {
      cacheMap: cache(ROUTER_VIEW_MS),
    },
  );
  const queues = new DataLoader<'all', QueueView[]>(
    each(() => services.router.queues()),
    {
      cacheMap: cache(ROUTER_VIEW_MS),
    },
  );
  const states = new DataLoader<string, ConversationState | undefined>(each((id) => services.conversations.state(id)));
  const histories = new DataLoader<ConversationState, ConversationState[], string>(
    each((s) => services.conversations.earlier(s)),
    { cacheKeyFn: (s) => s.id, cacheMap: cache(Infinity, MAX_HISTORIES) },
  );
  return {
    agents: () => load(agents, 'all', false),
    queues: () => load(queues, 'all', false),
    async agent(id) {
      return (await load(agents, 'all', false)).find((a) => a.id === id);
    },
    state: (id) => load(states, id, true),
    history: (state) => load(histories, state, false),
  };
}
