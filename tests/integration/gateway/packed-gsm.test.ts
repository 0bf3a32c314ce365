import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGsm7, packSeptets } from '../../../platform/smpp-codec/gsm7.js';
import { buildConcatUdh, ESM_UDHI } from '../../../platform/smpp-codec/udh.js';
import { BIZ, GatewayHarness } from './support.js';

// A carrier that sends data_coding 0 as packed septets (bind option gsmPacked): the gateway
// unpacks per bind, including the fill bits after a concatenation header.
describe('gateway inbound on a gsmPacked bind', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await GatewayHarness.start({ bind: { gsmPacked: true } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('unpacks a single-part MO and a two-part MO with UDH fill bits', async () => {
    const single = 'Packed text with {braces} and €';
    expect(
      (
        await h.sim.sendMo({
          from: '+15557775001',
          to: BIZ,
          parts: [{ shortMessage: packSeptets(encodeGsm7(single)), dataCoding: 0 }],
        })
      ).status,
    ).toBe(0);
    const first = await h.state(await h.conversationOf('+15557775001'));
    expect(first.messages[0]!.text).toBe(single);

    const halves = ['The first half of a packed message, ', 'and the second half.'];
    const parts = halves.map((text, i) => ({
      // A 6-octet UDH is 48 bits: one fill bit brings the text to a septet boundary.
      shortMessage: Buffer.concat([buildConcatUdh(31, 2, i + 1), packSeptets(encodeGsm7(text), 1)]),
      dataCoding: 0,
      esmClass: ESM_UDHI,
    }));
    expect((await h.sim.sendMo({ from: '+15557775002', to: BIZ, parts })).status).toBe(0);
    const second = await h.state(await h.conversationOf('+15557775002'));
    expect(second.messages[0]).toMatchObject({ text: halves.join(''), segments: 2 });
  });
});
