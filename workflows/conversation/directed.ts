import { condition, uuid4 } from '@temporalio/workflow';
import type { ConversationState } from '../domain/types.js';
import { routerSignal, type ActionResult, type AgentAction, type ReserveResult } from '../contract/definitions.js';
import { RuleError } from '../domain/errors.js';
import type { Outbox } from '../runtime/outbox.js';
import { signalOther } from '../runtime/signals.js';
import type { RouterTarget } from '../contract/routing-groups.js';
import type { ConversationCommand } from './model.js';

export type DirectedAction = Extract<AgentAction, { type: 'transferToAgent' | 'requestConference' }>;

export const isDirected = (a: AgentAction): a is DirectedAction =>
  a.type === 'transferToAgent' || a.type === 'requestConference';

/** What a directed request needs of the conversation's workflow. */
export interface DirectedHost {
  state(): ConversationState;
  routerOf(to: RouterTarget): string;
  outbox: Outbox;
  apply(action: DirectedAction): void;
  run(commands: ConversationCommand[]): void;
}

/**
 * Transfer to an agent and Conference first ask the target's router to reserve a slot, and go
 * ahead only with it: the router answers on `reserveResult`, matched by request id.
 */
export class DirectedRequests {
  private readonly results = new Map<string, ReserveResult>();

  constructor(private readonly host: DirectedHost) {}

  answered(result: ReserveResult): void {
    this.results.set(result.requestId, result);
  }

  /**
   * A reservation for this agent not yet used is void: its slot is freed by the logout rules, and
   * nobody is offered to an agent who left.
   */
  agentLeft(agentId: string): void {
    for (const [requestId, result] of this.results) {
      if (result.agentId === agentId)
        this.results.set(requestId, { requestId, code: 'NOT_AVAILABLE', message: 'The agent has logged out.' });
    }
  }

  async request(action: DirectedAction): Promise<ActionResult> {
    const { host } = this;
    const requestId = uuid4();
    const conversationId = host.state().id;
    // On the router lane: a release this conversation sent earlier (a wrap-up, say) lands first.
    await host.outbox.pushAndWait('router', () =>
      signalOther(host.routerOf({ agentId: action.targetId }), routerSignal, {
        type: 'reserve',
        conversationId,
        agentId: action.targetId,
        requestId,
      }),
    );
    const answered = await condition(() => this.results.has(requestId), '30 seconds');
    const result = this.results.get(requestId);
    this.results.delete(requestId);
    if (!answered || !result?.agentId) {
      throw new RuleError(
        result?.code ?? 'NOT_AVAILABLE',
        result?.message ?? 'The agent could not be reached.',
        'agentId',
      );
    }
    try {
      host.apply(action);
      return { conversation: host.state() };
    } catch (error) {
      // The conversation moved on while we waited: give the reserved slot back.
      host.run([{ type: 'release', agentId: result.agentId }]);
      throw error;
    }
  }
}
