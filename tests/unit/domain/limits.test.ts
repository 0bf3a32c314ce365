import { describe, expect, it } from 'vitest';
import {
  clampText,
  isSendableText,
  MAX_MESSAGE_LENGTH,
  MAX_MESSAGE_UTF16_UNITS,
  textLength,
  tooLongMessage,
} from '../../../workflows/domain/limits.js';

// One unit for text length everywhere: code points. An emoji is one character, as people count.

describe('text length in code points', () => {
  const cases: [string, string, number][] = [
    ['empty', '', 0],
    ['ASCII', 'hello', 5],
    ['accents (precomposed)', 'éàü', 3],
    ['Cyrillic', 'Привет', 6],
    ['an emoji is one', '😀', 1],
    ['emoji and text', 'ok 👍', 4],
    ['a lone surrogate is one', '\ud83d', 1],
    ['a flag is two code points', '🇫🇷', 2],
  ];
  for (const [name, text, length] of cases) it(`${name}: ${length}`, () => expect(textLength(text)).toBe(length));
});

describe('sendable text', () => {
  const cases: [string, string, boolean][] = [
    ['empty', '', false],
    ['only whitespace', ' \n\t ', false],
    ['one character', 'x', true],
    ['exactly the limit', 'x'.repeat(1000), true],
    ['one over', 'x'.repeat(1001), false],
    ['1000 emoji (2000 UTF-16 units)', '😀'.repeat(1000), true],
    ['1001 emoji', '😀'.repeat(1001), false],
  ];
  for (const [name, text, ok] of cases) it(`${name}: ${ok}`, () => expect(isSendableText(text)).toBe(ok));

  it('is 1000 characters, and a textarea needs at most 2000 UTF-16 units for them', () => {
    expect(MAX_MESSAGE_LENGTH).toBe(1000);
    expect(MAX_MESSAGE_UTF16_UNITS).toBe(2000);
    expect('😀'.repeat(MAX_MESSAGE_LENGTH).length).toBe(MAX_MESSAGE_UTF16_UNITS);
  });

  it('takes another limit', () => expect(isSendableText('abc', 2)).toBe(false));
});

describe('clampText', () => {
  const cases: [string, string, string][] = [
    ['short text unchanged', 'hi', 'hi'],
    ['ASCII cut to 1000', 'x'.repeat(1200), 'x'.repeat(1000)],
    ['999 + emoji is within', `${'x'.repeat(999)}😀`, `${'x'.repeat(999)}😀`],
    ['the emoji past the limit goes whole', `${'x'.repeat(1000)}😀`, 'x'.repeat(1000)],
    ['emoji cut by code point', '😀'.repeat(1200), '😀'.repeat(1000)],
  ];
  for (const [name, text, clamped] of cases) {
    it(name, () => {
      expect(clampText(text)).toBe(clamped);
      expect(textLength(clampText(text))).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    });
  }
  it('takes another limit', () => expect(clampText('a😀b', 2)).toBe('a😀'));
});

describe('tooLongMessage', () => {
  it('names the limit and the length', () =>
    expect(tooLongMessage(1001)).toBe('A message is at most 1000 characters (this one has 1001).'));
});
