import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { EventBus } from '../../worker/events/bus.js';
import { LoginRateLimiter, type RateLimitOptions } from '../auth/rate-limit.js';
import { TokenService } from '../auth/tokens.js';
import type { CustomerPhone } from '../phone/customer-phone.js';
import { ConversationList } from './conversation-list.js';
import { ConversationService } from './conversation-service.js';
import { Directory } from './directory.js';
import { RouterService } from './router-service.js';

/** Everything resolvers call; built once per API process. */
export interface Services {
  config: SwitchboardConfig;
  directory: Directory;
  router: RouterService;
  conversations: ConversationService;
  list: ConversationList;
  tokens: TokenService;
  loginLimiter: LoginRateLimiter;
  bus: EventBus;
  phone?: CustomerPhone;
}

export interface ServiceDeps {
  config: SwitchboardConfig;
  client: Client;
  bus: EventBus;
  phone?: CustomerPhone;
  loginLimits?: RateLimitOptions;
}

export function createServices({ config, client, bus, phone, loginLimits }: ServiceDeps): Services {
  return {
    config,
    directory: new Directory(config),
    router: new RouterService(client, config),
    conversations: new ConversationService(client, config),
    list: new ConversationList(client, config),
    tokens: new TokenService(config),
    loginLimiter: new LoginRateLimiter(loginLimits),
    bus,
    ...(phone ? { phone } : {}),
  };
}
