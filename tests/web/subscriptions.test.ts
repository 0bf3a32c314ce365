import { afterEach, describe, expect, it, vi } from 'vitest';
import { subscribe } from '../../web/src/lib/subscriptions.js';

// A stream the server ends because the caller may no longer read it is not opened again: the
// desktop used to reopen it a second later, be refused again, and repeat on every later event.

function sse(events: { event: string; data?: unknown }[]): Response {
  const text = events
    .map((e) => `event: ${e.event}\ndata: ${e.data === undefined ? '' : JSON.stringify(e.data)}\n\n`)
    .join('');
  return new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

afterEach(() => vi.useRealTimers());

describe('subscribe', () => {
  it.each(['FORBIDDEN', 'UNAUTHENTICATED'])('does not reopen a stream the server ended with %s', async (code) => {
    vi.useFakeTimers();
    const fetchFn = vi.fn(async () =>
      sse([
        { event: 'next', data: { errors: [{ message: 'no longer yours', extensions: { code } }] } },
        { event: 'complete' },
      ]),
    );
    const refusals: string[] = [];
    const stop = subscribe(
      'subscription { x }',
      {},
      { next: () => {}, refused: (c) => refusals.push(c) },
      { fetchFn: fetchFn as typeof fetch },
    );
    await vi.advanceTimersByTimeAsync(30_000);
    stop();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(refusals).toEqual([code]);
  });

  it('reopens a stream that completed cleanly (a server restart)', async () => {
    vi.useFakeTimers();
    const fetchFn = vi.fn(async () => sse([{ event: 'next', data: { data: { x: 1 } } }, { event: 'complete' }]));
    const stop = subscribe('subscription { x }', {}, { next: () => {} }, { fetchFn: fetchFn as typeof fetch });
    await vi.advanceTimersByTimeAsync(1_500);
    stop();
    expect(fetchFn.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a STREAM_RESET (the server lost events) and reopens the stream at once', async () => {
    vi.useFakeTimers();
    const fetchFn = vi.fn(async () =>
      sse([
        { event: 'next', data: { errors: [{ message: 'missed', extensions: { code: 'STREAM_RESET' } }] } },
        { event: 'complete' },
      ]),
    );
    const resets: number[] = [];
    const errors: string[] = [];
    const stop = subscribe(
      'subscription { x }',
      {},
      { next: () => {}, reset: () => resets.push(Date.now()), error: (m) => errors.push(m) },
      { fetchFn: fetchFn as typeof fetch },
    );
    await vi.advanceTimersByTimeAsync(300); // well before the 1 s a clean end waits
    stop();
    expect(resets.length).toBeGreaterThanOrEqual(1);
    expect(fetchFn.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]); // not an error to show: the desktop resynchronises
  });
});
