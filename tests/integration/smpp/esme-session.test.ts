import { afterEach, describe, expect, it } from 'vitest';
import { decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { EsmeSession, type EsmeSessionOptions } from '../../../smpp-gateway/session/esme-session.js';
import { SmppCommandError, SmppTimeoutError } from '../../../smpp-gateway/session/errors.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import type { Pdu } from '../../../smpp-gateway/session/pdu.js';
import { CarrierSimulator } from '../../../smpp-gateway/simulator/carrier-simulator.js';
import type { BindConfig } from '../../../config/schema.js';
import { bindConfig, FAST_BACKOFF, gsmMessage, until, waitForEvent } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(overrides: Partial<BindConfig> = {}, options: EsmeSessionOptions = {}, simOptions = {}) {
  const sim = new CarrierSimulator({
    credentials: [{ systemId: 'switchboard', password: 'secret' }],
    receiptDelayMs: 20,
    ...simOptions,
  });
  await sim.start();
  cleanups.push(() => sim.stop());
  const session = new EsmeSession(bindConfig(sim.port, overrides), { rebindBackoff: FAST_BACKOFF, ...options });
  cleanups.push(() => session.close());
  return { sim, session };
}

describe('ESME session against the carrier simulator', () => {
  it('binds as a transceiver and submits; the simulator records the decoded MT and its id', async () => {
    const { sim, session } = await setup();
    const bound = waitForEvent(sim, 'bound');
    session.start();
    await session.whenBound();
    expect(session.state).toBe('bound');
    expect((await bound)[0]).toMatchObject({ systemId: 'switchboard', bindType: 'transceiver' });
    const { messageIds } = await session.submit(gsmMessage('Hello from Switchboard {ok}'));
    expect(messageIds).toHaveLength(1);
    expect(messageIds[0]).toMatch(/^[0-9a-f]+$/);
    expect(sim.mts[0]).toMatchObject({
      text: 'Hello from Switchboard {ok}',
      source: '15551230000',
      destination: '15557654321',
      messageIds,
    });
  });

  it('binds as a transmitter + receiver pair; MT on one, receipts on the other', async () => {
    const receipts: ShortMessage[] = [];
    const { sim, session } = await setup(
      { bindType: 'transmitter+receiver' },
      {
        onDeliver: async (m) => {
          receipts.push(m);
        },
      },
    );
    session.start();
    await session.whenBound();
    await until(() => sim.boundPeers().length === 2, 5_000, 'both binds');
    expect(
      sim
        .boundPeers()
        .map((p) => p.bindType)
        .sort(),
    ).toEqual(['receiver', 'transmitter']);
    const { messageIds } = await session.submit(gsmMessage('pair'));
    await until(() => receipts.length === 1, 5_000, 'receipt');
    expect(receipts[0]).toMatchObject({ isReceipt: true, receiptedMessageId: messageIds[0], messageState: 2 });
    expect(receipts[0]!.shortMessage.toString('latin1')).toMatch(
      new RegExp(`^id:${messageIds[0]} sub:001 dlvd:001 .* stat:DELIVRD err:000 text:pair$`),
    );
  });

  it('a wrong password or system_id is refused (ESME_RINVPASWD / ESME_RINVSYSID) and retried with backoff', async () => {
    for (const [override, status] of [
      [{ password: 'nope' }, STATUS.ESME_RINVPASWD],
      [{ systemId: 'stranger' }, STATUS.ESME_RINVSYSID],
    ] as const) {
      const { sim, session } = await setup(override);
      const failures: SmppCommandError[] = [];
      session.on('bind-failed', (e: SmppCommandError) => failures.push(e));
      session.start();
      await until(() => failures.length >= 2, 5_000, 'two bind failures');
      expect(failures[0]).toBeInstanceOf(SmppCommandError);
      expect(failures[0]!.status).toBe(status);
      expect(sim.boundPeers()).toEqual([]);
      expect(session.state).not.toBe('bound');
      await expect(session.whenBound(100)).rejects.toBeInstanceOf(SmppTimeoutError);
    }
  });

  it("sends enquire_link only after the bind, periodically, and answers the carrier's", async () => {
    const { sim, session } = await setup({ enquireLinkSeconds: 0.1 });
    const seen: string[] = [];
    sim.on('pdu', (pdu: Pdu) => seen.push(pdu.command));
    session.start();
    await session.whenBound();
    await until(() => seen.filter((c) => c === 'enquire_link').length >= 3, 5_000, 'three enquire_links');
    expect(seen[0]).toBe('bind_transceiver');
    const peer = [...sim.peers][0]!;
    const resp = await peer.conn.request('enquire_link');
    expect(resp.command).toBe('enquire_link_resp');
    expect(resp.command_status).toBe(0);
  });

  it('never has more than windowSize submits unacknowledged', async () => {
    const { sim, session } = await setup({ windowSize: 3 });
    sim.knobs.submitDelayMs = 30;
    session.start();
    await session.whenBound();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => session.submit(gsmMessage(`window ${i}`))));
    expect(results.every((r) => r.messageIds.length === 1)).toBe(true);
    expect(sim.knobs.maxInFlightSubmits).toBe(3);
    expect(sim.mts.map((m) => m.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `window ${i}`).sort());
  });

  it('keeps to maxSubmitsPerSecond', async () => {
    const { sim, session } = await setup({ maxSubmitsPerSecond: 20 });
    session.start();
    await session.whenBound();
    const started = Date.now();
    await Promise.all(Array.from({ length: 30 }, (_, i) => session.submit(gsmMessage(`rate ${i}`))));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_300);
    const times = sim.knobs.submitTimes;
    // Any one-second window holds at most the rate plus the small burst (2 at 20/s).
    const worst = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1_000).length));
    expect(worst).toBeLessThanOrEqual(22);
  });

  it('fails a submit with SmppTimeoutError when no response comes within responseTimeoutSeconds', async () => {
    const { sim, session } = await setup({ responseTimeoutSeconds: 0.3 });
    session.start();
    await session.whenBound();
    sim.knobs.submitDelayMs = 2_000;
    const started = Date.now();
    const error = await session.submit(gsmMessage('slow')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmppTimeoutError);
    expect((error as SmppTimeoutError).sent).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    sim.knobs.submitDelayMs = 0;
    await expect(session.submit(gsmMessage('fast'))).resolves.toMatchObject({ messageIds: [expect.any(String)] });
  });

  it('retries ESME_RTHROTTLED and ESME_RMSGQFUL with backoff, then fails typed when they persist', async () => {
    const { sim, session } = await setup(
      {},
      { throttleBackoff: { initialMs: 20, maxMs: 100, jitter: 0 }, throttleRetries: 3 },
    );
    session.start();
    await session.whenBound();
    sim.knobs.failNextSubmits(2, STATUS.ESME_RTHROTTLED);
    await expect(session.submit(gsmMessage('after throttle'))).resolves.toMatchObject({
      messageIds: [expect.any(String)],
    });
    expect(sim.knobs.submitTimes).toHaveLength(3);
    sim.knobs.failNextSubmits(10, STATUS.ESME_RMSGQFUL);
    const error = (await session.submit(gsmMessage('queue full')).catch((e: unknown) => e)) as SmppCommandError;
    expect(error).toBeInstanceOf(SmppCommandError);
    expect(error).toMatchObject({ status: STATUS.ESME_RMSGQFUL, temporary: true });
    sim.knobs.failNextSubmits(1, STATUS.ESME_RINVDSTADR);
    await expect(session.submit(gsmMessage('bad number'))).rejects.toMatchObject({
      status: STATUS.ESME_RINVDSTADR,
      temporary: false,
    });
  });

  it('acks an MO only after the handler resolves, and reassembles nothing itself (raw parts)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const received: ShortMessage[] = [];
    const { sim, session } = await setup(
      {},
      {
        onDeliver: async (m) => {
          received.push(m);
          await gate;
        },
      },
    );
    session.start();
    await session.whenBound();
    let acked = false;
    const mo = sim
      .sendMo({ from: '+15557654321', to: '+15551230000', text: 'Hi, I need help with my order' })
      .then((r) => {
        acked = true;
        return r;
      });
    await until(() => received.length === 1, 5_000, 'MO at the handler');
    await new Promise((r) => setTimeout(r, 100)); // the gate is still shut: no ack may have gone out
    expect(acked).toBe(false);
    const releasedAt = performance.now();
    release();
    const result = await mo;
    expect(result.status).toBe(0);
    expect(performance.now() - releasedAt).toBeLessThan(500);
    expect(decodeShortMessage(received[0]!.dataCoding, received[0]!.shortMessage)).toBe(
      'Hi, I need help with my order',
    );
    expect(received[0]!.source).toEqual({ addr: '15557654321', ton: 1, npi: 1 });
  });

  it('handles an MO the carrier sends right behind bind_resp (before the session is marked bound)', async () => {
    const received: string[] = [];
    const { sim, session } = await setup(
      {},
      {
        onDeliver: async (m) => {
          received.push(decodeShortMessage(m.dataCoding, m.shortMessage));
        },
      },
    );
    // The simulator writes the deliver_sm in the same tick as bind_resp, so both share a TCP read.
    const mo = waitForEvent(sim, 'bound').then(() =>
      sim.sendMo({ from: '+15557654321', to: '12345', text: 'first words' }),
    );
    session.start();
    expect((await mo).status).toBe(0);
    expect(received).toEqual(['first words']);
  });

  it("answers ESME_RX_T_APPN (or the handler's status) when the handler rejects, so the carrier retries", async () => {
    let fail: unknown = new Error('Temporal unavailable');
    const { sim, session } = await setup(
      {},
      {
        onDeliver: async () => {
          if (fail) throw fail;
        },
      },
    );
    session.start();
    await session.whenBound();
    const long = 'x'.repeat(200);
    expect(await sim.sendMo({ from: '+15557654321', to: '12345', text: long })).toMatchObject({
      status: STATUS.ESME_RX_T_APPN,
      parts: 2,
    });
    fail = Object.assign(new Error('bad'), { status: STATUS.ESME_RX_P_APPN });
    expect((await sim.sendMo({ from: '+15557654321', to: '12345', text: 'perm' })).status).toBe(STATUS.ESME_RX_P_APPN);
    fail = undefined;
    expect((await sim.sendMo({ from: '+15557654321', to: '12345', text: long })).statuses).toEqual([0, 0]);
  });
});
