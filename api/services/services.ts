import type { Client } from '@temporalio/client';
import { Redis } from 'ioredis';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { redactText } from '../../config/redact.js';
import { MemoryLoginLimiter, type LoginLimiter, type LoginPolicy } from '../auth/login-limiter.js';
import { PasswordChecker } from '../auth/passwords.js';
import { RedisLoginLimiter } from '../auth/redis-login-limiter.js';
import { MemoryRevocations, RedisRevocations, type Revocations } from '../auth/revocations.js';
import { TokenService } from '../auth/tokens.js';
import type { CustomerPhone } from '../../workflows/contract/customer-phone.js';
import { ConversationList } from './conversation-list.js';
import { ConversationService } from './conversation-service.js';
import { Directory } from './directory.js';
import { RouterService } from './router-service.js';
import { SubscriptionSlots } from './subscription-slots.js';

/** Everything resolvers call; built once per API process. */
export interface Services {
  config: SwitchboardConfig;
  directory: Directory;
  router: RouterService;
  conversations: ConversationService;
  list: ConversationList;
  tokens: TokenService;
  passwords: PasswordChecker;
  loginLimiter: LoginLimiter;
  revocations: Revocations;
  subscriptions: SubscriptionSlots;
  bus: EventBus;
  phone?: CustomerPhone;
  /** Connected (Redis subscriptions made); then close() to let go. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface ServiceDeps {
  config: SwitchboardConfig;
  client: Client;
  bus: EventBus;
  phone?: CustomerPhone;
  loginLimits?: Partial<LoginPolicy>;
}

export function createServices({ config, client, bus, phone, loginLimits }: ServiceDeps): Services {
  const policy = { ...config.auth.login, ...loginLimits };
  const instance = config.temporal.instance;
  let redis: Redis | undefined;
  let revocations: Revocations;
  let loginLimiter: LoginLimiter;
  if (config.redis) {
    // One line per distinct failure, scrubbed (the URL may hold a password), not one per retry.
    const said = new Set<string>();
    const onError = (error: Error) => {
      const line = redactText(error.message);
      if (said.size < 100 && !said.has(line)) console.warn('[api] redis:', said.add(line) && line);
    };
    redis = new Redis(config.redis.url, { maxRetriesPerRequest: 3 }).on('error', onError);
    revocations = new RedisRevocations(redis, new Redis(config.redis.url).on('error', onError), instance);
    loginLimiter = new RedisLoginLimiter(redis, instance, policy);
  } else {
    revocations = new MemoryRevocations();
    loginLimiter = new MemoryLoginLimiter(policy);
  }
  return {
    config,
    directory: new Directory(config),
    router: new RouterService(client, config),
    conversations: new ConversationService(client, config),
    list: new ConversationList(client, config),
    tokens: new TokenService(config, revocations),
    passwords: new PasswordChecker(config.agents),
    loginLimiter,
    revocations,
    subscriptions: new SubscriptionSlots(config.api.maxSubscriptionsPerCaller),
    bus,
    ...(phone ? { phone } : {}),
    ready: revocations instanceof RedisRevocations ? revocations.ready : Promise.resolve(),
    async close() {
      await loginLimiter.close();
      await revocations.close();
      redis?.disconnect();
    },
  };
}
