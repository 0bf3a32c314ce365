import { STATUS } from '../../platform/smpp-codec/status.js';
import { decodePdu, isResponseId, PduDecodeError, type Pdu } from './pdu.js';

// The inbound half of a PduConnection: each frame decoded and routed (a response to the request
// window, enquire_link answered at once, a request to the owner), the peer's requests counted
// against our inbound window, and held while the session attaches its handler.

/** Requests answered by the session itself, which never wait on a handler. */
const SESSION_COMMANDS = new Set(['enquire_link', 'unbind', 'bind_transmitter', 'bind_receiver', 'bind_transceiver']);

/** What the inbound half needs of its connection. */
export interface InboundPeer {
  readonly closed: boolean;
  emit(event: 'request' | 'pdu' | 'decode-error', value: Pdu | PduDecodeError): unknown;
  respond(request: Pdu, status?: number): void;
  genericNack(sequence: number, status: number): void;
}

export class PduInbound {
  /** Sequence numbers of inbound requests handed to the owner and not answered yet. */
  private readonly unanswered = new Set<number>();
  private held: Pdu[] | undefined;

  constructor(
    private readonly windowSize: number,
    private readonly peer: InboundPeer,
    /** Hands a response (or its decode error) to the request it answers. */
    private readonly settle: (sequence: number, result: Pdu | Error) => void,
  ) {}

  /** Inbound requests waiting for our response. */
  get inFlight(): number {
    return this.unanswered.size;
  }

  answered(sequence: number): void {
    this.unanswered.delete(sequence);
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
    for (const pdu of held) if (!this.peer.closed) this.dispatch(pdu);
  }

  /** The connection closed: nothing held is handed on, nothing is waiting for an answer. */
  clear(): void {
    this.held = undefined;
    this.unanswered.clear();
  }

  frame(frame: Buffer): void {
    let pdu: Pdu;
    try {
      pdu = decodePdu(frame);
    } catch (error) {
      const e = error instanceof PduDecodeError ? error : new PduDecodeError(String(error), 0, 0, STATUS.ESME_RSYSERR);
      this.peer.emit('decode-error', e);
      if (isResponseId(e.commandId)) this.settle(e.sequenceNumber, e);
      else this.peer.genericNack(e.sequenceNumber, e.status);
      return;
    }
    this.peer.emit('pdu', pdu);
    if (isResponseId(pdu.command_id)) return this.settle(pdu.sequence_number, pdu);
    if (pdu.command === 'enquire_link') return this.peer.respond(pdu);
    if (!SESSION_COMMANDS.has(pdu.command) && this.unanswered.size >= this.windowSize) {
      // The peer ignores our window: refuse rather than queue without bound.
      return this.peer.respond(pdu, STATUS.ESME_RTHROTTLED);
    }
    if (!SESSION_COMMANDS.has(pdu.command)) this.unanswered.add(pdu.sequence_number);
    if (this.held) this.held.push(pdu);
    else this.dispatch(pdu);
  }

  /** A handler that throws gets its request answered ESME_RSYSERR. */
  private dispatch(pdu: Pdu): void {
    try {
      this.peer.emit('request', pdu);
    } catch {
      if (!this.peer.closed) this.peer.respond(pdu, STATUS.ESME_RSYSERR);
    }
  }
}
