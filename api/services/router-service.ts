import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { agentsQuery, queuesQuery, setStatusUpdate, type StatusChange } from '../../workflows/contract/definitions.js';
import type { AgentView, QueueView } from '../../workflows/domain/types.js';
import { routerId } from '../../workflows/contract/ids.js';
import type { Result } from '../../workflows/domain/result.js';
import { attempt } from './result.js';

/** Presence and queues: the router workflow of this instance (queries and one Update). */
export class RouterService {
  constructor(
    private readonly client: Client,
    private readonly config: SwitchboardConfig,
  ) {}

  private handle() {
    return this.client.workflow.getHandle(routerId(this.config.temporal.instance));
  }

  agents(): Promise<AgentView[]> {
    return this.handle().query(agentsQuery);
  }

  async agent(id: string): Promise<AgentView | undefined> {
    return (await this.agents()).find((a) => a.id === id);
  }

  queues(): Promise<QueueView[]> {
    return this.handle().query(queuesQuery);
  }

  setStatus(change: StatusChange): Promise<Result<AgentView>> {
    return attempt(() => this.handle().executeUpdate(setStatusUpdate, { args: [change] }));
  }

  /** Readiness: the router answers a query (Temporal up, a worker polling). */
  async ping(): Promise<void> {
    await this.queues();
  }
}
