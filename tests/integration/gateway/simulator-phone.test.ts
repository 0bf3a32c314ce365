import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhoneMessage } from '../../../workflows/contract/customer-phone.js';
import { RuleError } from '../../../workflows/domain/errors.js';
import { SimulatorPhone } from '../../../smpp-gateway/service/simulator-phone.js';
import { until } from '../smpp/support.js';
import { BIZ, GatewayHarness } from './support.js';

describe('the demo customer phone over the carrier simulator', () => {
  let h: GatewayHarness;
  let phone: SimulatorPhone;
  beforeAll(async () => {
    h = await GatewayHarness.start();
    phone = new SimulatorPhone(h.sim);
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    phone?.close();
    await h?.stop();
  });

  it('texts a business number over SMPP and receives the reply; subscribers see both', async () => {
    const seen: PhoneMessage[] = [];
    const unsubscribe = phone.subscribe('+15557774001', (m) => seen.push(m));
    const sent = await phone.send({ phoneNumber: '+15557774001', businessNumber: BIZ, text: 'Hi from the demo phone' });
    expect(sent).toMatchObject({ direction: 'INBOUND', phoneNumber: '+15557774001', businessNumber: BIZ });
    const id = await h.conversationOf('+15557774001');
    await h.until(id, (s) => s.status === 'OFFERED', 'an offer');
    await h.act(id, { type: 'accept', agentId: 'alice' });
    await h.reply(id, 'Hello, demo customer');
    await until(() => seen.length === 2, 10_000, 'the reply on the phone');
    unsubscribe();
    const log = await phone.messages('+15557774001');
    expect(log.map((m) => [m.direction, m.text, m.businessNumber])).toEqual([
      ['INBOUND', 'Hi from the demo phone', BIZ],
      ['OUTBOUND', 'Hello, demo customer', BIZ],
    ]);
    expect(seen).toEqual(log);
  });

  it('an unknown business number is a RuleError NOT_FOUND', async () => {
    const error = await phone
      .send({ phoneNumber: '+15557774002', businessNumber: '+15550000000', text: 'hello?' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
