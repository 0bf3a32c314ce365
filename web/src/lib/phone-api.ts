import { compactTypedNumber, isTypedNumber } from '$domain/phone-numbers.js';
import { gql } from './graphql.js';
import { BUSINESS_NUMBERS, PHONE_MESSAGES, SEND_AS_CUSTOMER } from './phone-operations.js';
import type { BusinessNumber, PhoneMessage } from './types.js';

// The customer-phone demo page. These operations need no login; the API allows them only while
// the carrier simulator is enabled, and the messages go through the real SMPP path.

export { PHONE_EVENTS } from './phone-operations.js';

export async function businessNumbers(): Promise<BusinessNumber[]> {
  return (await gql(BUSINESS_NUMBERS)).businessNumbers;
}

export async function phoneMessages(phoneNumber: string): Promise<PhoneMessage[]> {
  return (await gql(PHONE_MESSAGES, { phoneNumber })).phoneMessages;
}

export async function sendAsCustomer(phoneNumber: string, businessNumber: string, text: string) {
  return (await gql(SEND_AS_CUSTOMER, { phoneNumber, businessNumber, text })).sendAsCustomer;
}

/** Union by id, oldest first: the list query and the event stream overlap after a reconnect. */
export function mergePhoneMessages(
  current: readonly PhoneMessage[],
  incoming: readonly PhoneMessage[],
): PhoneMessage[] {
  const byId = new Map<string, PhoneMessage>();
  for (const m of [...current, ...incoming]) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A phone number as the simulator expects it: digits with an optional leading +. */
export function normalisePhone(input: string): string {
  return compactTypedNumber(input);
}

/** The API's rule for a typed number ($domain/phone-numbers), after the separators are out. */
export function isPhoneNumber(input: string): boolean {
  return isTypedNumber(normalisePhone(input));
}
