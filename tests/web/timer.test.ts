import { describe, expect, it } from 'vitest';
import { elapsedSince, formatDuration, secondsUntil, spokenDuration } from '../../web/src/lib/timer.js';

describe('timer formatting', () => {
  it('formats minutes and seconds, and hours only when needed', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(75_000)).toBe('01:15');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('reads clock skew (a negative span) as zero rather than a negative time', () => {
    expect(formatDuration(-5000)).toBe('00:00');
  });

  it('counts from receivedAt', () => {
    const received = '2026-01-01T10:00:00.000Z';
    expect(elapsedSince(received, Date.parse(received) + 42_900)).toBe('00:42');
    expect(elapsedSince('not a date', Date.now())).toBe('00:00');
  });

  it('rounds the countdown up so zero means due', () => {
    const due = '2026-01-01T10:00:30.000Z';
    expect(secondsUntil(due, Date.parse(due) - 29_100)).toBe(30);
    expect(secondsUntil(due, Date.parse(due) + 1000)).toBe(0);
  });

  it('has a spoken form', () => {
    expect(spokenDuration(61_000)).toBe('1 minute 1 second');
    expect(spokenDuration(5_000)).toBe('5 seconds');
  });
});
