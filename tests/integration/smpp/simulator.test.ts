import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEMO_CONFIG_PATH, validateConfig } from '../../../config/load.js';
import { decodeUserData } from '../../../platform/smpp-codec/user-data.js';
import { parseReceipt } from '../../../platform/smpp-codec/receipt.js';
import { segmentText } from '../../../platform/smpp-codec/segment.js';
import { EsmeSession } from '../../../smpp-gateway/session/esme-session.js';
import { SmppCommandError } from '../../../smpp-gateway/session/errors.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import { CarrierSimulator } from '../../../smpp-gateway/simulator/carrier-simulator.js';
import type { RecordedMt } from '../../../smpp-gateway/simulator/mt-recorder.js';
import { Child } from './child-process.js';
import { bindConfig, FAST_BACKOFF, freePort, until, waitForEvent } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function bound(onDeliver?: (m: ShortMessage) => Promise<void>) {
  const sim = new CarrierSimulator({ receiptDelayMs: 20 });
  await sim.start();
  cleanups.push(() => sim.stop());
  const session = new EsmeSession(bindConfig(sim.port), {
    rebindBackoff: FAST_BACKOFF,
    ...(onDeliver ? { onDeliver } : {}),
  });
  cleanups.push(() => session.close());
  await session.start().whenBound();
  return { sim, session };
}

describe('carrier simulator', () => {
  it("reassembles a multi-part MT (UDH and SAR), decodes UCS-2, and records every part's id", async () => {
    const { sim, session } = await bound();
    const text = 'Ünïcödé ✓ '.repeat(12);
    for (const [mode, ref] of [
      ['udh8', 7],
      ['sar', 300],
    ] as const) {
      const parts = segmentText(text, { mode, ref });
      expect(parts.length).toBeGreaterThan(1);
      const mt = waitForEvent<[RecordedMt]>(sim, 'mt');
      const { messageIds } = await session.submit({ source: '12345', destination: '+15557654321', parts });
      const [recorded] = await mt;
      expect(recorded).toMatchObject({
        text,
        source: '12345',
        destination: '15557654321',
        parts: parts.length,
        dataCoding: 8,
      });
      expect([...recorded.messageIds].sort()).toEqual([...messageIds].sort());
    }
  });

  it('sends receipts per registered_delivery: DELIVRD, UNDELIV when told to, none when not asked', async () => {
    const receipts: ShortMessage[] = [];
    const { sim, session } = await bound(async (m) => {
      receipts.push(m);
    });
    const part = segmentText('receipt me', { mode: 'udh8', ref: 1 });
    const ok = await session.submit({ source: '12345', destination: '+15557654321', parts: part });
    sim.knobs.receiptStat = 'UNDELIV';
    const failed = await session.submit({ source: '12345', destination: '+15557654321', parts: part });
    await session.submit({ source: '12345', destination: '+15557654321', parts: part, registeredDelivery: 0 });
    await until(() => receipts.length === 2, 5_000, 'two receipts');
    const parsed = receipts.map((m) =>
      parseReceipt({
        esmClass: m.esmClass,
        text: m.shortMessage.toString('latin1'),
        receipted_message_id: m.receiptedMessageId,
        message_state: m.messageState,
      }),
    );
    expect(parsed.map((r) => [r?.messageId, r?.state])).toEqual([
      [ok.messageIds[0], 'DELIVERED'],
      [failed.messageIds[0], 'FAILED'],
    ]);
    expect(receipts[1]!.shortMessage.toString('latin1')).toMatch(/stat:UNDELIV err:001 text:receipt me$/);
    expect(sim.mts).toHaveLength(3);
  });

  it('sends a long MO as UDH-concatenated deliver_sm parts, and reports temporary failures', async () => {
    const parts: ShortMessage[] = [];
    let refuse = true;
    const { sim } = await bound(async (m) => {
      parts.push(m);
      if (refuse) throw new Error('not yet');
    });
    const text = 'This is a long customer message that needs more than one SMS part to arrive, '.repeat(4);
    const refused = await sim.sendMo({ from: '+15557654321', to: '+15551230000', text });
    expect(refused).toMatchObject({ status: STATUS.ESME_RX_T_APPN, parts: 3 });
    refuse = false;
    parts.length = 0;
    const accepted = await sim.sendMo({ from: '+15557654321', to: '+15551230000', text });
    expect(accepted.statuses).toEqual([0, 0, 0]);
    expect(accepted.ackMs).toBeGreaterThan(0);
    const decoded = parts.map((m) =>
      decodeUserData({ esmClass: m.esmClass, dataCoding: m.dataCoding, shortMessage: m.shortMessage }),
    );
    expect(decoded.map((d) => d.concat?.seq).sort()).toEqual([1, 2, 3]);
    expect(
      decoded
        .sort((a, b) => a.concat!.seq - b.concat!.seq)
        .map((d) => d.text)
        .join(''),
    ).toBe(text);
  });

  it('fails the next submits with a chosen status', async () => {
    const { sim, session } = await bound();
    sim.knobs.failNextSubmits(1, STATUS.ESME_RINVDSTADR);
    const error = await session
      .submit({ source: '12345', destination: '+1', parts: segmentText('x', { mode: 'udh8', ref: 1 }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmppCommandError);
    expect(error).toMatchObject({ status: STATUS.ESME_RINVDSTADR, statusName: 'ESME_RINVDSTADR', temporary: false });
    await expect(
      session.submit({ source: '12345', destination: '+1', parts: segmentText('y', { mode: 'udh8', ref: 2 }) }),
    ).resolves.toBeDefined();
  });

  it('stack/main/simulator.ts starts from the loaded configuration and accepts exactly the configured bind', async () => {
    const port = await freePort();
    const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as {
      smpp: { binds: { port: number }[]; simulator: { port: number } };
    };
    raw.smpp.simulator.port = port;
    for (const b of raw.smpp.binds) b.port = port;
    const config = validateConfig(raw);
    const dir = mkdtempSync(join(tmpdir(), 'sb-sim-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'config.yaml'), stringify(raw));
    const child = new Child(process.execPath, ['--import', 'tsx', 'stack/main/simulator.ts'], {
      env: { ...process.env, SWITCHBOARD_CONFIG: join(dir, 'config.yaml') },
    });
    cleanups.push(() => child.stop());
    await child.waitForLine(new RegExp(`SMSC listening on 127.0.0.1:${port}`));

    const good = new EsmeSession(config.smpp.binds[0]!, { rebindBackoff: FAST_BACKOFF });
    cleanups.push(() => good.close());
    await good.start().whenBound();
    await child.waitForLine(/simulator: switchboard bound \(transceiver\)/);
    await good.submit({
      source: '+15551230000',
      destination: '+15557654321',
      parts: segmentText('hello demo', { mode: 'udh8', ref: 1 }),
    });
    // The log line masks the customer's number and leaves the text out (customer data).
    await child.waitForLine(/simulator: MT 15551230000 -> \*{7}4321 \(10 characters\)$/);

    const bad = new EsmeSession({ ...config.smpp.binds[0]!, password: 'wrong' }, { rebindBackoff: FAST_BACKOFF });
    cleanups.push(() => bad.close());
    const failure = waitForEvent<[SmppCommandError]>(bad, 'bind-failed');
    bad.start();
    expect((await failure)[0].status).toBe(STATUS.ESME_RINVPASWD);
  });
});
