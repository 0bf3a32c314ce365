import { EventEmitter } from 'node:events';
import type { BindConfig } from '../../config/schema.js';
import { answerCarrierRequest, bindAll, startKeepalive, type DeliverHandler } from './esme-bind.js';
import { submitMessage } from './esme-submit.js';
import { SmppClosedError, SmppTimeoutError } from './errors.js';
import { backoffDelay, delay, DEFAULT_REBIND_BACKOFF, TokenBucket, type BackoffOptions } from './flow-control.js';
import type { SubmitMessage } from './messages.js';
import type { Pdu } from './pdu.js';
import type { PduConnection } from './pdu-connection.js';

type EsmeState = 'idle' | 'connecting' | 'bound' | 'backoff' | 'unbinding' | 'closed';

export interface EsmeSessionOptions {
  /** Resolve to ack with ESME_ROK; reject (optionally with `status`) to have the carrier retry. */
  onDeliver?: DeliverHandler;
  rebindBackoff?: BackoffOptions;
  throttleBackoff?: BackoffOptions;
  /** Retries of a submit answered ESME_RTHROTTLED or ESME_RMSGQFUL before it fails (default 5). */
  throttleRetries?: number;
  /** How long a submit waits for a bind before failing with SmppTimeoutError (default 30 s). */
  bindWaitMs?: number;
  /** Bound on waiting for in-flight responses at shutdown (default 5 s). */
  drainMs?: number;
  /** Largest command_length accepted from the carrier (default 64 KiB). */
  maxCommandLength?: number;
}

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

  constructor(
    readonly config: BindConfig,
    private readonly options: EsmeSessionOptions = {},
  ) {
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
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        this.off('state', onState);
        settle();
      };
      this.on('state', onState);
    });
  }

  /**
   * Sends every part (Buffers with explicit data_coding, e.g. from the codec's segmentText); resolves
   * with the carrier's message ids in part order. Rejects with SmppCommandError, SmppTimeoutError,
   * SmppConnectionLostError or SmppClosedError.
   */
  submit(message: SubmitMessage): Promise<{ messageIds: string[] }> {
    return submitMessage(
      {
        bucket: this.bucket,
        whenBound: () => this.whenBound(),
        signal: this.abort.signal,
        throttleRetries: this.options.throttleRetries ?? 5,
        ...(this.options.throttleBackoff ? { throttleBackoff: this.options.throttleBackoff } : {}),
      },
      message,
    );
  }

  /** Unbinds and drains (bounded by drainMs); pending submits fail with SmppClosedError. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.setState('unbinding');
    this.abort.abort();
    this.bucket.releaseAll();
    const drainMs = this.options.drainMs ?? 5_000;
    await Promise.all(
      this.connections.map(async (conn) => {
        await conn.drain(drainMs);
        await conn
          .request('unbind', {}, { bypassWindow: true, timeoutMs: Math.min(drainMs, this.timeoutMs) })
          .catch(() => undefined);
        conn.end('unbound');
      }),
    );
    await this.running;
    this.setState('closed');
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.abort.signal.aborted;) {
      this.setState('connecting');
      try {
        this.connections = await bindAll(this.config, this.timeoutMs, this.options.maxCommandLength);
        attempt = 0;
        if (this.abort.signal.aborted) {
          for (const conn of this.connections) conn.destroy('closing');
          break;
        }
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

  /** Runs a bound set of connections until one of them goes; the pair lives and dies together. */
  private serve(conns: PduConnection[]): Promise<string> {
    return new Promise<string>((resolve) => {
      for (const conn of conns) {
        startKeepalive(conn, this.config.enquireLinkSeconds * 1000, this.timeoutMs);
        conn.on('request', (pdu: Pdu) => answerCarrierRequest(conn, pdu, this.config.id, this.options.onDeliver));
        conn.once('close', (reason: string) => {
          this.transmitter = undefined;
          for (const other of conns) if (other !== conn) other.destroy(`sibling closed: ${reason}`);
          resolve(reason);
        });
      }
      for (const conn of conns) conn.release();
      if (conns.some((c) => c.closed)) return;
      this.transmitter = conns[0];
      this.setState('bound');
      this.emit('bound');
    });
  }

  private setState(state: EsmeState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }
}
