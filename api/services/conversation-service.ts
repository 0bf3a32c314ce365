import { QueryNotRegisteredError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import {
  actUpdate,
  stateQuery,
  threadQuery,
  type ActionResult,
  type AgentAction,
} from '../../workflows/contract/definitions.js';
import type { ConversationState } from '../../workflows/domain/types.js';
import { conversationIdFor } from '../../workflows/contract/ids.js';
import { threadIdFor } from '../../config/identifiers.js';
import { rejected, type Result } from '../../workflows/domain/result.js';
import { attempt } from './result.js';
import { retryRefusedUpdate } from '../../platform/temporal/update-retry.js';
import { involvement } from '../../workflows/domain/roles.js';

/** One conversation: its state (a query, strongly consistent, closed ones too) and its Update. */
export class ConversationService {
  private readonly prefix: string;

  constructor(
    private readonly client: Client,
    private readonly config: SwitchboardConfig,
  ) {
    this.prefix = conversationIdFor(config.temporal.instance, '');
  }

  /**
   * Only this instance's conversation ids reach Temporal: anything else (another deployment, the
   * router, a thread) is "not found" rather than a handle to someone else's workflow.
   */
  isConversationId(id: string): boolean {
    return id.startsWith(this.prefix) && id.length > this.prefix.length && id.length <= 200;
  }

  async state(id: string): Promise<ConversationState | undefined> {
    if (!this.isConversationId(id)) return undefined;
    // A conversation answers queries once its first task has read its settings (a local
    // activity); one listed or signalled a moment after it started may not have yet.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.workflow.getHandle(id).query(stateQuery);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return undefined;
        if (!(error instanceof QueryNotRegisteredError) || attempt >= 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async act(id: string, action: AgentAction): Promise<Result<ActionResult>> {
    if (!this.isConversationId(id)) return rejected('NOT_FOUND', 'No such conversation.', 'conversationId');
    const handle = this.client.workflow.getHandle(id);
    const result = await attempt(() => retryRefusedUpdate(() => handle.executeUpdate(actUpdate, { args: [action] })));
    if (result.ok || result.error.code === 'NOT_ALLOWED') return result;
    // A rejection must not tell an outsider what state someone else's conversation is in.
    const state = await this.state(id);
    if (!state) return rejected('NOT_FOUND', 'No such conversation.', 'conversationId');
    const entering = action.type === 'accept' || action.type === 'acceptConference'; // "no open request" reveals nothing
    if (!entering && !involvement(state, action.agentId))
      return rejected('NOT_ALLOWED', 'This conversation is not yours.', 'conversationId');
    if (result.error.code === 'NOT_FOUND' && result.error.field === 'conversationId') {
      return rejected('INVALID_STATE', `The conversation is ${state.status}.`); // its workflow has completed
    }
    return result;
  }

  /** Earlier conversations of the same customer with the same business number, newest first. */
  async earlier(state: ConversationState, limit = 20): Promise<ConversationState[]> {
    const handle = this.client.workflow.getHandle(threadIdFor(this.config, state.businessNumber, state.customerNumber));
    let ids: string[];
    try {
      ids = (await handle.query(threadQuery)).conversations;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return [];
      throw error;
    }
    const index = ids.indexOf(state.id);
    const before = (index >= 0 ? ids.slice(0, index) : ids.filter((x) => x !== state.id)).reverse().slice(0, limit);
    const states = await Promise.all(before.map((x) => this.state(x)));
    return states.filter((s): s is ConversationState => s !== undefined);
  }
}
