import { connect, type Socket } from 'node:net';
import type { BindConfig } from '../../config/schema.js';
import { SmppCommandError, SmppTimeoutError } from './errors.js';
import { PduConnection } from './pdu-connection.js';

export type BindCommand = 'bind_transceiver' | 'bind_transmitter' | 'bind_receiver';

export function bindCommandsFor(config: BindConfig): BindCommand[] {
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
 */
export async function openBoundConnection(config: BindConfig, command: BindCommand, timeoutMs: number): Promise<PduConnection> {
  const socket = await openSocket(config.host, config.port, timeoutMs);
  const conn = new PduConnection(socket, { windowSize: config.windowSize, responseTimeoutMs: timeoutMs });
  // Nothing may arrive before bind_resp except enquire_link (answered by PduConnection) or junk.
  const early = (pdu: { sequence_number: number }) => conn.genericNack(pdu.sequence_number, 0x04);
  conn.on('request', early);
  try {
    const resp = await conn.request(command, {
      system_id: config.systemId,
      password: config.password,
      system_type: config.systemType,
      interface_version: 0x34,
      addr_ton: 0,
      addr_npi: 0,
      address_range: '',
    }, { bypassWindow: true });
    if (resp.command_status !== 0) throw new SmppCommandError(resp.command_status, command);
    return conn;
  } catch (error) {
    conn.destroy('bind failed');
    throw error;
  } finally {
    conn.off('request', early);
  }
}

/**
 * enquire_link every interval once bound, in both directions handled by PduConnection. An
 * enquire_link left unanswered for the response timeout means the link is dead: the connection is
 * destroyed and its owner rebinds.
 */
export function startKeepalive(conn: PduConnection, intervalMs: number, timeoutMs: number): () => void {
  const timer = setInterval(() => {
    conn.request('enquire_link', {}, { bypassWindow: true, timeoutMs }).catch((error: Error) => {
      if (!conn.closed) conn.destroy(`dead link: ${error.message}`);
    });
  }, intervalMs);
  timer.unref();
  const stop = (): void => clearInterval(timer);
  conn.once('close', stop);
  return stop;
}
