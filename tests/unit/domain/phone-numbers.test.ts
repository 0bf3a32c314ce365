import { describe, expect, it } from 'vitest';
import {
  compactTypedNumber,
  fitsNumberType,
  isBusinessNumber,
  isE164,
  isE164Digits,
  isNumberPrefix,
  isShortCode,
  isTypedNumber,
  numberTypeByForm,
} from '../../../workflows/domain/phone-numbers.js';
import type { NumberType } from '../../../workflows/domain/types.js';

describe('number forms', () => {
  // number, short code, E.164 digits (without '+'), E.164 (with '+'), business number, typed number
  const cases: [string, boolean, boolean, boolean, boolean, boolean][] = [
    ['12', false, false, false, false, false],
    ['123', true, false, false, true, true],
    ['12345', true, false, false, true, true],
    ['12345678', true, true, false, true, true],
    ['123456789', false, true, false, false, true],
    ['+1555123', false, false, true, true, true],
    ['+15551230000', false, false, true, true, true],
    ['+123456789012345', false, false, true, true, true],
    ['+1234567890123456', false, false, false, false, false],
    ['+0155512300', false, false, false, false, true],
    ['+12', false, false, false, false, false],
    ['+123', false, false, false, false, true],
    ['15551230000', false, true, false, false, true],
    ['+1 555 123', false, false, false, false, false],
    ['12a45', false, false, false, false, false],
    ['', false, false, false, false, false],
  ];
  for (const [number, short, digits, e164, business, typed] of cases) {
    it(JSON.stringify(number), () => {
      expect(isShortCode(number)).toBe(short);
      expect(isE164Digits(number)).toBe(digits);
      expect(isE164(number)).toBe(e164);
      expect(isBusinessNumber(number)).toBe(business);
      expect(isTypedNumber(number)).toBe(typed);
    });
  }
});

describe('number types', () => {
  const cases: [string, NumberType, boolean][] = [
    ['12345', 'SHORTCODE', true],
    ['12345', 'LONGCODE', false],
    ['12345', 'TOLL_FREE', false],
    ['+15551230000', 'LONGCODE', true],
    ['+18005550100', 'TOLL_FREE', true],
    ['+15551230000', 'SHORTCODE', false],
  ];
  for (const [number, type, fits] of cases) {
    it(`${number} as ${type}: ${fits}`, () => expect(fitsNumberType(number, type)).toBe(fits));
  }

  it('tells a short code from a long code by form; toll-free only by configuration', () => {
    expect(numberTypeByForm('12345')).toBe('SHORTCODE');
    expect(numberTypeByForm('+15551230000')).toBe('LONGCODE');
    expect(numberTypeByForm('+18005550100')).toBe('LONGCODE');
  });
});

describe('number prefixes', () => {
  const cases: [string, boolean][] = [
    ['+1', true],
    ['+1555', true],
    ['1555', true],
    ['+123456789012345', true],
    ['+1234567890123456', false],
    ['+', false],
    ['', false],
    ['+1-555', false],
  ];
  for (const [prefix, ok] of cases)
    it(`${JSON.stringify(prefix)}: ${ok}`, () => expect(isNumberPrefix(prefix)).toBe(ok));
});

describe('typed numbers', () => {
  const cases: [string, string][] = [
    [' +1 (555) 765-4321 ', '+15557654321'],
    ['555.765.4321', '5557654321'],
    ['+44 20 7946 0000', '+442079460000'],
    ['12345', '12345'],
  ];
  for (const [input, compact] of cases)
    it(JSON.stringify(input), () => expect(compactTypedNumber(input)).toBe(compact));
});
