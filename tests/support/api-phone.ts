import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { listen, type EventBus } from '../../platform/events/bus.js';
import { submitCustomerText } from '../../platform/temporal/inbound.js';
import type { CustomerPhone, CustomerTextInput, PhoneMessage } from '../../workflows/contract/customer-phone.js';

/**
 * The demo phone without a carrier: a text enters the way the gateway's MO does
 * (submitCustomerText), and the replies are what the conversation publishes as OUTBOUND messages.
 */
export class MemoryPhone implements CustomerPhone {
  readonly log: PhoneMessage[] = [];
  private readonly listeners = new Map<string, Set<(m: PhoneMessage) => void>>();
  private readonly stop: () => void;

  constructor(
    private readonly client: Client,
    private readonly config: SwitchboardConfig,
    bus: EventBus,
  ) {
    this.stop = listen(bus.pubSub.subscribe('conversations'), (e) => {
      if (e.kind !== 'MESSAGE_ADDED' || e.message?.direction !== 'OUTBOUND') return;
      const m = e.message;
      this.record({
        id: m.id,
        direction: 'OUTBOUND',
        phoneNumber: e.summary.customerNumber,
        businessNumber: e.summary.businessNumber,
        text: m.text,
        at: m.at,
      });
    });
  }

  async send(input: CustomerTextInput): Promise<PhoneMessage> {
    const id = randomUUID();
    const at = new Date().toISOString();
    await submitCustomerText(this.client, this.config, {
      from: input.phoneNumber,
      to: input.businessNumber,
      message: { id, text: input.text, receivedAt: at },
    });
    return this.record({ id, direction: 'INBOUND', ...input, at });
  }

  async messages(phoneNumber: string): Promise<PhoneMessage[]> {
    return this.log.filter((m) => m.phoneNumber === phoneNumber);
  }

  subscribe(phoneNumber: string, listener: (m: PhoneMessage) => void): () => void {
    const set = this.listeners.get(phoneNumber) ?? new Set();
    set.add(listener);
    this.listeners.set(phoneNumber, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.stop();
  }

  private record(m: PhoneMessage): PhoneMessage {
    this.log.push(m);
    for (const l of this.listeners.get(m.phoneNumber) ?? []) l(m);
    return m;
  }
}
