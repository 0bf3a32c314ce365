import { describe, expect, it } from 'vitest';
import { isPhoneNumber, mergePhoneMessages, normalisePhone } from '../../web/src/lib/phone-api.js';
import type { PhoneMessage } from '../../web/src/lib/types.js';

const pm = (id: string, at: string): PhoneMessage => ({
  id,
  direction: 'OUTBOUND',
  phoneNumber: '+15557654321',
  businessNumber: '+15551230000',
  text: id,
  at,
});

describe('customer phone helpers', () => {
  it('merges the list and the event stream without duplicates', () => {
    const a = pm('a', '2026-01-01T10:00:00Z');
    const b = pm('b', '2026-01-01T10:00:03Z');
    expect(mergePhoneMessages([b], [a, b]).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('normalises typed phone numbers', () => {
    expect(normalisePhone(' +1 (555) 765-4321 ')).toBe('+15557654321');
    expect(isPhoneNumber('+1 555 765 4321')).toBe(true);
    expect(isPhoneNumber('12')).toBe(false);
    // The API's rule: a customer may text from a short code of 3 digits; E.164 ends at 15.
    expect(isPhoneNumber('123')).toBe(true);
    expect(isPhoneNumber('+1234567890123456')).toBe(false);
  });
});
