import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { encodeGenericNack, MAX_COMMAND_LENGTH } from '../../platform/smpp-codec/frame.js';
import { FrameReader } from '../../platform/smpp-codec/frame-reader.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import { encodePdu, smppLib, type Pdu } from './pdu.js';
import { PduInbound } from './pdu-inbound.js';
import { RequestWindow, type RequestOptions } from './request-window.js';

interface PduConnectionOptions {
  /** Unacknowledged outgoing requests allowed at once; more wait in FIFO order. */
  windowSize: number;
  responseTimeoutMs: number;
  /** Largest command_length accepted (default 64 KiB); a larger one is a framing error. */
  maxCommandLength?: number;
  /** Inbound requests awaiting our response at once (default 64); beyond it ESME_RTHROTTLED. */
  inboundWindow?: number;
}

/** After a framing error the nack gets this long to flush before the socket is destroyed. */
const NACK_FLUSH_MS = 250;

/**
 * One SMPP TCP connection, either side: framing (codec/frame-reader), decoding, request/response
 * matching through a RequestWindow. enquire_link is answered here; anything undecodable gets a
 * generic_nack and the connection carries on. A broken frame boundary cannot be resynchronised,
 * so it gets a generic_nack and the socket is destroyed ('close' with the reason): the owner
 * replaces it. No error raised while handling the peer's bytes leaves this class: a handler that
 * throws gets its request answered ESME_RSYSERR. Events: 'request' (pdu), 'pdu' (every decoded
 * inbound pdu), 'close' (reason: string), 'decode-error' (PduDecodeError).
 */
export class PduConnection extends EventEmitter {
  private readonly window: RequestWindow;
  private reader: FrameReader;
  private closedReason: string | undefined;
  private readonly inbound: PduInbound;
  lastReceivedAt = Date.now();

  constructor(
    readonly socket: Socket,
    options: PduConnectionOptions,
  ) {
    super();
    this.window = new RequestWindow(options.windowSize, options.responseTimeoutMs);
    this.reader = new FrameReader(options.maxCommandLength ?? MAX_COMMAND_LENGTH);
    this.inbound = new PduInbound(options.inboundWindow ?? 64, this, (seq, result) => this.window.settle(seq, result));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.terminate(`socket error: ${error.message}`));
    socket.on('close', () => this.terminate('connection closed by peer'));
  }

  get closed(): boolean {
    return this.closedReason !== undefined;
  }
  /** Outgoing requests sent and not yet answered. */
  get inFlight(): number {
    return this.window.inFlight;
  }
  /** Inbound requests waiting for our response. */
  get inboundInFlight(): number {
    return this.inbound.inFlight;
  }

  /** Sends a request when the window allows; resolves with its response, whatever its status. */
  request(command: string, fields: Record<string, unknown> = {}, opts: RequestOptions = {}): Promise<Pdu> {
    return this.window.send(command, (seq) => this.write(encodePdu(command, seq, 0, fields)), opts);
  }

  respond(request: Pdu, status = 0, fields: Record<string, unknown> = {}): void {
    this.inbound.answered(request.sequence_number);
    const command = `${request.command}_resp`;
    // alert_notification and outbind have no response PDU: a refusal of them is a generic_nack.
    if (!smppLib.commands[command]) return void (status !== 0 && this.genericNack(request.sequence_number, status));
    this.write(encodePdu(command, request.sequence_number, status, status === 0 ? fields : {}));
  }

  genericNack(sequence: number, status: number): void {
    this.inbound.answered(sequence);
    this.write(encodeGenericNack(sequence, status));
  }

  write(buffer: Buffer): void {
    if (this.closedReason === undefined && this.socket.writable) this.socket.write(buffer);
  }

  /** Queues inbound requests until release() (PduInbound.hold says why). */
  hold(): void {
    this.inbound.hold();
  }

  release(): void {
    this.inbound.release();
  }

  /** Waits (bounded) for every sent request to be answered or to time out. */
  drain(maxMs: number): Promise<void> {
    return this.window.drain(maxMs);
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

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.lastReceivedAt = Date.now();
    try {
      const { frames, error } = this.reader.push(chunk);
      for (const frame of frames) {
        if (this.closed) return;
        this.inbound.frame(frame);
      }
      if (error && !this.closed)
        this.abandon(error.sequence ?? 0, `framing error: command_length ${error.commandLength}`);
    } catch (error) {
      // Nothing the peer sends may reach the event loop as an exception.
      this.destroy(`internal error handling the peer's bytes: ${(error as Error).message}`);
    }
  }

  /** generic_nack, then the socket is destroyed once it flushed (or after NACK_FLUSH_MS). */
  private abandon(sequence: number, reason: string): void {
    const socket = this.socket;
    const kill = (): void => {
      socket.destroy();
    };
    if (socket.writable) socket.write(encodeGenericNack(sequence, STATUS.ESME_RINVCMDLEN), kill);
    setTimeout(kill, NACK_FLUSH_MS).unref();
    socket.pause();
    this.terminate(reason);
  }

  private terminate(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    this.reader = new FrameReader(0);
    this.inbound.clear();
    this.window.failAll(reason);
    this.emit('close', reason);
  }
}
