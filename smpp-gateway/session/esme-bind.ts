import { connect, type Socket } from 'node:net';
import type { BindConfig } from '../../config/schema.js';
import { SmppCommandError, SmppTimeoutError } from './errors.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import { statusOfRejection, toShortMessage, type ShortMessage } from './messages.js';
import type { Pdu } from './pdu.js';
import { PduConnection } from './pdu-connection.js';

export { startKeepalive } from './keepalive.js';

type BindCommand = 'bind_transceiver' | 'bind_transmitter' | 'bind_receiver';

function bindCommandsFor(config: BindConfig): BindCommand[] {
  return config.bindType === 'transceiver' ? ['bind_transceiver'] : ['bind_transmitter', 'bind_receiver'];
}

function openSocket(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SmppTimeoutError('connect', timeoutMs, false));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * One TCP connection bound with `command`. A refused bind (ESME_RALYBND, ESME_RINVPASWD, ...) is an
 * SmppCommandError; the connection is closed either way so nothing half-bound is left behind.
 * Inbound requests are held until the caller has its handler in place (see PduConnection.hold).
 */
async function openBoundConnection(
  config: BindConfig,
  command: BindCommand,
  timeoutMs: number,
  maxCommandLength?: number,
): Promise<PduConnection> {
  const socket = await openSocket(config.host, config.port, timeoutMs);
  const conn = new PduConnection(socket, {
    windowSize: config.windowSize,
    responseTimeoutMs: timeoutMs,
    ...(config.inboundWindow ? { inboundWindow: config.inboundWindow } : {}),
    ...(maxCommandLength ? { maxCommandLength } : {}),
  });
  conn.hold();
  try {
    const resp = await conn.request(
      command,
      {
        system_id: config.systemId,
        password: config.password,
        system_type: config.systemType,
        interface_version: 0x34,
        addr_ton: 0,
        addr_npi: 0,
        address_range: '',
      },
      { bypassWindow: true },
    );
    if (resp.command_status !== 0) throw new SmppCommandError(resp.command_status, command);
    return conn;
  } catch (error) {
    conn.destroy('bind failed');
    throw error;
  }
}

/** Every bind the config asks for (one transceiver, or transmitter then receiver), all or none. */
export async function bindAll(
  config: BindConfig,
  timeoutMs: number,
  maxCommandLength?: number,
): Promise<PduConnection[]> {
  const opened: PduConnection[] = [];
  try {
    for (const command of bindCommandsFor(config))
      opened.push(await openBoundConnection(config, command, timeoutMs, maxCommandLength));
    return opened;
  } catch (error) {
    for (const conn of opened) conn.destroy('sibling bind failed');
    throw error;
  }
}

export type DeliverHandler = (message: ShortMessage, bindId: string) => Promise<void>;

/**
 * What a carrier may ask of an ESME. deliver_sm (MO or receipt) is acked only once the handler has
 * settled: ESME_ROK when it resolved, its `status` or ESME_RX_T_APPN when it rejected, so an MO is
 * never acknowledged before it is safe. Without a handler nothing is acked and the carrier retries.
 */
export function answerCarrierRequest(
  conn: PduConnection,
  pdu: Pdu,
  bindId: string,
  handler: DeliverHandler | undefined,
): void {
  if (pdu.command === 'deliver_sm') {
    let handled: Promise<void>;
    try {
      handled = handler ? handler(toShortMessage(pdu), bindId) : Promise.reject(new Error('no deliver handler'));
    } catch (error) {
      handled = Promise.reject(error);
    }
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
