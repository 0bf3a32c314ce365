import {
  groupKey as groupKeyOf,
  Reassembler,
  type CompletedMessage,
  type InboundPart,
  type ReassemblyLimits,
} from '../../platform/smpp-codec/reassembly.js';
import { HeldParts } from './mo-held-parts.js';

// Multi-part MOs and the ack of each part. A part acked before its whole message reached Temporal
// would be lost with the process, so each part's response is held until the whole message was
// signalled (then every held part gets the message's outcome: ESME_ROK, or the temporary error
// that makes the carrier send them all again). The hold is bounded by the carrier's response
// timeout: past it the carrier would count the part as failed anyway, so the part is acked and,
// from then on, it is ours to keep: written to the store before the ack, kept when its message is
// refused (slow Temporal) to meet its resent siblings or be retried, and restored after a restart.

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
  private readonly held = new HeldParts();
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
    return this.held.earlyCount;
  }

  /**
   * Resolves (ack) with the message id when its message was signalled, or early after `holdMs`.
   * Throws ReassemblyFullError (synchronously) when the part would pass a limit.
   */
  add(part: InboundPart, holdMs: number): Promise<string | undefined> {
    const completed = this.reassembler.add(part);
    const key = completed?.key ?? groupKeyOf(part);
    const promise = new Promise<string | undefined>((resolve, reject) => {
      this.held.hold(key, holdMs, resolve, reject, () => {
        this.store.keep(part);
        this.held.markEarly(key, part);
        this.onEarlyAck(part);
      });
    });
    if (completed) this.finish(completed);
    this.arm();
    return promise;
  }

  /** Parts acked early before a restart, back from the store. */
  restore(parts: InboundPart[]): void {
    for (const part of parts) {
      const completed = this.reassembler.add(part, true);
      this.held.markEarly(completed?.key ?? groupKeyOf(part), part);
      if (completed) this.finish(completed);
    }
    this.arm();
  }

  /** Gives up on waiting groups (shutdown): held parts are refused so the carrier resends them. */
  close(reason: unknown): void {
    this.closed = true;
    clearTimeout(this.expiryTimer);
    for (const t of this.retries) clearTimeout(t);
    this.held.rejectAll(reason);
  }

  private finish(message: CompletedMessage): void {
    const key = message.key;
    const early = this.held.takeEarly(key);
    this.onMessage(message).then(
      (id) => {
        this.held.settle(key, { id });
        if (early) this.store.release(key);
      },
      (error: unknown) => {
        this.held.settle(key, { error });
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
      this.held.markEarly(key, again);
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
}
