import { once, type EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import type { BindConfig } from '../../../config/schema.js';
import { encodeGsm7 } from '../../../platform/smpp-codec/gsm7.js';
import { testBind } from '../../../harness/test-config.js';
import type { SubmitMessage } from '../../../smpp-gateway/session/messages.js';

/** A BindConfig for loopback with test-friendly timings: the harness's bind, quicker to give up. */
export function bindConfig(port: number, overrides: Partial<BindConfig> = {}): BindConfig {
  return {
    ...testBind(port),
    id: 'carrier-test',
    responseTimeoutSeconds: 2,
    maxSubmitsPerSecond: 1000,
    ...overrides,
  };
}

export const FAST_BACKOFF = { initialMs: 50, maxMs: 400, jitter: 0.2 };

/** A one-part GSM text MT. */
export function gsmMessage(text: string, to = '+15557654321', from = '+15551230000'): SubmitMessage {
  return { source: from, destination: to, parts: [{ shortMessage: encodeGsm7(text), dataCoding: 0 }] };
}

/** Resolves on the first `event` whose arguments satisfy `predicate`; rejects after `ms`. */
export function waitForEvent<T extends unknown[]>(
  emitter: EventEmitter,
  event: string,
  predicate: (...args: T) => boolean = () => true,
  ms = 10_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, handler);
      reject(new Error(`no '${event}' within ${ms} ms`));
    }, ms);
    function handler(...args: unknown[]): void {
      if (!predicate(...(args as T))) return;
      clearTimeout(timer);
      emitter.off(event, handler);
      resolve(args as T);
    }
    emitter.on(event, handler);
  });
}

/** Polls a condition (for state that has no event); a readiness check, not a sleep. */
export async function until(condition: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export { freePort } from '../../../platform/temporal/ports.js';

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s: Socket = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`port ${port} not accepting connections within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A raw SMPP client socket for sending hand-made bytes and reading whole frames back. */
export class RawClient {
  private buffered = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;
  private constructor(readonly socket: Socket) {
    socket.on('data', (c: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, c]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }
  static async open(port: number): Promise<RawClient> {
    const socket = connect({ host: '127.0.0.1', port });
    await once(socket, 'connect');
    return new RawClient(socket);
  }
  /** The same reader over a socket someone else opened (a test's fake carrier accepting). */
  static wrap(socket: Socket): RawClient {
    return new RawClient(socket);
  }
  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }
  /** Next whole frame, or null when the peer closed first. */
  async frame(ms = 5_000): Promise<Buffer | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      if (this.buffered.length >= 4 && this.buffered.length >= this.buffered.readUInt32BE(0)) {
        const len = this.buffered.readUInt32BE(0);
        const f = this.buffered.subarray(0, len);
        this.buffered = this.buffered.subarray(len);
        return f;
      }
      if (this.closed) return null;
      if (Date.now() > deadline) throw new Error('no frame in time');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }
  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
