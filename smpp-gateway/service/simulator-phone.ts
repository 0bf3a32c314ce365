import { randomUUID } from 'node:crypto';
import type { CustomerPhone, CustomerTextInput, PhoneMessage } from '../../workflows/contract/customer-phone.js';
import { RuleError } from '../../workflows/domain/errors.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import type { CarrierSimulator } from '../simulator/carrier-simulator.js';
import { isShortCode } from '../../workflows/domain/phone-numbers.js';
import type { RecordedMt } from '../simulator/mt-recorder.js';

/**
 * The demo customer phone over the carrier simulator: a text leaves as a real deliver_sm to the
 * gateway (so it takes the SMPP path a carrier's MO takes), and the phone receives what the
 * gateway submitted to the simulator for its number.
 */
export class SimulatorPhone implements CustomerPhone {
  private readonly log: PhoneMessage[] = [];
  private readonly listeners = new Map<string, Set<(m: PhoneMessage) => void>>();
  private readonly onMt = (mt: RecordedMt): void => {
    // The simulator records addresses as sent (no '+'): business short codes stay bare.
    const businessNumber = isShortCode(mt.source) ? mt.source : `+${mt.source}`;
    this.record({
      id: mt.messageIds[0] ?? randomUUID(),
      direction: 'OUTBOUND',
      phoneNumber: `+${mt.destination}`,
      businessNumber,
      text: mt.text,
      at: new Date(mt.receivedAt).toISOString(),
    });
  };

  constructor(private readonly simulator: CarrierSimulator) {
    simulator.on('mt', this.onMt);
  }

  async send(input: CustomerTextInput): Promise<PhoneMessage> {
    const phoneNumber = input.phoneNumber.startsWith('+') ? input.phoneNumber : `+${input.phoneNumber}`;
    let result;
    try {
      result = await this.simulator.sendMo({ from: phoneNumber, to: input.businessNumber, text: input.text });
    } catch (error) {
      throw new Error(`The carrier could not deliver the text: ${(error as Error).message}`);
    }
    if (result.status === STATUS.ESME_RINVDSTADR)
      throw new RuleError('NOT_FOUND', `No business number '${input.businessNumber}'.`, 'businessNumber');
    if (result.status !== 0)
      throw new Error(`The gateway refused the text (command_status 0x${result.status.toString(16)}); try again.`);
    return this.record({
      id: randomUUID(),
      direction: 'INBOUND',
      phoneNumber,
      businessNumber: input.businessNumber,
      text: input.text,
      at: new Date().toISOString(),
    });
  }

  async messages(phoneNumber: string): Promise<PhoneMessage[]> {
    const wanted = digits(phoneNumber);
    return this.log.filter((m) => digits(m.phoneNumber) === wanted);
  }

  subscribe(phoneNumber: string, listener: (m: PhoneMessage) => void): () => void {
    const key = digits(phoneNumber);
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return () => void set.delete(listener);
  }

  close(): void {
    this.simulator.off('mt', this.onMt);
  }

  private record(m: PhoneMessage): PhoneMessage {
    this.log.push(m);
    for (const l of this.listeners.get(digits(m.phoneNumber)) ?? []) l(m);
    return m;
  }
}

function digits(number: string): string {
  return number.replace(/\D/g, '');
}
