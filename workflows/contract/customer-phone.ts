import type { MessageDirection } from '../domain/types.js';

// The demo customer phone (extensions: businessNumbers, phoneMessages, sendAsCustomer,
// phoneEvents). The SMPP gateway implements it over the carrier simulator, so a demo text takes the
// real SMPP path; tests use an in-memory one. The API serves the phone operations without a token
// only when a phone is injected, i.e. when the carrier simulator is enabled.

export interface PhoneMessage {
  id: string;
  /** INBOUND: phone -> business; OUTBOUND: a reply the phone received. */
  direction: Extract<MessageDirection, 'INBOUND' | 'OUTBOUND'>;
  phoneNumber: string;
  businessNumber: string;
  text: string;
  /** ISO-8601, UTC. */
  at: string;
}

export interface CustomerTextInput {
  phoneNumber: string;
  businessNumber: string;
  text: string;
}

export interface CustomerPhone {
  /**
   * Texts a business number as the customer. Resolves once the carrier took the message. An
   * expected refusal (unknown business number, bad phone number) is thrown as a RuleError
   * (workflows/domain/errors.ts), which the API returns in `userErrors`.
   */
  send(input: CustomerTextInput): Promise<PhoneMessage>;
  /** What the phone sent and received, oldest first. */
  messages(phoneNumber: string): Promise<PhoneMessage[]>;
  /** Every later message to or from the phone; returns the unsubscribe function. */
  subscribe(phoneNumber: string, listener: (message: PhoneMessage) => void): () => void;
}
