import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { encodeGenericNack, splitFrames } from '../codec/frame.js';
import { STATUS } from './errors.js';
import { decodePdu, encodePdu, isResponseId, PduDecodeError, type Pdu } from './pdu.js';
import { RequestWindow, type RequestOptions } from './request-window.js';

export type { RequestOptions };

export interface PduConnectionOptions {
  /** Unacknowledged outgoing requests allowed at once; more wait in FIFO order. */
  windowSize: number;
  responseTimeoutMs: number;
}

/**
 * One SMPP TCP connection, either side: framing (codec/frame), decoding, request/response matching
 * through a RequestWindow. enquire_link is answered here; anything undecodable gets a generic_nack
 * and the connection carries on. A broken frame boundary cannot be resynchronised, so it gets a
 * generic_nack and ends the connection ('close' with the reason): the owner replaces it.
 * Events: 'request' (pdu), 'pdu' (every decoded inbound pdu), 'close' (reason: string),
 * 'decode-error' (PduDecodeError).
 */
export class PduConnection extends EventEmitter {
  private readonly window: RequestWindow;
  private buffered: Buffer = Buffer.alloc(0);
  private closedReason: string | undefined;
  private held: Pdu[] | undefined;
  lastReceivedAt = Date.now();

  constructor(readonly socket: Socket, options: PduConnectionOptions) {
    super();
    this.window = new RequestWindow(options.windowSize, options.responseTimeoutMs);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.terminate(`socket error: ${error.message}`));
    socket.on('close', () => this.terminate('connection closed by peer'));
  }

  get closed(): boolean { return this.closedReason !== undefined; }
  /** Outgoing requests sent and not yet answered. */
  get inFlight(): number { return this.window.inFlight; }

  /** Sends a request when the window allows; resolves with its response, whatever its status. */
  request(command: string, fields: Record<string, unknown> = {}, opts: RequestOptions = {}): Promise<Pdu> {
    return this.window.send(command, (seq) => this.write(encodePdu(command, seq, 0, fields)), opts);
  }

  respond(request: Pdu, status = 0, fields: Record<string, unknown> = {}): void {
    this.write(encodePdu(`${request.command}_resp`, request.sequence_number, status, fields));
  }

  genericNack(sequence: number, status: number): void {
    this.write(encodeGenericNack(sequence, status));
  }

  write(buffer: Buffer): void {
    if (this.closedReason === undefined && this.socket.writable) this.socket.write(buffer);
  }

  /**
   * Queues inbound requests until release(): a carrier may send deliver_sm in the same packet as
   * bind_resp, before the session has attached its handler, and such a PDU must not be refused.
   */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const pdu of held) if (!this.closed) this.emit('request', pdu);
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
    this.lastReceivedAt = Date.now();
    const { frames, rest, error } = splitFrames(this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk);
    this.buffered = rest;
    for (const frame of frames) {
      if (this.closed) return;
      this.onFrame(frame);
    }
    if (error && !this.closed) {
      this.genericNack(error.sequence ?? 0, STATUS.ESME_RINVCMDLEN);
      this.end(`framing error: command_length ${error.commandLength}`);
    }
  }

  private onFrame(frame: Buffer): void {
    let pdu: Pdu;
    try {
      pdu = decodePdu(frame);
    } catch (error) {
      if (!(error instanceof PduDecodeError)) throw error;
      this.emit('decode-error', error);
      if (isResponseId(error.commandId)) this.window.settle(error.sequenceNumber, error);
      else this.genericNack(error.sequenceNumber, error.status);
      return;
    }
    this.emit('pdu', pdu);
    if (isResponseId(pdu.command_id)) this.window.settle(pdu.sequence_number, pdu);
    else if (pdu.command === 'enquire_link') this.respond(pdu);
    else if (this.held) this.held.push(pdu);
    else this.emit('request', pdu);
  }

  private terminate(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    this.window.failAll(reason);
    this.emit('close', reason);
  }
}
