import { log, patched, proxyLocalActivities } from '@temporalio/workflow';
import type { CoreActivities } from '../contract/activities.js';
import type { AgentEventPayload } from '../contract/events.js';
import { agentLoggedOutSignal, assignedSignal, reserveResultSignal } from '../contract/definitions.js';
import type { Outbox } from '../runtime/outbox.js';
import { signalOther } from '../runtime/signals.js';
import { agentView, type RouterCommand, type RouterEvent, type RouterState } from './rules.js';

const { publishEvents } = proxyLocalActivities<CoreActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 3, initialInterval: '100 ms' },
});

const now = () => new Date(Date.now()).toISOString();

/**
 * The router's commands, sent from its outbox: offers and reserve answers to conversations (one
 * lane each, in order), status changes to the event bus. A conversation that is gone gets its
 * slot taken back through `handle` (a release, as if the conversation had sent it).
 */
export function sendCommands(
  commands: RouterCommand[],
  state: RouterState,
  outbox: Outbox,
  handle: (event: RouterEvent) => void,
): void {
  const statusEvents: AgentEventPayload[] = [];
  for (const c of commands) {
    if (c.type === 'statusChanged') {
      const a = state.agents[c.agentId];
      if (a) statusEvents.push({ kind: 'STATUS_CHANGED' as const, at: now(), agentId: a.id, agent: agentView(a) });
      continue;
    }
    // Runs that logged agents out before this version left their conversations as they were.
    if (c.type === 'loggedOut' && !patched('logout-hands-back-work')) continue;
    const to = c.conversationId;
    outbox.push(to, async () => {
      try {
        if (c.type === 'assign') await signalOther(to, assignedSignal, { agentId: c.agentId });
        else if (c.type === 'loggedOut') await signalOther(to, agentLoggedOutSignal, { agentId: c.agentId });
        else if (c.type === 'reserved')
          await signalOther(to, reserveResultSignal, { requestId: c.requestId, agentId: c.agentId });
        else await signalOther(to, reserveResultSignal, { requestId: c.requestId, code: c.code, message: c.message });
      } catch (error) {
        // The conversation is gone (closed, or never existed): take the offer's slot back.
        log.warn('conversation unreachable', { conversationId: c.conversationId, error: String(error) });
        if (c.type !== 'reserveFailed')
          handle({ type: 'release', conversationId: c.conversationId, agentId: c.agentId });
      }
    });
  }
  if (statusEvents.length > 0) outbox.push('events', () => publishEvents({ conversation: [], agent: statusEvents }));
}
