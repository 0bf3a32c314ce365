import type { PduConnection } from './pdu-connection.js';

/** Unanswered enquire_links in a row after which a link is dead (issue 10: two). */
const MAX_MISSED_ENQUIRE_LINKS = 2;

/**
 * enquire_link every interval once bound (either side: our binds to carriers, peers bound to our
 * listener). Each waits at most min(interval, response timeout); two in a row unanswered mean the
 * link is dead: the connection is destroyed, so its owner rebinds (ESME) or forgets the peer
 * (listener) and no MT is handed to it. Any answer resets the count.
 */
export function startKeepalive(
  conn: PduConnection,
  intervalMs: number,
  timeoutMs: number,
  maxMissed = MAX_MISSED_ENQUIRE_LINKS,
): () => void {
  let missed = 0;
  let outstanding = false;
  const timer = setInterval(() => {
    if (outstanding) return;
    outstanding = true;
    conn.request('enquire_link', {}, { bypassWindow: true, timeoutMs: Math.min(intervalMs, timeoutMs) }).then(
      () => {
        outstanding = false;
        missed = 0;
      },
      (error: Error) => {
        outstanding = false;
        if (++missed >= maxMissed && !conn.closed)
          conn.destroy(`dead link: ${missed} enquire_link unanswered (${error.message})`);
      },
    );
  }, intervalMs);
  timer.unref();
  const stop = (): void => clearInterval(timer);
  conn.once('close', stop);
  return stop;
}
