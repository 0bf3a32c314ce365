import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { SmppConnectionLostError, SmppTimeoutError, STATUS } from './errors.js';
import { FrameReader } from './frame-reader.js';
import { decodePdu, encodePdu, isResponseId, PduDecodeError, type Pdu } from './pdu.js';

export interface PduConnectionOptions {
  /** Unacknowledged outgoing requests allowed at once; more wait in FIFO order. */
  windowSize: number;
  responseTimeoutMs: number;
}

interface Pending { command: string; resolve(pdu: Pdu): void; reject(error: Error): void; timer: NodeJS.Timeout }
interface Queued { command: string; send(): void; reject(error: Error): void }
export interface RequestOptions { bypassWindow?: boolean; timeoutMs?: number }

/**
 * One SMPP TCP connection, either side: framing, sequence numbers, request/response matching with a
 * timeout on every request, and the window. enquire_link is answered here and never waits for the
 * window; anything undecodable gets a generic_nack. A broken frame boundary cannot be resynchronised,
 * so it ends the connection ('close' with the reason) and the owner replaces it.
 * Events: 'request' (pdu), 'pdu' (every decoded inbound pdu), 'close' (reason: string),
 * 'decode-error' (PduDecodeError).
 */
export class PduConnection extends EventEmitter {
  private sequence = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: Queued[] = [];
  private readonly reader = new FrameReader();
  private closedReason: string | undefined;
  lastReceivedAt = Date.now();

  constructor(readonly socket: Socket, private readonly options: PduConnectionOptions) {
    super();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.terminate(`socket error: ${error.message}`));
    socket.on('close', () => this.terminate('connection closed by peer'));
  }

  get closed(): boolean { return this.closedReason !== undefined; }
  /** Outgoing requests sent and not yet answered. */
  get inFlight(): number { return this.pending.size; }

  request(command: string, fields: Record<string, unknown> = {}, opts: RequestOptions = {}): Promise<Pdu> {
    return new Promise<Pdu>((resolve, reject) => {
      if (this.closedReason !== undefined) return reject(new SmppConnectionLostError(command, false, this.closedReason));
      const timeoutMs = opts.timeoutMs ?? this.options.responseTimeoutMs;
      const send = (): void => {
        const seq = this.nextSequence();
        const timer = setTimeout(() => {
          this.pending.delete(seq);
          reject(new SmppTimeoutError(command, timeoutMs, true));
          this.pump();
        }, timeoutMs);
        this.pending.set(seq, { command, resolve, reject, timer });
        this.write(encodePdu(command, seq, 0, fields));
      };
      if (opts.bypassWindow || (this.queue.length === 0 && this.windowUsed() < this.options.windowSize)) send();
      else this.queue.push({ command, send, reject });
    });
  }

  respond(request: Pdu, status = 0, fields: Record<string, unknown> = {}): void {
    this.write(encodePdu(`${request.command}_resp`, request.sequence_number, status, fields));
  }

  genericNack(sequence: number, status: number): void {
    this.write(encodePdu('generic_nack', sequence, status));
  }

  write(buffer: Buffer): void {
    if (this.closedReason === undefined && this.socket.writable) this.socket.write(buffer);
  }

  /** Waits (bounded) for every sent request to be answered or to time out. */
  async drain(maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    while ((this.pending.size > 0 || this.queue.length > 0) && !this.closed && Date.now() < deadline) {
      await new Promise<void>((r) => { this.once('settled', r); setTimeout(r, Math.max(1, deadline - Date.now())).unref(); });
    }
  }

  /** Graceful: lets written bytes flush, then closes. */
  end(reason = 'closed locally'): void {
    this.socket.end();
    this.terminate(reason);
  }

  destroy(reason: string): void {
    this.socket.destroy();
    this.terminate(reason);
  }

  private windowUsed(): number {
    let used = 0;
    for (const p of this.pending.values()) if (p.command !== 'enquire_link') used++;
    return used;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.windowUsed() < this.options.windowSize && !this.closed) this.queue.shift()!.send();
    this.emit('settled');
  }

  private nextSequence(): number {
    this.sequence = this.sequence >= 0x7fffffff ? 1 : this.sequence + 1;
    return this.sequence;
  }

  private onData(chunk: Buffer): void {
    this.lastReceivedAt = Date.now();
    const { frames, error } = this.reader.push(chunk);
    for (const frame of frames) {
      if (this.closed) return;
      this.onFrame(frame);
    }
    if (error && !this.closed) {
      this.genericNack(0, STATUS.ESME_RINVCMDLEN);
      this.socket.end();
      this.terminate(`framing error: ${error}`);
    }
  }

  private onFrame(frame: Buffer): void {
    let pdu: Pdu;
    try {
      pdu = decodePdu(frame);
    } catch (error) {
      if (!(error instanceof PduDecodeError)) throw error;
      this.emit('decode-error', error);
      if (isResponseId(error.commandId)) this.settle(error.sequenceNumber, undefined, error);
      else this.genericNack(error.sequenceNumber, error.status);
      return;
    }
    this.emit('pdu', pdu);
    if (!isResponseId(pdu.command_id)) {
      if (pdu.command === 'enquire_link') this.respond(pdu);
      else this.emit('request', pdu);
      return;
    }
    this.settle(pdu.sequence_number, pdu);
  }

  private settle(seq: number, pdu: Pdu | undefined, error?: Error): void {
    const entry = this.pending.get(seq);
    if (!entry) return; // late answer to a request that already timed out
    this.pending.delete(seq);
    clearTimeout(entry.timer);
    if (pdu) entry.resolve(pdu);
    else entry.reject(error ?? new Error('unreadable response'));
    this.pump();
  }

  private terminate(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    for (const [, p] of this.pending) { clearTimeout(p.timer); p.reject(new SmppConnectionLostError(p.command, true, reason)); }
    this.pending.clear();
    for (const q of this.queue.splice(0)) q.reject(new SmppConnectionLostError(q.command, false, reason));
    this.emit('settled');
    this.emit('close', reason);
  }
}
