import {
  groupKey as groupKeyOf,
  Reassembler,
  type CompletedMessage,
  type InboundPart,
  type ReassemblyLimits,
} from '../../platform/smpp-codec/reassembly.js';

// Multi-part MOs and the ack of each part. A part acked before its whole message reached Temporal
// would be lost with the process, so each part's response is held until the whole message was
// signalled (then every held part gets the message's outcome: ESME_ROK, or the temporary error
// that makes the carrier send them all again). The hold is bounded by the carrier's response
// timeout: past it the carrier would count the part as failed anyway, so the part is acked and,
// from then on, it is ours to keep: written to the store before the ack, kept when its message is
// refused (slow Temporal) to meet its resent siblings or be retried, and restored after a restart.

interface Waiter {
  resolve(id: string | undefined): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

/** Receives each completed (or timed-out, incomplete) message; its promise decides the parts' acks. */
type OnMessage = (message: CompletedMessage) => Promise<string>;

/** Where early-acknowledged parts are kept until their message reached Temporal. */
export interface EarlyAckStore {
  keep(part: InboundPart): void;
  release(key: string): void;
}

/** A message made only of parts we already acked has nobody to resend it: we retry this often. */
export const EARLY_RETRY_MS = 5_000;

export class MoAssembler {
  private readonly reassembler: Reassembler;
  private readonly waiters = new Map<string, Waiter[]>();
  /** Group key -> the parts of it acked early (by seq). */
  private readonly early = new Map<string, Map<number, InboundPart>>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiryAt: number | undefined;
  private closed = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly onMessage: OnMessage,
    private readonly store: EarlyAckStore,
    private readonly onEarlyAck: (part: InboundPart) => void = () => undefined,
    limits?: ReassemblyLimits,
  ) {
    // Parts arrive as unpacked septets or raw octets with their data_coding: join, then decode.
    this.reassembler = new Reassembler({ timeoutMs, decode: { gsmPacked: false }, ...(limits ? { limits } : {}) });
  }

  /** Early-acknowledged parts that have not reached Temporal yet. */
  get earlyParts(): number {
    let n = 0;
    for (const m of this.early.values()) n += m.size;
    return n;
  }

  /**
   * Resolves (ack) with the message id when its message was signalled, or early after `holdMs`.
   * Throws ReassemblyFullError (synchronously) when the part would pass a limit.
   */
  add(part: InboundPart, holdMs: number): Promise<string | undefined> {
    const completed = this.reassembler.add(part);
    const key = completed?.key ?? groupKeyOf(part);
    const promise = new Promise<string | undefined>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.remove(key, waiter);
          this.store.keep(part);
          this.markEarly(key, part);
          this.onEarlyAck(part);
          resolve(undefined);
        }, holdMs),
      };
      const list = this.waiters.get(key) ?? [];
      list.push(waiter);
      this.waiters.set(key, list);
    });
    if (completed) this.finish(completed);
    this.arm();
    return promise;
  }

  /** Parts acked early before a restart, back from the store. */
  restore(parts: InboundPart[]): void {
    for (const part of parts) {
      const completed = this.reassembler.add(part, true);
      this.markEarly(completed?.key ?? groupKeyOf(part), part);
      if (completed) this.finish(completed);
    }
    this.arm();
  }

  /** Gives up on waiting groups (shutdown): held parts are refused so the carrier resends them. */
  close(reason: unknown): void {
    this.closed = true;
    clearTimeout(this.expiryTimer);
    for (const t of this.retries) clearTimeout(t);
    for (const list of this.waiters.values())
      for (const w of list) {
        clearTimeout(w.timer);
        w.reject(reason);
      }
    this.waiters.clear();
  }

  private finish(message: CompletedMessage): void {
    const key = message.key;
    const early = this.early.get(key);
    this.early.delete(key);
    const settle = (outcome: { id: string } | { error: unknown }): void => {
      const list = this.waiters.get(key) ?? [];
      this.waiters.delete(key);
      for (const w of list) {
        clearTimeout(w.timer);
        if ('id' in outcome) w.resolve(outcome.id);
        else w.reject(outcome.error);
      }
    };
    this.onMessage(message).then(
      (id) => {
        settle({ id });
        if (early) this.store.release(key);
      },
      (error: unknown) => {
        settle({ error });
        if (early && !this.closed) this.requeue(key, [...early.values()]);
      },
    );
  }

  /** The message was refused: its early parts wait again for the resent ones, or retry alone. */
  private requeue(key: string, parts: InboundPart[]): void {
    const now = Date.now();
    let completed: CompletedMessage | null = null;
    for (const part of parts) {
      const again = { ...part, receivedAt: now };
      completed = this.reassembler.add(again, true) ?? completed;
      this.markEarly(key, again);
    }
    if (completed) {
      const message = completed;
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        this.finish(message);
      }, EARLY_RETRY_MS);
      this.retries.add(timer);
    }
    this.arm();
  }

  private markEarly(key: string, part: InboundPart): void {
    const map = this.early.get(key) ?? new Map<number, InboundPart>();
    map.set(part.seq, part);
    this.early.set(key, map);
  }

  private arm(): void {
    if (this.closed) return;
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
    this.expiryTimer = setTimeout(
      () => {
        this.expiryTimer = undefined;
        for (const message of this.reassembler.expire(Date.now())) this.finish(message);
        this.arm();
      },
      Math.max(0, at - Date.now()) + 1,
    );
  }

  private remove(key: string, waiter: Waiter): void {
    const list = this.waiters.get(key);
    if (!list) return;
    const rest = list.filter((w) => w !== waiter);
    if (rest.length > 0) this.waiters.set(key, rest);
    else this.waiters.delete(key);
  }
}
