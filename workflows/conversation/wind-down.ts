import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { ConversationState } from '../domain/types.js';
import type { Outbox } from '../runtime/outbox.js';
import type { TimerSet } from '../runtime/timers.js';

/** How long a closed conversation waits for the carrier's receipts of its last replies. */
const RECEIPTS_WAIT = '5 minutes';

/**
 * Before a run ends (closed or continuing as new): every signal and publish it queued has left,
 * every Update handler has answered, and no timer of this run is left to fire into the next.
 */
export async function settle(outbox: Outbox, timers: Pick<TimerSet<never>, 'cancelAll'>): Promise<void> {
  await outbox.drain();
  await condition(allHandlersFinished);
  timers.cancelAll();
}

/** A closed conversation stays up until each reply it sent is delivered or failed, or for 5 minutes. */
export async function awaitReceipts(state: () => ConversationState): Promise<void> {
  await condition(
    () =>
      state().messages.every(
        (m) => m.direction !== 'OUTBOUND' || m.deliveryStatus === 'DELIVERED' || m.deliveryStatus === 'FAILED',
      ),
    RECEIPTS_WAIT,
  );
}
