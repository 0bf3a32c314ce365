import { EventEmitter } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { SwitchboardConfig } from '../../config/schema.js';
import { SmppClosedError, STATUS } from './errors.js';
import type { ShortMessage, SubmitMessage } from './messages.js';
import type { Pdu } from './pdu.js';
import { SmscPeer } from './smsc-peer.js';

export type ListenConfig = NonNullable<SwitchboardConfig['smpp']['listen']>;

export interface SmscListenerOptions {
  /** A bound peer's submit_sm (a customer's message): resolve with our message id once it is safe. */
  onSubmit(message: ShortMessage, systemId: string): Promise<{ messageId: string }>;
  windowSize?: number;
  responseTimeoutSeconds?: number;
  systemId?: string;
}

/**
 * Switchboard as an SMSC for carriers and aggregators that bind to us (`smpp.listen`). A wrong
 * system_id gets ESME_RINVSYSID, a wrong password ESME_RINVPASWD, and the connection is closed.
 * Events: 'bound' (systemId, bindType), 'unbound' (systemId, reason).
 */
export class SmscListener extends EventEmitter {
  private readonly server: Server;
  private readonly peers = new Set<SmscPeer>();
  private rotation = 0;

  constructor(private readonly config: ListenConfig, private readonly options: SmscListenerOptions) {
    super();
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

  /**
   * Sends an agent's reply to a bound peer as deliver_sm (to `systemId`, else any receiver, in
   * turn). Rejects with SmppCommandError on a refusal, SmppTimeoutError, or SmppClosedError when
   * nobody who can receive is bound.
   */
  async deliver(message: SubmitMessage, systemId?: string): Promise<Pdu[]> {
    const candidates = [...this.peers].filter((p) => p.canReceive && (systemId === undefined || p.systemId === systemId));
    const peer = candidates[this.rotation++ % Math.max(1, candidates.length)];
    if (!peer) throw new SmppClosedError('deliver_sm');
    return peer.deliver(message);
  }

  /** Unbinds every peer (bounded) and stops listening. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all([...this.peers].map((p) => p.unbind()));
    await closed;
  }

  private accept(socket: Socket): void {
    const timeoutMs = (this.options.responseTimeoutSeconds ?? 10) * 1000;
    const peer = new SmscPeer(socket, {
      windowSize: this.options.windowSize ?? 10,
      responseTimeoutMs: timeoutMs,
      systemId: this.options.systemId ?? 'switchboard',
      authenticate: (systemId, password) => {
        const account = this.config.accounts.find((a) => a.systemId === systemId);
        if (!account) return STATUS.ESME_RINVSYSID;
        return account.password === password ? STATUS.ESME_ROK : STATUS.ESME_RINVPASWD;
      },
      onSubmit: (message, p) => this.options.onSubmit(message, p.systemId!),
    });
    this.peers.add(peer);
    peer.on('bound', () => this.emit('bound', peer.systemId, peer.bindType));
    peer.once('close', (reason: string) => {
      this.peers.delete(peer);
      if (peer.systemId) this.emit('unbound', peer.systemId, reason);
    });
    // A peer that connects and never binds must not hold a socket forever.
    const bindTimer = setTimeout(() => { if (!peer.bound) peer.conn.destroy('no bind in time'); }, timeoutMs);
    peer.once('bound', () => clearTimeout(bindTimer));
    peer.once('close', () => clearTimeout(bindTimer));
  }
}
