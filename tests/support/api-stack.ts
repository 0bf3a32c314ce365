import type { SwitchboardConfig } from '../../config/schema.js';
import { createApi, type Api, type ApiOptions } from '../../api/create-api.js';
import { deliverySignal, type DeliveryUpdate } from '../../workflows/contract/definitions.js';
import { ApiClient } from './api-client.js';
import { MemoryPhone } from './api-phone.js';
import { WorkflowStack } from './workflow-stack.js';
import type { TestConfigOptions } from '../../harness/test-config.js';

export const INTEGRATOR_KEY = 'test-integrator-key';

/** The integrator key of a stack's configuration (random in a production-style one). */
export function integratorKey(config: SwitchboardConfig): string {
  return config.auth.apiKeys[0]!.key;
}

/** The durable core (worker, router, SMS double) plus the API on an ephemeral port. */
export class ApiStack {
  private constructor(
    readonly core: WorkflowStack,
    readonly config: SwitchboardConfig,
    readonly api: Api,
    readonly url: string,
    readonly phone: MemoryPhone | undefined,
  ) {}

  static async start(
    options: TestConfigOptions & {
      phone?: boolean;
      webRoot?: string;
      loginLimits?: ApiOptions['loginLimits'];
      /** Changes to the API's configuration (e.g. api.trustedProxyHeader). */
      adjust?: (config: SwitchboardConfig) => SwitchboardConfig;
    } = {},
  ): Promise<ApiStack> {
    const core = await WorkflowStack.start(options);
    const base: SwitchboardConfig = {
      ...core.config,
      api: { ...core.config.api, host: '127.0.0.1', port: 0 },
      web: { port: 0 },
    };
    const config = options.adjust ? options.adjust(base) : base;
    // The customer phone is a demo part: a production-style stack has none.
    const phone = options.phone === false || !config.demo ? undefined : new MemoryPhone(core.client, config, core.bus);
    const api = createApi({
      config,
      client: core.client,
      bus: core.bus,
      ...(phone ? { phone } : {}),
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
    });
    const { url } = await api.listen();
    return new ApiStack(core, config, api, url, phone);
  }

  /** In-process: Yoga's own fetch, no socket. */
  inProcess(token?: string): ApiClient {
    return new ApiClient((url, init) => Promise.resolve(this.api.yoga.fetch(url, init)), 'http://yoga', token);
  }

  /** Real HTTP on the listening port. */
  http(token?: string): ApiClient {
    return new ApiClient((url, init) => fetch(url, init), this.url, token);
  }

  async login(client: ApiClient, username: string, password = username): Promise<ApiClient> {
    const data = await client.gql(LOGIN, { username, password });
    if (!data.login.token) throw new Error(`login failed: ${JSON.stringify(data.login.userErrors)}`);
    return client.withToken(data.login.token);
  }

  /** What the gateway does with a carrier receipt. */
  delivery(conversationId: string, update: DeliveryUpdate): Promise<void> {
    return this.core.client.workflow.getHandle(conversationId).signal(deliverySignal, update);
  }

  async stop(): Promise<void> {
    this.phone?.close();
    await this.api.close();
    await this.core.stop();
  }
}

export const LOGIN = `mutation($username: String!, $password: String!) {
  login(username: $username, password: $password) { token agent { id name status } userErrors { code message field } }
}`;
