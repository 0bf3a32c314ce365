import type { InboundPart } from '../../platform/smpp-codec/reassembly.js';

// What waits on a multi-part MO's whole message, by group key (mo-assembler.ts says why): the
// responses held back from the carrier, and the parts already acked early and kept by us.

/** One held part's response: settled with its message's outcome, or acked early by its timer. */
interface Waiter {
  resolve(id: string | undefined): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

/** How the whole message went: signalled (its id), or refused. */
export type Outcome = { id: string } | { error: unknown };

export class HeldParts {
  private readonly waiters = new Map<string, Waiter[]>();
  /** Group key -> the parts of it acked early (by seq). */
  private readonly early = new Map<string, Map<number, InboundPart>>();

  /** Early-acknowledged parts that have not reached Temporal yet. */
  get earlyCount(): number {
    let n = 0;
    for (const m of this.early.values()) n += m.size;
    return n;
  }

  /**
   * Holds a part's response until its message settles it; past `holdMs` the part is acked early:
   * `onHoldEnd` first keeps it (before the ack), then the response resolves without an id.
   */
  hold(key: string, holdMs: number, resolve: Waiter['resolve'], reject: Waiter['reject'], onHoldEnd: () => void): void {
    const waiter: Waiter = {
      resolve,
      reject,
      timer: setTimeout(() => {
        this.remove(key, waiter);
        onHoldEnd();
        resolve(undefined);
      }, holdMs),
    };
    const list = this.waiters.get(key) ?? [];
    list.push(waiter);
    this.waiters.set(key, list);
  }

  /** The waiter's hold ran out (it is acked early): its message no longer answers it. */
  private remove(key: string, waiter: Waiter): void {
    const list = this.waiters.get(key);
    if (!list) return;
    const rest = list.filter((w) => w !== waiter);
    if (rest.length > 0) this.waiters.set(key, rest);
    else this.waiters.delete(key);
  }

  /** Every response held for the message gets its outcome. */
  settle(key: string, outcome: Outcome): void {
    const list = this.waiters.get(key) ?? [];
    this.waiters.delete(key);
    for (const w of list) {
      clearTimeout(w.timer);
      if ('id' in outcome) w.resolve(outcome.id);
      else w.reject(outcome.error);
    }
  }

  /** Shutdown: every held response is refused, so the carrier resends the part. */
  rejectAll(reason: unknown): void {
    for (const list of this.waiters.values())
      for (const w of list) {
        clearTimeout(w.timer);
        w.reject(reason);
      }
    this.waiters.clear();
  }

  markEarly(key: string, part: InboundPart): void {
    const map = this.early.get(key) ?? new Map<number, InboundPart>();
    map.set(part.seq, part);
    this.early.set(key, map);
  }

  /** The message's early parts, no longer tracked here (the message now answers for them). */
  takeEarly(key: string): Map<number, InboundPart> | undefined {
    const early = this.early.get(key);
    this.early.delete(key);
    return early;
  }
}
