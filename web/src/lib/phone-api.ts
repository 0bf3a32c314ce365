import { compactTypedNumber, isTypedNumber } from '$domain/phone-numbers.js';
import { gql } from './graphql.js';
import type { BusinessNumber, PhoneMessage, UserError } from './types.js';

// The customer-phone demo page. These operations need no login; the API allows them only while
// the carrier simulator is enabled, and the messages go through the real SMPP path.

const PHONE_MESSAGE = 'id direction phoneNumber businessNumber text at';

export const PHONE_EVENTS = `subscription PhoneEvents($phoneNumber: String!) {
  phoneEvents(phoneNumber: $phoneNumber) { ${PHONE_MESSAGE} }
}`;

export async function businessNumbers(): Promise<BusinessNumber[]> {
  const query = 'query Numbers { businessNumbers { number type queue { id name } } }';
  return (await gql<{ businessNumbers: BusinessNumber[] }>(query)).businessNumbers;
}

export async function phoneMessages(phoneNumber: string): Promise<PhoneMessage[]> {
  const query = `query Phone($phoneNumber: String!) { phoneMessages(phoneNumber: $phoneNumber) { ${PHONE_MESSAGE} } }`;
  return (await gql<{ phoneMessages: PhoneMessage[] }>(query, { phoneNumber })).phoneMessages;
}

export async function sendAsCustomer(phoneNumber: string, businessNumber: string, text: string) {
  const query = `mutation Text($phoneNumber: String!, $businessNumber: String!, $text: String!) {
    sendAsCustomer(phoneNumber: $phoneNumber, businessNumber: $businessNumber, text: $text) {
      message { ${PHONE_MESSAGE} } userErrors { code message field }
    }
  }`;
  const data = await gql<{ sendAsCustomer: { message: PhoneMessage | null; userErrors: UserError[] } }>(query, {
    phoneNumber,
    businessNumber,
    text,
  });
  return data.sendAsCustomer;
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
