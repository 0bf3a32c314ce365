import type { Caller } from './auth/caller.js';
import type { Loaders } from './services/loaders.js';
import type { Services } from './services/services.js';

/** What every resolver gets: who is calling (resolved once per request) and the services. */
export interface ApiContext {
  caller: Caller;
  services: Services;
  /** Request-scoped reads (router view, conversation state), shared by the fields of one result. */
  loaders: Loaders;
  /** The client's address, for the login rate limit. */
  ip: string;
}
