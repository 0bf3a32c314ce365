import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { inboundSignal } from '../../workflows/contract/definitions.js';
import { threadIdFor } from '../../config/identifiers.js';
import { KeyedChain, LruMap } from '../keyed-chain.js';
import { takeCustomerText, type CustomerText } from './inbound.js';

/** Enough for every open conversation of a large floor; an entry is two ids (~150 bytes). */
export const OPEN_CONVERSATIONS_REMEMBERED = 100_000;
/** Texts of one customer waiting behind each other; past it the carrier is told to retry. */
const MAX_QUEUED_PER_THREAD = 64;

export interface DirectInboundOptions {
  maxEntries?: number;
  /** Of a submission's time, the share the update may take before the signalWithStart fallback. */
  updateShare?: number;
}

/**
 * How an MO reaches Temporal in one workflow task: a text for a customer whose open conversation
 * this process knows is signalled straight into that conversation (it deduplicates carrier ids and
 * redirects to the thread once it has ended). Otherwise the thread takes it (takeCustomerText) and
 * names the conversation that holds it, remembered for the next texts. Texts of one thread go one
 * at a time, so a direct signal never overtakes the thread's forward of the text before it.
 */
export class DirectInbound {
  private readonly open: LruMap<string, string>;
  private readonly chain = new KeyedChain(MAX_QUEUED_PER_THREAD);
  private readonly updateShare: number;

  constructor(
    private readonly client: Client,
    private readonly config: SwitchboardConfig,
    options: DirectInboundOptions = {},
  ) {
    this.open = new LruMap(options.maxEntries ?? OPEN_CONVERSATIONS_REMEMBERED);
    this.updateShare = options.updateShare ?? 0.5;
  }

  /**
   * Resolves once Temporal durably has the text (the carrier may be acked then), with the way it
   * went. `deadline` (epoch ms) bounds the whole submission, the wait behind earlier texts included.
   */
  submit(text: CustomerText, deadline: number): Promise<'direct' | 'thread'> {
    const threadId = threadIdFor(this.config, text.to, text.from);
    return this.chain.run(threadId, async () => {
      if (Date.now() >= deadline) throw new Error('no time left for this text');
      const conversationId = this.open.get(threadId);
      if (conversationId) {
        try {
          await this.client.workflow.getHandle(conversationId).signal(inboundSignal, text.message);
          return 'direct';
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          this.open.delete(threadId); // completed: the thread starts the next one
        }
      }
      const updateMs = Math.max(0, (deadline - Date.now()) * this.updateShare);
      const taken = await takeCustomerText(this.client, this.config, text, updateMs);
      if (taken.conversationId) this.open.set(threadId, taken.conversationId);
      return 'thread';
    });
  }

  /** Open conversations remembered, and threads with a text in flight (both bounded). */
  get sizes(): { remembered: number; threads: number } {
    return { remembered: this.open.size, threads: this.chain.size };
  }
}
