import { decodePdu, encodePdu, type Pdu } from '../../../smpp-gateway/session/pdu.js';
import type { RawClient } from './support.js';

// PDUs written by hand for the tests that play a peer over a raw socket (hostile or legitimate),
// and the one way they wait for an answer.

/** bind_transceiver, by default with the demo's aggregator account. */
export const bindPdu = (seq: number, systemId = 'aggregator-b', password = 'secret2'): Buffer =>
  encodePdu('bind_transceiver', seq, 0, {
    system_id: systemId,
    password,
    system_type: '',
    interface_version: 0x34,
    addr_ton: 0,
    addr_npi: 0,
    address_range: '',
  });

/** A one-part GSM text from a customer to the Support number: submit_sm to a listener, deliver_sm to an ESME. */
export const textPdu = (command: 'submit_sm' | 'deliver_sm', seq: number, text = 'hi'): Buffer =>
  encodePdu(command, seq, 0, {
    source_addr: '15557654321',
    source_addr_ton: 1,
    source_addr_npi: 1,
    destination_addr: '15551230000',
    dest_addr_ton: 1,
    dest_addr_npi: 1,
    data_coding: 0,
    short_message: Buffer.from(text),
  });

/** Reads frames until the response to `seq` arrives; null when the peer closed first. */
export async function answerTo(client: RawClient, seq: number, ms = 10_000): Promise<Pdu | null> {
  for (;;) {
    const frame = await client.frame(ms);
    if (!frame) return null;
    const pdu = decodePdu(frame);
    if (pdu.sequence_number === seq && pdu.command_id >= 0x80000000) return pdu;
  }
}
