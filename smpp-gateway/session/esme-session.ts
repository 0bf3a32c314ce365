import { EventEmitter } from 'node:events';
import type { BindConfig } from '../../config/schema.js';
import { backoffDelay, delay, DEFAULT_REBIND_BACKOFF, DEFAULT_THROTTLE_BACKOFF, type BackoffOptions } from './backoff.js';
import { bindCommandsFor, openBoundConnection, startKeepalive } from './esme-bind.js';
import { SmppClosedError, SmppCommandError, SmppConnectionLostError, SmppTimeoutError, STATUS } from './errors.js';
import { shortMessageFields, statusOfRejection, toShortMessage, type ShortMessage, type SubmitMessage, type SubmitPart } from './messages.js';
import type { Pdu } from './pdu.js';
import type { PduConnection } from './pdu-connection.js';
import { TokenBucket } from './token-bucket.js';

export type EsmeState = 'idle' | 'connecting' | 'bound' | 'backoff' | 'unbinding' | 'closed';
/** Resolve to ack with ESME_ROK; reject (optionally with `status`) to have the carrier retry. */
export type DeliverHandler = (message: ShortMessage, bindId: string) => Promise<void>;

export interface EsmeSessionOptions {
  onDeliver?: DeliverHandler;
  rebindBackoff?: BackoffOptions;
  throttleBackoff?: BackoffOptions;
  /** Retries of a submit answered ESME_RTHROTTLED or ESME_RMSGQFUL before it fails (default 5). */
  throttleRetries?: number;
  /** How long a submit waits for a bind before failing with SmppTimeoutError (default 30 s). */
  bindWaitMs?: number;
  /** Bound on waiting for in-flight responses at shutdown (default 5 s). */
  drainMs?: number;
}

const THROTTLING = new Set([STATUS.ESME_RTHROTTLED, STATUS.ESME_RMSGQFUL]);

/**
 * An ESME bind to one carrier, kept alive: rebinds with backoff whenever the link is lost or
 * refused. Events: 'state' (EsmeState), 'bound', 'unbound' (reason), 'bind-failed' (Error).
 * Submits wait for a bind, a token and a window slot; an unsent submit survives a rebind, a sent
 * one whose connection dies rejects with SmppConnectionLostError (sent: true, outcome unknown).
 */
export class EsmeSession extends EventEmitter {
  state: EsmeState = 'idle';
  private transmitter: PduConnection | undefined;
  private connections: PduConnection[] = [];
  private readonly bucket: TokenBucket;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private readonly timeoutMs: number;

  constructor(readonly config: BindConfig, private readonly options: EsmeSessionOptions = {}) {
    super();
    this.bucket = new TokenBucket(config.maxSubmitsPerSecond);
    this.timeoutMs = config.responseTimeoutSeconds * 1000;
  }

  start(): this {
    this.running ??= this.run();
    return this;
  }

  /** Resolves once bound (now or later); rejects after `timeoutMs` or on close. */
  whenBound(timeoutMs = this.options.bindWaitMs ?? 30_000): Promise<PduConnection> {
    if (this.transmitter && this.state === 'bound') return Promise.resolve(this.transmitter);
    if (this.state === 'closed' || this.state === 'unbinding') return Promise.reject(new SmppClosedError('bind'));
    return new Promise<PduConnection>((resolve, reject) => {
      const onState = (): void => {
        if (this.state === 'bound' && this.transmitter) done(() => resolve(this.transmitter!));
        else if (this.state === 'closed' || this.state === 'unbinding') done(() => reject(new SmppClosedError('bind')));
      };
      const timer = setTimeout(() => done(() => reject(new SmppTimeoutError('bind', timeoutMs, false))), timeoutMs);
      const done = (settle: () => void): void => { clearTimeout(timer); this.off('state', onState); settle(); };
      this.on('state', onState);
    });
  }

  /** Sends every part; resolves with the carrier's message ids in part order. */
  async submit(message: SubmitMessage): Promise<{ messageIds: string[] }> {
    const results = await Promise.allSettled(message.parts.map((part) => this.submitPart(message, part)));
    const messageIds = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (!failed) return { messageIds };
    const error: unknown = failed.reason;
    if (error instanceof SmppCommandError) throw new SmppCommandError(error.status, error.command, messageIds);
    throw error;
  }

  /** Unbinds and drains (bounded by drainMs); pending submits fail with SmppClosedError. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.setState('unbinding');
    this.abort.abort();
    this.bucket.releaseAll();
    const drainMs = this.options.drainMs ?? 5_000;
    await Promise.all(this.connections.map(async (conn) => {
      await conn.drain(drainMs);
      await conn.request('unbind', {}, { bypassWindow: true, timeoutMs: Math.min(drainMs, this.timeoutMs) }).catch(() => undefined);
      conn.end('unbound');
    }));
    await this.running;
    this.setState('closed');
  }

  private async submitPart(message: SubmitMessage, part: SubmitPart): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      await this.bucket.take();
      if (this.abort.signal.aborted) throw new SmppClosedError('submit_sm');
      const conn = await this.whenBound();
      let resp: Pdu;
      try {
        resp = await conn.request('submit_sm', shortMessageFields(message, part));
      } catch (error) {
        if (error instanceof SmppConnectionLostError && !error.sent && !this.abort.signal.aborted) continue;
        throw error;
      }
      const status = resp.command_status || (resp.command === 'generic_nack' ? STATUS.ESME_RSYSERR : 0);
      if (status === 0) return typeof resp.message_id === 'string' ? resp.message_id : '';
      if (!THROTTLING.has(status) || attempt >= (this.options.throttleRetries ?? 5)) throw new SmppCommandError(status, 'submit_sm');
      await delay(backoffDelay(attempt, this.options.throttleBackoff ?? DEFAULT_THROTTLE_BACKOFF), this.abort.signal);
    }
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.abort.signal.aborted; ) {
      this.setState('connecting');
      try {
        this.connections = await this.bindAll();
        attempt = 0;
        const reason = await this.serve(this.connections);
        this.emit('unbound', reason);
      } catch (error) {
        this.emit('bind-failed', error);
      }
      if (this.abort.signal.aborted) break;
      this.setState('backoff');
      await delay(backoffDelay(attempt++, this.options.rebindBackoff ?? DEFAULT_REBIND_BACKOFF), this.abort.signal);
    }
  }

  private async bindAll(): Promise<PduConnection[]> {
    const opened: PduConnection[] = [];
    try {
      for (const command of bindCommandsFor(this.config)) opened.push(await openBoundConnection(this.config, command, this.timeoutMs));
      return opened;
    } catch (error) {
      for (const conn of opened) conn.destroy('sibling bind failed');
      throw error;
    }
  }

  /** Runs a bound set of connections until one of them goes; the pair lives and dies together. */
  private serve(conns: PduConnection[]): Promise<string> {
    return new Promise<string>((resolve) => {
      for (const conn of conns) {
        startKeepalive(conn, this.config.enquireLinkSeconds * 1000, this.timeoutMs);
        conn.on('request', (pdu: Pdu) => this.onRequest(conn, pdu));
        conn.once('close', (reason: string) => {
          this.transmitter = undefined;
          for (const other of conns) if (other !== conn) other.destroy(`sibling closed: ${reason}`);
          resolve(reason);
        });
      }
      if (conns.some((c) => c.closed)) return;
      this.transmitter = conns[0];
      this.setState('bound');
      this.emit('bound');
    });
  }

  private onRequest(conn: PduConnection, pdu: Pdu): void {
    if (pdu.command === 'deliver_sm') {
      const handler = this.options.onDeliver;
      const handled = handler ? handler(toShortMessage(pdu), this.config.id) : Promise.reject(new Error('no deliver handler'));
      handled.then(
        () => conn.respond(pdu, 0, { message_id: '' }),
        (error: unknown) => conn.respond(pdu, statusOfRejection(error, STATUS.ESME_RX_T_APPN)),
      );
    } else if (pdu.command === 'unbind') {
      conn.respond(pdu);
      conn.end('unbound by carrier');
    } else {
      conn.genericNack(pdu.sequence_number, STATUS.ESME_RINVCMDID);
    }
  }

  private setState(state: EsmeState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }
}
