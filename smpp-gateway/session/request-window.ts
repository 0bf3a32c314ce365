import { EventEmitter } from 'node:events';
import { SmppConnectionLostError, SmppTimeoutError } from './errors.js';
import type { Pdu } from './pdu.js';

interface Pending {
  command: string;
  resolve(pdu: Pdu): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}
interface Queued {
  command: string;
  send(): void;
  reject(error: Error): void;
}
export interface RequestOptions {
  bypassWindow?: boolean;
  timeoutMs?: number;
}

/**
 * Outgoing requests of one connection: sequence numbers, a response timeout on each, and at most
 * `windowSize` unanswered (enquire_link and other bypassing requests do not count, so a full window
 * never starves the keepalive). Requests beyond the window wait in FIFO order.
 */
export class RequestWindow extends EventEmitter {
  private sequence = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: Queued[] = [];
  private closedReason: string | undefined;

  constructor(
    private readonly windowSize: number,
    private readonly responseTimeoutMs: number,
  ) {
    super();
  }

  get inFlight(): number {
    return this.pending.size;
  }
  get idle(): boolean {
    return this.pending.size === 0 && this.queue.length === 0;
  }

  /** Calls `write(sequence)` once the window allows; resolves with the response PDU. */
  send(command: string, write: (sequence: number) => void, opts: RequestOptions = {}): Promise<Pdu> {
    return new Promise<Pdu>((resolve, reject) => {
      if (this.closedReason !== undefined)
        return reject(new SmppConnectionLostError(command, false, this.closedReason));
      const timeoutMs = opts.timeoutMs ?? this.responseTimeoutMs;
      const send = (): void => {
        this.sequence = this.sequence >= 0x7fffffff ? 1 : this.sequence + 1;
        const seq = this.sequence;
        const timer = setTimeout(() => {
          this.pending.delete(seq);
          reject(new SmppTimeoutError(command, timeoutMs, true));
          this.pump();
        }, timeoutMs);
        this.pending.set(seq, { command, resolve, reject, timer });
        write(seq);
      };
      if (opts.bypassWindow || (this.queue.length === 0 && this.windowUsed() < this.windowSize)) send();
      else this.queue.push({ command, send, reject });
    });
  }

  /** A response (or an unreadable one) arrived; unknown sequences are late answers and ignored. */
  settle(sequence: number, result: Pdu | Error): void {
    const entry = this.pending.get(sequence);
    if (!entry) return;
    this.pending.delete(sequence);
    clearTimeout(entry.timer);
    if (result instanceof Error) entry.reject(result);
    else entry.resolve(result);
    this.pump();
  }

  /** The connection is gone: sent requests fail as `sent` (outcome unknown), queued ones as unsent. */
  failAll(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new SmppConnectionLostError(p.command, true, reason));
    }
    this.pending.clear();
    for (const q of this.queue.splice(0)) q.reject(new SmppConnectionLostError(q.command, false, reason));
    this.emit('settled');
  }

  /** Waits, at most `maxMs`, until nothing is in flight or queued. */
  async drain(maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (!this.idle && this.closedReason === undefined && Date.now() < deadline) {
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.max(1, deadline - Date.now()));
        this.once('settled', () => {
          clearTimeout(timer);
          r();
        });
      });
    }
  }

  private windowUsed(): number {
    let used = 0;
    for (const p of this.pending.values()) if (p.command !== 'enquire_link' && p.command !== 'unbind') used++;
    return used;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.windowUsed() < this.windowSize && this.closedReason === undefined)
      this.queue.shift()!.send();
    this.emit('settled');
  }
}
