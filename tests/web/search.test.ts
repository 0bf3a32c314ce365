import { describe, expect, it } from 'vitest';
import { filterByName, matches } from '../../web/src/lib/search.js';

const agents = [
  { id: 'a', name: 'Alice Smith' },
  { id: 'b', name: 'Bob Jones' },
  { id: 'j', name: 'José Álvarez' },
];

describe('search filtering', () => {
  it('returns everything for an empty or blank query', () => {
    expect(filterByName(agents, '')).toHaveLength(3);
    expect(filterByName(agents, '   ')).toHaveLength(3);
  });

  it('ignores case and accents', () => {
    expect(filterByName(agents, 'ALICE').map((a) => a.id)).toEqual(['a']);
    expect(filterByName(agents, 'jose alv').map((a) => a.id)).toEqual(['j']);
  });

  it('needs every word to match', () => {
    expect(matches('Bob Jones', 'bob smith')).toBe(false);
    expect(matches('Bob Jones', 'jon bo')).toBe(true);
  });
});
