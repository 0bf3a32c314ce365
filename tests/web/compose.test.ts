import { describe, expect, it } from 'vitest';
import {
  MAX_MESSAGE_LENGTH,
  canSend,
  clampMessage,
  counterText,
  estimateSegments,
  isSendKey,
} from '../../web/src/lib/compose.js';
import { countSegments } from '../../platform/smpp-codec/segment-plan.js';
import { SEGMENT_TEXTS } from '../support/segment-texts.js';

describe('compose rules', () => {
  it('allows 1..1000 characters of something other than whitespace', () => {
    expect(MAX_MESSAGE_LENGTH).toBe(1000);
    expect(canSend('')).toBe(false);
    expect(canSend('  \n ')).toBe(false);
    expect(canSend('hi')).toBe(true);
    expect(canSend('x'.repeat(1000))).toBe(true);
    expect(canSend('x'.repeat(1001))).toBe(false);
  });

  it('counts code points, as the workflow and the API do', () => {
    expect(canSend('😀'.repeat(1000))).toBe(true);
    expect(canSend('😀'.repeat(1001))).toBe(false);
    expect(counterText('😀👍')).toBe('2/1000');
  });

  it('shows a counter', () => {
    expect(counterText('')).toBe('0/1000');
    expect(counterText('hello')).toBe('5/1000');
  });

  it('clamps to the limit without splitting an emoji', () => {
    expect(clampMessage('x'.repeat(1200))).toHaveLength(1000);
    // 999 + one emoji is 1000 characters (code points): within the limit, as the server counts.
    expect(clampMessage('x'.repeat(999) + '😀')).toBe('x'.repeat(999) + '😀');
    expect(clampMessage('x'.repeat(1000) + '😀')).toBe('x'.repeat(1000));
    expect(clampMessage('😀'.repeat(1200))).toBe('😀'.repeat(1000));
  });

  it('sends on Enter, not on Shift+Enter, not while an IME composes', () => {
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: false })).toBe(true);
    expect(isSendKey({ key: 'Enter', shiftKey: true, isComposing: false })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: false, keyCode: 229 })).toBe(false);
    expect(isSendKey({ key: 'a', shiftKey: false, isComposing: false })).toBe(false);
  });

  it('estimates SMS segments for GSM-7 and UCS-2 texts', () => {
    expect(estimateSegments('')).toBe(0);
    expect(estimateSegments('x'.repeat(160))).toBe(1);
    expect(estimateSegments('x'.repeat(161))).toBe(2);
    expect(estimateSegments('€'.repeat(80))).toBe(1);
    expect(estimateSegments('é'.repeat(160))).toBe(1);
    expect(estimateSegments('ж'.repeat(70))).toBe(1);
    expect(estimateSegments('ж'.repeat(71))).toBe(2);
  });

  it("shows the codec's own count: what the gateway will send", () => {
    for (const { text } of SEGMENT_TEXTS) if (text) expect(estimateSegments(text)).toBe(countSegments(text));
    for (const { text, udh8 } of SEGMENT_TEXTS) if (text) expect(estimateSegments(text)).toBe(udh8);
  });
});
