import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { SmppCommandError } from './errors.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import {
  shortMessageFields,
  statusOfRejection,
  toShortMessage,
  type ShortMessage,
  type SubmitMessage,
} from './messages.js';
import type { Pdu } from './pdu.js';
import { PduConnection } from './pdu-connection.js';
import { startKeepalive } from './keepalive.js';

type PeerBindType = 'transmitter' | 'receiver' | 'transceiver';

interface SmscPeerOptions {
  windowSize: number;
  responseTimeoutMs: number;
  /** The system_id we answer binds with. */
  systemId: string;
  /** ESME_ROK to accept, else the status for bind_resp (the connection is then closed). */
  authenticate(systemId: string, password: string, peer: SmscPeer): number | Promise<number>;
  /** enquire_link to the bound peer this often (two unanswered drop it); none when absent. */
  enquireLinkMs?: number;
  maxCommandLength?: number;
  inboundWindow?: number;
  /** Resolve with the message id to answer submit_sm with; reject (with `status`) to refuse it. */
  onSubmit(message: ShortMessage, peer: SmscPeer): Promise<{ messageId: string }>;
}

const BIND_TYPES: Record<string, PeerBindType> = {
  bind_transmitter: 'transmitter',
  bind_receiver: 'receiver',
  bind_transceiver: 'transceiver',
};

/**
 * The SMSC side of one connection (our listener or the carrier simulator): bind with credentials,
 * submit_sm answered when the handler settles, deliver_sm through the shared window/timeout code.
 * Events: 'bound', 'close' (reason).
 */
export class SmscPeer extends EventEmitter {
  readonly conn: PduConnection;
  systemId: string | undefined;
  bindType: PeerBindType | undefined;
  /** A bind is being authenticated (possibly delayed by the failed-bind throttle). */
  private binding = false;

  constructor(
    socket: Socket,
    private readonly options: SmscPeerOptions,
  ) {
    super();
    this.conn = new PduConnection(socket, {
      windowSize: options.windowSize,
      responseTimeoutMs: options.responseTimeoutMs,
      ...(options.maxCommandLength ? { maxCommandLength: options.maxCommandLength } : {}),
      ...(options.inboundWindow ? { inboundWindow: options.inboundWindow } : {}),
    });
    this.conn.on('request', (pdu: Pdu) => this.onRequest(pdu));
    this.conn.once('close', (reason: string) => this.emit('close', reason));
  }

  get bound(): boolean {
    return this.bindType !== undefined && !this.conn.closed;
  }
  get canReceive(): boolean {
    return this.bound && this.bindType !== 'transmitter';
  }

  /** One deliver_sm per part; resolves with the responses, rejects with SmppCommandError on a refusal. */
  async deliver(message: SubmitMessage): Promise<Pdu[]> {
    return Promise.all(
      message.parts.map(async (part) => {
        const resp = await this.conn.request(
          'deliver_sm',
          shortMessageFields({ ...message, registeredDelivery: message.registeredDelivery ?? 0 }, part),
        );
        const status = resp.command_status || (resp.command === 'generic_nack' ? STATUS.ESME_RSYSERR : 0);
        if (status !== 0) throw new SmppCommandError(status, 'deliver_sm');
        return resp;
      }),
    );
  }

  /** Graceful unbind initiated by us, bounded by the response timeout. */
  async unbind(): Promise<void> {
    await this.conn.drain(this.options.responseTimeoutMs);
    await this.conn.request('unbind', {}, { bypassWindow: true }).catch(() => undefined);
    this.conn.end('unbound');
  }

  private onRequest(pdu: Pdu): void {
    const bindType = BIND_TYPES[pdu.command];
    if (bindType) return this.onBind(pdu, bindType);
    if (pdu.command === 'unbind') {
      this.conn.respond(pdu);
      this.conn.end('unbound by peer');
      return;
    }
    if (!this.bound) return this.conn.genericNack(pdu.sequence_number, STATUS.ESME_RINVBNDSTS);
    if (pdu.command !== 'submit_sm') return this.conn.genericNack(pdu.sequence_number, STATUS.ESME_RINVCMDID);
    if (this.bindType === 'receiver') return this.conn.respond(pdu, STATUS.ESME_RINVBNDSTS);
    let handled: Promise<{ messageId: string }>;
    try {
      handled = this.options.onSubmit(toShortMessage(pdu), this);
    } catch (error) {
      handled = Promise.reject(error);
    }
    handled.then(
      ({ messageId }) => this.conn.respond(pdu, 0, { message_id: messageId }),
      (error: unknown) => this.conn.respond(pdu, statusOfRejection(error, STATUS.ESME_RSYSERR)),
    );
  }

  private onBind(pdu: Pdu, bindType: PeerBindType): void {
    // A refused bind_resp carries no body; an accepted one names us.
    if (this.bindType || this.binding) return this.conn.respond(pdu, STATUS.ESME_RALYBND);
    this.binding = true;
    const systemId = typeof pdu.system_id === 'string' ? pdu.system_id : '';
    const password = typeof pdu.password === 'string' ? pdu.password : '';
    let decided: Promise<number>;
    try {
      decided = Promise.resolve(this.options.authenticate(systemId, password, this));
    } catch (error) {
      decided = Promise.reject(error);
    }
    void decided
      .catch(() => STATUS.ESME_RBINDFAIL)
      .then((status) => {
        this.binding = false;
        if (this.conn.closed) return;
        this.conn.respond(pdu, status, status === 0 ? { system_id: this.options.systemId } : {});
        if (status !== 0) return this.conn.end(`bind refused: 0x${status.toString(16)}`);
        this.systemId = systemId;
        this.bindType = bindType;
        if (this.options.enquireLinkMs)
          startKeepalive(this.conn, this.options.enquireLinkMs, this.options.responseTimeoutMs);
        this.emit('bound');
      });
  }
}
