import { EventEmitter } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { z } from 'zod';
import { listenSchema } from '../../config/schema.js';
import { BindThrottle } from './bind-throttle.js';
import { SmppClosedError } from './errors.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import { addressAllowed, authenticate, normaliseIp, type ListenerAccount } from './listener-auth.js';
import type { ShortMessage, SubmitMessage } from './messages.js';
import type { Pdu } from './pdu.js';
import { SmscPeer } from './smsc-peer.js';

export type ListenConfig = z.input<typeof listenSchema>;

export interface SmscListenerOptions {
  /** A bound peer's submit_sm (a customer's message): resolve with our message id once it is safe. */
  onSubmit(message: ShortMessage, systemId: string, account: ListenerAccount): Promise<{ messageId: string }>;
  systemId?: string;
  /** Largest command_length accepted (smpp.limits.maxCommandLength). */
  maxCommandLength?: number;
}

/**
 * Switchboard as an SMSC for carriers and aggregators that bind to us (`smpp.listen`). Every
 * peer is bounded: connections in total and per address, a bind within bindTimeoutSeconds, a
 * growing delay after failed binds from an address, an inbound window, enquire_link keep-alive.
 * A failed bind (unknown system_id, wrong password, disallowed address) is ESME_RBINDFAIL, then
 * the connection is closed. Events: 'bound' (systemId, bindType), 'unbound' (systemId, reason),
 * 'refused' (address, reason).
 */
export class SmscListener extends EventEmitter {
  private readonly server: Server;
  private readonly peers = new Set<SmscPeer>();
  private readonly perAddress = new Map<string, number>();
  private readonly accounts = new WeakMap<SmscPeer, ListenerAccount>();
  private readonly throttle: BindThrottle;
  private readonly config: z.output<typeof listenSchema>;
  private rotation = 0;

  constructor(
    config: ListenConfig,
    private readonly options: SmscListenerOptions,
  ) {
    super();
    this.config = listenSchema.parse(config);
    this.throttle = new BindThrottle({
      initialMs: this.config.failedBindDelaySeconds * 1000,
      maxMs: this.config.failedBindMaxDelaySeconds * 1000,
    });
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** system_ids currently bound so that they can receive deliver_sm. */
  receivers(): string[] {
    return [...this.peers].filter((p) => p.canReceive).map((p) => p.systemId!);
  }

  /** Open connections (bound or not). */
  get connections(): number {
    return this.peers.size;
  }

  /**
   * Sends an agent's reply to a bound peer as deliver_sm (to `systemId`, else any receiver, in
   * turn). Rejects with SmppCommandError on a refusal, SmppTimeoutError, or SmppClosedError when
   * nobody who can receive is bound.
   */
  async deliver(message: SubmitMessage, systemId?: string): Promise<Pdu[]> {
    const candidates = [...this.peers].filter(
      (p) => p.canReceive && (systemId === undefined || p.systemId === systemId),
    );
    const peer = candidates[this.rotation++ % Math.max(1, candidates.length)];
    if (!peer) throw new SmppClosedError('deliver_sm');
    return peer.deliver(message);
  }

  /** Unbinds every peer (bounded) and stops listening. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all([...this.peers].map((p) => (p.bound ? p.unbind() : p.conn.destroy('listener closing'))));
    await closed;
  }

  private accept(socket: Socket): void {
    const address = normaliseIp(socket.remoteAddress);
    const refusal = this.admission(address);
    if (refusal) {
      socket.on('error', () => undefined);
      socket.destroy();
      this.emit('refused', address, refusal);
      return;
    }
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    const c = this.config;
    const peer = new SmscPeer(socket, {
      windowSize: c.windowSize,
      responseTimeoutMs: c.responseTimeoutSeconds * 1000,
      systemId: this.options.systemId ?? 'switchboard',
      enquireLinkMs: c.enquireLinkSeconds * 1000,
      inboundWindow: c.inboundWindow,
      ...(this.options.maxCommandLength ? { maxCommandLength: this.options.maxCommandLength } : {}),
      authenticate: (systemId, password, p) => this.authenticate(systemId, password, address, p),
      onSubmit: (message, p) => this.options.onSubmit(message, p.systemId!, this.accounts.get(p)!),
    });
    this.peers.add(peer);
    peer.on('bound', () => this.emit('bound', peer.systemId, peer.bindType));
    // A peer that connects and never binds must not hold a socket forever.
    const bindTimer = setTimeout(() => {
      if (!peer.bound) peer.conn.destroy('no bind in time');
    }, c.bindTimeoutSeconds * 1000);
    peer.once('bound', () => clearTimeout(bindTimer));
    peer.once('close', (reason: string) => {
      clearTimeout(bindTimer);
      this.peers.delete(peer);
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
      if (peer.systemId) this.emit('unbound', peer.systemId, reason);
    });
  }

  /** Why a new connection from `address` is refused outright, if it is. */
  private admission(address: string): string | undefined {
    if (this.peers.size >= this.config.maxConnections) return `connection cap (${this.config.maxConnections}) reached`;
    if ((this.perAddress.get(address) ?? 0) >= this.config.maxConnectionsPerAddress)
      return `per-address cap (${this.config.maxConnectionsPerAddress}) reached`;
    // When every account names its addresses, nobody else needs a socket at all.
    const lists = this.config.accounts.map((a) => a.allowedAddresses);
    if (lists.every((l) => l !== undefined) && !lists.some((l) => addressAllowed(address, l!)))
      return 'address not allowed for any account';
    return undefined;
  }

  private async authenticate(systemId: string, password: string, address: string, peer: SmscPeer): Promise<number> {
    const wait = this.throttle.delayFor(address);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait).unref());
    const account = authenticate(this.config.accounts, systemId, password, address);
    if (!account) {
      this.throttle.failed(address);
      return STATUS.ESME_RBINDFAIL;
    }
    this.throttle.succeeded(address);
    this.accounts.set(peer, account);
    return STATUS.ESME_ROK;
  }
}
