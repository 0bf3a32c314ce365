import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { delay } from '../session/flow-control.js';
import type { ShortMessage } from '../session/messages.js';
import type { Pdu } from '../session/pdu.js';
import { SmscPeer } from '../session/smsc-peer.js';
import { MtRecorder, type RecordedMt } from './mt-recorder.js';
import { ReceiptQueue } from './receipts.js';
import { SimulatorKnobs } from './knobs.js';
import { deliverMo, type MoRequest, type MoResult } from './mo-delivery.js';

export interface CarrierSimulatorOptions {
  port?: number;
  host?: string;
  receiptDelayMs?: number;
  /** Accepted binds; omitted = any system_id and password. */
  credentials?: { systemId: string; password: string }[];
  windowSize?: number;
  responseTimeoutMs?: number;
}

/**
 * A carrier SMSC on loopback. Records every MT (reassembled, decoded), answers with hex message ids,
 * sends delivery receipts after receiptDelayMs, and sends MOs on demand. `knobs` injects faults.
 * Events: 'mt' (RecordedMt), 'part' (RecordedPart), 'bound' / 'unbound' ({ systemId, bindType }),
 * 'receipt' ({ messageId, stat, status }), 'pdu' (every inbound Pdu, with its peer's systemId).
 */
export class CarrierSimulator extends EventEmitter {
  readonly recorder = new MtRecorder();
  readonly knobs = new SimulatorKnobs();
  readonly peers = new Set<SmscPeer>();
  port = 0;
  private readonly server: Server;
  private readonly receipts: ReceiptQueue;
  private moRef = Math.floor(Math.random() * 256);

  constructor(private readonly options: CarrierSimulatorOptions = {}) {
    super();
    this.server = createServer((socket) => this.accept(socket));
    this.receipts = new ReceiptQueue(
      (id) => this.receiver(id),
      (r) => this.emit('receipt', r),
      options.receiptDelayMs ?? 200,
    );
  }

  get mts(): RecordedMt[] {
    return this.recorder.messages;
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const peer of this.peers) peer.conn.destroy('simulator stopped');
    await closed;
  }

  /** A customer's text as deliver_sm (UDH-segmented when long); resolves on the deliver_sm_resp(s). */
  async sendMo(mo: MoRequest): Promise<MoResult> {
    const peer = this.receiver(mo.systemId);
    if (!peer) throw new Error('no ESME bound to receive');
    this.moRef = (this.moRef + 1) & 0xff;
    return deliverMo(peer, mo, this.moRef);
  }

  /** Writes raw bytes to a bound ESME (malformed-PDU tests). */
  sendRaw(bytes: Buffer, systemId?: string): void {
    const peer = this.receiver(systemId) ?? [...this.peers].find((p) => p.bound);
    if (!peer) throw new Error('no ESME bound');
    peer.conn.write(bytes);
  }

  /** Cuts every connection at once, as a carrier restart would. */
  dropConnections(): void {
    for (const peer of this.peers) peer.conn.destroy('dropped by simulator');
  }

  /** Stops reading from (and so answering) every current connection: a silent, dead link. */
  freeze(): void {
    for (const peer of this.peers) peer.conn.socket.pause();
  }

  boundPeers(): { systemId: string; bindType: string }[] {
    return [...this.peers].filter((p) => p.bound).map((p) => ({ systemId: p.systemId!, bindType: p.bindType! }));
  }

  private receiver(systemId?: string): SmscPeer | undefined {
    return [...this.peers].find((p) => p.canReceive && (systemId === undefined || p.systemId === systemId));
  }

  private accept(socket: Socket): void {
    const peer: SmscPeer = new SmscPeer(socket, {
      windowSize: this.options.windowSize ?? 10,
      responseTimeoutMs: this.options.responseTimeoutMs ?? 10_000,
      systemId: 'simulator',
      authenticate: (systemId, password) => this.knobs.bindStatus(systemId, password, this.options.credentials),
      onSubmit: (sm, p) => this.onSubmit(sm, p),
    });
    this.peers.add(peer);
    peer.conn.on('pdu', (pdu: Pdu) => this.emit('pdu', pdu, peer.systemId));
    peer.on('bound', () => {
      this.emit('bound', { systemId: peer.systemId, bindType: peer.bindType });
      this.receipts.flush();
    });
    peer.once('close', (reason: string) => {
      this.peers.delete(peer);
      if (peer.systemId) this.emit('unbound', { systemId: peer.systemId, bindType: peer.bindType, reason });
    });
  }

  private async onSubmit(sm: ShortMessage, peer: SmscPeer): Promise<{ messageId: string }> {
    const release = this.knobs.enter();
    try {
      if (this.knobs.submitDelayMs > 0) await delay(this.knobs.submitDelayMs);
      const failure = this.knobs.takeSubmitFailure();
      if (failure !== undefined) throw Object.assign(new Error('injected failure'), { status: failure });
      const messageId = randomBytes(6).toString('hex');
      const { part, message } = this.recorder.add(sm, messageId, peer.systemId!);
      this.emit('part', part);
      if (message) this.emit('mt', message);
      this.receipts.schedule(part, sm.registeredDelivery, this.knobs.receiptStat);
      return { messageId };
    } finally {
      release();
    }
  }
}
