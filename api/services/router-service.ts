import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { StatusChange } from '../../workflows/contract/definitions.js';
import type { AgentView, QueueView } from '../../workflows/domain/types.js';
import type { Result } from '../../workflows/domain/result.js';
import { Routers } from '../../platform/temporal/routers.js';
import { attempt } from './result.js';

/** Presence and queues: the routers of this instance, one per routing group (queries and one Update). */
export class RouterService {
  private readonly routers: Routers;

  constructor(client: Client, config: SwitchboardConfig) {
    this.routers = new Routers(client, config);
  }

  agents(): Promise<AgentView[]> {
    return this.routers.agents();
  }

  async agent(id: string): Promise<AgentView | undefined> {
    return (await this.agents()).find((a) => a.id === id);
  }

  queues(): Promise<QueueView[]> {
    return this.routers.queues();
  }

  setStatus(change: StatusChange): Promise<Result<AgentView>> {
    return attempt(() => this.routers.setStatus(change));
  }

  /** Readiness: the routers answer a query (Temporal up, a worker polling). */
  async ping(): Promise<void> {
    await this.queues();
  }
}
