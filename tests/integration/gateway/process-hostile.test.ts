import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import { decodePdu, encodePdu } from '../../../smpp-gateway/session/pdu.js';
import { startProcess, writeConfigFile, type Child } from '../../../harness/child-process.js';
import { RawClient, waitForEvent } from '../smpp/support.js';
import { BIZ, GatewayHarness } from './support.js';

// Issue 10 as reported: the gateway as its own process (stack/main/gateway.ts, as `npm start` runs
// it), and before any bind one 20-byte enquire_link carrying a 2-byte TLV of length 0. It used to
// throw RangeError out of the socket's data handler and take the process down.
describe('the gateway process faced with the packet of issue 10', () => {
  let h: GatewayHarness;
  let gateway: Child | undefined;
  let port = 0;
  beforeAll(async () => {
    h = await GatewayHarness.start({ gateway: false, listen: true });
    const bound = waitForEvent(h.sim, 'bound', () => true, 60_000);
    gateway = await startProcess(
      'stack/main/gateway.ts',
      { SWITCHBOARD_CONFIG: writeConfigFile(h.config), SWITCHBOARD_TEMPORAL_ADDRESS: h.address },
      /gateway ready: .*listener 127\.0\.0\.1:(\d+)/,
    );
    port = Number(/listener 127\.0\.0\.1:(\d+)/.exec(gateway.output())![1]);
    await bound;
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    await h?.stop();
  });

  it('answers it generic_nack ESME_RINVTLVLEN and keeps serving: the process lives, a bind and an MO over the carrier still work', async () => {
    const attacker = await RawClient.open(port);
    attacker.write(Buffer.from('00000014000000150000000000000007' + '0204' + '0000', 'hex'));
    expect(decodePdu((await attacker.frame())!)).toMatchObject({
      command: 'generic_nack',
      sequence_number: 7,
      command_status: STATUS.ESME_RINVTLVLEN,
    });
    attacker.socket.destroy();
    expect(gateway!.process.exitCode).toBeNull();

    const peer = await RawClient.open(port);
    peer.write(
      encodePdu('bind_transceiver', 1, 0, {
        system_id: 'aggregator-b',
        password: 'secret2',
        system_type: '',
        interface_version: 0x34,
      }),
    );
    expect(decodePdu((await peer.frame())!)).toMatchObject({ command: 'bind_transceiver_resp', command_status: 0 });
    peer.socket.destroy();
    const mo = await h.sim.sendMo({ from: '+15557774001', to: BIZ, text: 'still up?' });
    expect(mo.status).toBe(0);
    const id = await h.conversationOf('+15557774001');
    expect((await h.until(id, (s) => s.messages.length > 0, 'the MO')).messages[0]!.text).toBe('still up?');
  });
});
