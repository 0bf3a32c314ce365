// Addresses between SMPP (addr + TON + NPI) and the form the rest of Switchboard keys on: E.164
// "+<digits>" for phone numbers, bare digits for short codes (the forms of workflows/domain/phone-numbers.ts).
import { isE164Digits, isShortCode } from '../../workflows/domain/phone-numbers.js';
import type { NumberType } from '../../workflows/domain/types.js';

const TON = {
  UNKNOWN: 0,
  INTERNATIONAL: 1,
  NATIONAL: 2,
  NETWORK_SPECIFIC: 3,
  SUBSCRIBER: 4,
  ALPHANUMERIC: 5,
  ABBREVIATED: 6,
} as const;
const NPI = { UNKNOWN: 0, ISDN: 1 } as const;

export type AddressErrorCode =
  'EMPTY' | 'INVALID_CHARACTERS' | 'BAD_LENGTH' | 'NOT_E164' | 'NOT_SHORT_CODE' | 'UNSUPPORTED_TON';

export class AddressError extends Error {
  override readonly name = 'AddressError';
  constructor(
    readonly code: AddressErrorCode,
    readonly address: string,
    detail: string,
  ) {
    super(`${detail}: ${JSON.stringify(address)}`);
  }
}

export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

/** Digits with separators people and some carriers add ("+1 (555) 123-0000") taken out. */
function digitsOf(addr: string): { plus: boolean; digits: string } {
  const compact = addr.replace(/[\s\-().]/g, '');
  const plus = compact.startsWith('+');
  const digits = plus ? compact.slice(1) : compact;
  if (!/^\d+$/.test(digits))
    throw new AddressError('INVALID_CHARACTERS', addr, 'address has characters other than digits');
  return { plus, digits };
}

function e164(digits: string, original: string): string {
  if (!isE164Digits(digits))
    throw new AddressError('NOT_E164', original, 'not an E.164 number (7 to 15 digits, no leading 0)');
  return `+${digits}`;
}

function national(digits: string, countryCode: string, original: string): string {
  return e164(countryCode.replace(/^\+/, '') + digits.replace(/^0/, ''), original);
}

/**
 * From an SMPP address. TON 0 without '+' is a short code at 3-8 digits and, above that, taken
 * as international: carriers that omit the TON still send the country code. National numbers get
 * defaultCountryCode (after dropping a trunk 0) when configured, else are read as international.
 * Alphanumeric senders (TON 5) come back as they are.
 */
export function normaliseAddress(
  addr: string,
  ton: number,
  _npi: number,
  opts: { defaultCountryCode?: string } = {},
): string {
  const raw = addr.replace(/\0/g, '').trim();
  if (!raw) throw new AddressError('EMPTY', addr, 'empty address');
  if (ton === TON.ALPHANUMERIC) {
    if (raw.length > 11) throw new AddressError('BAD_LENGTH', addr, 'alphanumeric sender longer than 11');
    return raw;
  }
  const { plus, digits } = digitsOf(raw);
  switch (ton) {
    case TON.INTERNATIONAL:
      return e164(digits, addr);
    case TON.NETWORK_SPECIFIC:
    case TON.ABBREVIATED:
      if (!isShortCode(digits)) throw new AddressError('NOT_SHORT_CODE', addr, 'short code must have 3 to 8 digits');
      return digits;
    case TON.UNKNOWN:
      if (plus) return e164(digits, addr);
      if (isShortCode(digits)) return digits;
      // A trunk prefix gives a national number away even when the TON does not.
      if (digits.startsWith('0') && opts.defaultCountryCode) return national(digits, opts.defaultCountryCode, addr);
      return e164(digits, addr);
    case TON.NATIONAL:
    case TON.SUBSCRIBER: {
      if (plus || !opts.defaultCountryCode) return e164(digits, addr);
      return national(digits, opts.defaultCountryCode, addr);
    }
    default:
      throw new AddressError('UNSUPPORTED_TON', addr, `unsupported TON ${ton}`);
  }
}

/** Our business number as the source of an MT. */
export function sourceAddressFor(number: string, type: NumberType): SmppAddress {
  const { plus, digits } = digitsOf(number.trim());
  if (type === 'SHORTCODE') {
    if (plus || !isShortCode(digits))
      throw new AddressError('NOT_SHORT_CODE', number, 'short code must be 3 to 8 digits');
    return { addr: digits, ton: TON.NETWORK_SPECIFIC, npi: NPI.UNKNOWN };
  }
  return { addr: e164(digits, number).slice(1), ton: TON.INTERNATIONAL, npi: NPI.ISDN };
}

/** The customer's number as the destination of an MT: must be E.164 with its '+'. */
export function destinationAddressFor(e164Number: string): SmppAddress {
  const trimmed = e164Number.trim();
  if (!trimmed.startsWith('+')) throw new AddressError('NOT_E164', e164Number, 'destination must start with +');
  const { digits } = digitsOf(trimmed);
  return { addr: e164(digits, e164Number).slice(1), ton: TON.INTERNATIONAL, npi: NPI.ISDN };
}
