// Number formats, once: what a short code, an E.164 number and a number typed by a person look
// like. The gateway normalises carrier addresses to these forms (platform/smpp-codec/numbers.ts),
// the configuration is checked against them, and the API and the desktop accept typed numbers by
// the same rule.
import type { NumberType } from './types.js';

/** A short code: bare digits, 3 to 8 of them (the range carriers assign worldwide). */
const SHORT_CODE = /^\d{3,8}$/;
/** E.164 without its '+': up to 15 digits; fewer than 7 cannot hold a country and a subscriber number. */
const E164_DIGITS = /^[1-9]\d{6,14}$/;
/**
 * A number as a person types it into the API or the desktop, separators taken out: 3 to 15 digits
 * with an optional '+'. Three, because a customer's number can be a short code (an MO from TON 0
 * with 3-8 digits stays a short code) and business numbers include 3-digit short codes; fifteen,
 * because E.164 ends there.
 */
const TYPED_NUMBER = /^\+?\d{3,15}$/;

/** The start of a number, for scoping by prefix ("+1555"): 1 to 15 digits, optionally after '+'. */
const NUMBER_PREFIX = /^\+?\d{1,15}$/;

export const TYPED_NUMBER_RULE = '3 to 15 digits with an optional leading +';

export function isShortCode(number: string): boolean {
  return SHORT_CODE.test(number);
}

/** The digits of an international number, without the '+'. */
export function isE164Digits(digits: string): boolean {
  return E164_DIGITS.test(digits);
}

/** "+<7 to 15 digits>", as the system keys customers and long codes. */
export function isE164(number: string): boolean {
  return number.startsWith('+') && isE164Digits(number.slice(1));
}

/** A business number as configured and as stored: E.164 with its '+', or a bare short code. */
export function isBusinessNumber(number: string): boolean {
  return isE164(number) || isShortCode(number);
}

/**
 * What a number's form says about its type. A toll-free number is an E.164 number like a long
 * code (which prefixes are toll-free differs per country), so only the configuration names it.
 */
export function numberTypeByForm(number: string): Exclude<NumberType, 'TOLL_FREE'> {
  return isShortCode(number) ? 'SHORTCODE' : 'LONGCODE';
}

/** Whether a configured type fits the number: SHORTCODE for short codes, the others for E.164. */
export function fitsNumberType(number: string, type: NumberType): boolean {
  return isShortCode(number) === (type === 'SHORTCODE');
}

/** The customer-number rule for what people type (the API's arguments, the demo phone). */
export function isTypedNumber(number: string): boolean {
  return TYPED_NUMBER.test(number);
}

export function isNumberPrefix(prefix: string): boolean {
  return NUMBER_PREFIX.test(prefix);
}

/** A typed number with the separators people add ("+1 (555) 123-0000") taken out. */
export function compactTypedNumber(input: string): string {
  const trimmed = input.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
