import { createHmac } from 'node:crypto';
import type { SearchKeys } from '../workflows/domain/types.js';
import { threadId } from '../workflows/contract/ids.js';
import type { SwitchboardConfig } from './schema.js';

// With payload encryption on (temporal.encryptionKeys), what Temporal shows in clear, workflow ids
// and search attributes, carries no phone number either: thread ids and the SbCustomer and
// SbBusiness attributes are HMAC-SHA256s under temporal.idHashKey, which never rotates (a new key
// would split every customer's thread in two). Without encryption ids stay as they always were.

function hmac(config: SwitchboardConfig, value: string): string | undefined {
  const key = config.temporal.encryptionKeys ? config.temporal.idHashKey : undefined;
  return key ? createHmac('sha256', key).update(value).digest('base64url').slice(0, 32) : undefined;
}

/** What the search attributes carry instead of the numbers, or undefined when ids stay in clear. */
export function searchKeysFor(
  config: SwitchboardConfig,
  businessNumber: string,
  customerNumber: string,
): SearchKeys | undefined {
  const customer = hmac(config, `customer:${customerNumber}`);
  const business = hmac(config, `business:${businessNumber}`);
  return customer && business ? { customer: `h-${customer}`, business: `h-${business}` } : undefined;
}

/** The value to filter SbCustomer on for a customer's number. */
export function customerSearchValue(config: SwitchboardConfig, customerNumber: string): string {
  const h = hmac(config, `customer:${customerNumber}`);
  return h ? `h-${h}` : customerNumber;
}

/** The (business, customer) thread's workflow id. */
export function threadIdFor(config: SwitchboardConfig, businessNumber: string, customerNumber: string): string {
  const h = hmac(config, `thread:${businessNumber}|${customerNumber}`);
  return h
    ? `${config.temporal.instance}:thread:h-${h}`
    : threadId(config.temporal.instance, businessNumber, customerNumber);
}
