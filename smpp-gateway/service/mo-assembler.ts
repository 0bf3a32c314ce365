import { Reassembler, type CompletedMessage, type InboundPart } from '../codec/reassembly.js';

// Multi-part MOs and the ack of each part. A part acked before its whole message reached Temporal
// would be lost with the process, so each part's response is held until the whole message was
// signalled (then every held part gets the message's outcome: ESME_ROK, or the temporary error
// that makes the carrier send them all again). The hold is bounded by the carrier's response
// timeout: past it the carrier would count the part as failed anyway, so the part is acked and
// kept in memory for reassembly, and only a crash before its siblings arrive can lose it.

interface Waiter {
  resolve(id: string | undefined): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

/** Receives each completed (or timed-out, incomplete) message; its promise decides the parts' acks. */
export type OnMessage = (message: CompletedMessage) => Promise<string>;

export class MoAssembler {
  private readonly reassembler: Reassembler;
  private readonly waiters = new Map<string, Waiter[]>();
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiryAt: number | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onMessage: OnMessage,
    private readonly onEarlyAck: (part: InboundPart) => void,
  ) {
    // Parts arrive as unpacked septets or raw octets with their data_coding: join, then decode.
    this.reassembler = new Reassembler({ timeoutMs, decode: { gsmPacked: false } });
  }

  /** Resolves (ack) with the message id when its message was signalled, or early after `holdMs`. */
  add(part: InboundPart, holdMs: number): Promise<string | undefined> {
    const key = JSON.stringify([part.source, part.destination, part.ref, part.total]);
    const promise = new Promise<string | undefined>((resolve, reject) => {
      const waiter: Waiter = {
        resolve, reject,
        timer: setTimeout(() => {
          this.remove(key, waiter);
          this.onEarlyAck(part);
          resolve(undefined);
        }, holdMs),
      };
      const list = this.waiters.get(key) ?? [];
      list.push(waiter);
      this.waiters.set(key, list);
    });
    const completed = this.reassembler.add(part);
    if (completed) this.finish(completed);
    this.arm();
    return promise;
  }

  /** Gives up on waiting groups (shutdown): held parts are refused so the carrier resends them. */
  close(reason: unknown): void {
    clearTimeout(this.expiryTimer);
    for (const list of this.waiters.values()) for (const w of list) { clearTimeout(w.timer); w.reject(reason); }
    this.waiters.clear();
  }

  private finish(message: CompletedMessage): void {
    const key = JSON.stringify([message.source, message.destination, message.ref, message.segments]);
    const settle = (outcome: { id: string } | { error: unknown }): void => {
      const list = this.waiters.get(key) ?? [];
      this.waiters.delete(key);
      for (const w of list) {
        clearTimeout(w.timer);
        if ('id' in outcome) w.resolve(outcome.id);
        else w.reject(outcome.error);
      }
    };
    this.onMessage(message).then((id) => settle({ id }), (error: unknown) => settle({ error }));
  }

  private arm(): void {
    const at = this.reassembler.nextExpiryAt();
    if (at === null) {
      clearTimeout(this.expiryTimer);
      this.expiryTimer = undefined;
      this.expiryAt = undefined;
      return;
    }
    if (this.expiryTimer && this.expiryAt === at) return;
    clearTimeout(this.expiryTimer);
    this.expiryAt = at;
    // +1: expire() takes groups strictly older than the timeout.
    this.expiryTimer = setTimeout(() => {
      this.expiryTimer = undefined;
      for (const message of this.reassembler.expire(Date.now())) this.finish(message);
      this.arm();
    }, Math.max(0, at - Date.now()) + 1);
  }

  private remove(key: string, waiter: Waiter): void {
    const list = this.waiters.get(key);
    if (!list) return;
    const rest = list.filter((w) => w !== waiter);
    if (rest.length > 0) this.waiters.set(key, rest);
    else this.waiters.delete(key);
  }
}
