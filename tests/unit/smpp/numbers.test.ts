import { describe, expect, it } from 'vitest';
import {
  AddressError,
  destinationAddressFor,
  normaliseAddress,
  sourceAddressFor,
} from '../../../platform/smpp-codec/numbers.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AddressError ? e.code : 'other';
  }
  return 'none';
};

describe('normaliseAddress', () => {
  it('international (TON 1) becomes +digits', () => {
    expect(normaliseAddress('15557654321', 1, 1)).toBe('+15557654321');
    expect(normaliseAddress('+447700900123', 1, 1)).toBe('+447700900123');
    expect(normaliseAddress('1 (555) 765-4321\0', 1, 1)).toBe('+15557654321');
  });

  it('national (TON 2) is read as international, or gets the configured country code', () => {
    expect(normaliseAddress('15557654321', 2, 1)).toBe('+15557654321');
    expect(normaliseAddress('07700900123', 2, 1, { defaultCountryCode: '44' })).toBe('+447700900123');
    expect(normaliseAddress('+447700900123', 2, 1, { defaultCountryCode: '1' })).toBe('+447700900123');
  });

  it('unknown (TON 0): a plus means E.164, 3-8 digits a short code, longer is international', () => {
    expect(normaliseAddress('+15557654321', 0, 0)).toBe('+15557654321');
    expect(normaliseAddress('12345', 0, 0)).toBe('12345');
    expect(normaliseAddress('15557654321', 0, 1)).toBe('+15557654321');
    expect(normaliseAddress('07700900123', 0, 1, { defaultCountryCode: '+44' })).toBe('+447700900123');
    expect(codeOf(() => normaliseAddress('07700900123', 0, 1))).toBe('NOT_E164');
  });

  it('short codes (TON 3) stay bare digits', () => {
    expect(normaliseAddress('12345', 3, 0)).toBe('12345');
    expect(normaliseAddress('898', 3, 0)).toBe('898');
    expect(codeOf(() => normaliseAddress('123456789', 3, 0))).toBe('NOT_SHORT_CODE');
    expect(codeOf(() => normaliseAddress('12', 3, 0))).toBe('NOT_SHORT_CODE');
  });

  it('alphanumeric senders come back as sent', () => {
    expect(normaliseAddress('MyBank', 5, 0)).toBe('MyBank');
    expect(codeOf(() => normaliseAddress('ABCDEFGHIJKL', 5, 0))).toBe('BAD_LENGTH');
  });

  it('rejects with typed errors', () => {
    expect(codeOf(() => normaliseAddress('', 1, 1))).toBe('EMPTY');
    expect(codeOf(() => normaliseAddress('\0', 1, 1))).toBe('EMPTY');
    expect(codeOf(() => normaliseAddress('1555abc', 1, 1))).toBe('INVALID_CHARACTERS');
    expect(codeOf(() => normaliseAddress('1234567890123456', 1, 1))).toBe('NOT_E164');
    expect(codeOf(() => normaliseAddress('0155576543', 1, 1))).toBe('NOT_E164');
    expect(codeOf(() => normaliseAddress('15557654321', 9, 1))).toBe('UNSUPPORTED_TON');
  });
});

describe('sourceAddressFor / destinationAddressFor', () => {
  it('long code and toll-free: TON 1 / NPI 1, digits without +', () => {
    expect(sourceAddressFor('+15551230000', 'LONGCODE')).toEqual({ addr: '15551230000', ton: 1, npi: 1 });
    expect(sourceAddressFor('+18005550100', 'TOLL_FREE')).toEqual({ addr: '18005550100', ton: 1, npi: 1 });
  });

  it('short code: TON 3 / NPI 0', () => {
    expect(sourceAddressFor('12345', 'SHORTCODE')).toEqual({ addr: '12345', ton: 3, npi: 0 });
    expect(codeOf(() => sourceAddressFor('+12345', 'SHORTCODE'))).toBe('NOT_SHORT_CODE');
    expect(codeOf(() => sourceAddressFor('123456789', 'SHORTCODE'))).toBe('NOT_SHORT_CODE');
  });

  it('rejects a long code that is not E.164', () => {
    expect(codeOf(() => sourceAddressFor('12345', 'LONGCODE'))).toBe('NOT_E164');
  });

  it('destination must be E.164 with its plus', () => {
    expect(destinationAddressFor('+447700900123')).toEqual({ addr: '447700900123', ton: 1, npi: 1 });
    expect(codeOf(() => destinationAddressFor('447700900123'))).toBe('NOT_E164');
    expect(codeOf(() => destinationAddressFor('+12345'))).toBe('NOT_E164');
    expect(codeOf(() => destinationAddressFor('+1555x'))).toBe('INVALID_CHARACTERS');
  });

  it('round-trips through normaliseAddress', () => {
    const { addr, ton, npi } = destinationAddressFor('+15557654321');
    expect(normaliseAddress(addr, ton, npi)).toBe('+15557654321');
    const sc = sourceAddressFor('12345', 'SHORTCODE');
    expect(normaliseAddress(sc.addr, sc.ton, sc.npi)).toBe('12345');
  });
});
