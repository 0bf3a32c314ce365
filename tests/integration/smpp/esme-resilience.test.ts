import { afterEach, describe, expect, it } from 'vitest';
import type { BindConfig } from '../../../config/schema.js';
import { EsmeSession, type EsmeSessionOptions } from '../../../smpp-gateway/session/esme-session.js';
import { SmppClosedError, SmppConnectionLostError } from '../../../smpp-gateway/session/errors.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import { encodePdu, type Pdu } from '../../../smpp-gateway/session/pdu.js';
import { CarrierSimulator } from '../../../smpp-gateway/simulator/carrier-simulator.js';
import { bindConfig, FAST_BACKOFF, gsmMessage, until, waitForEvent } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(overrides: Partial<BindConfig> = {}, options: EsmeSessionOptions = {}) {
  const sim = new CarrierSimulator({ receiptDelayMs: 10_000 });
  await sim.start();
  cleanups.push(() => sim.stop());
  const session = new EsmeSession(bindConfig(sim.port, overrides), { rebindBackoff: FAST_BACKOFF, ...options });
  cleanups.push(() => session.close());
  session.start();
  await session.whenBound();
  return { sim, session };
}

describe('ESME session: losing and regaining the link', () => {
  it('rebinds after the carrier drops the connection; in-flight submits fail typed, queued ones are sent after the rebind', async () => {
    const { sim, session } = await setup({ windowSize: 2 });
    sim.knobs.submitDelayMs = 1_000;
    const submits = Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => session.submit(gsmMessage(`in flight ${i}`))),
    );
    await until(() => sim.knobs.inFlightSubmits === 2, 5_000, 'two submits in flight');
    const rebound = waitForEvent(sim, 'bound');
    sim.knobs.submitDelayMs = 0;
    sim.dropConnections();
    await rebound;
    const results = await submits;
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(2);
    for (const f of failed)
      expect(f.reason).toMatchObject({ name: 'SmppConnectionLostError', sent: true, temporary: true });
    expect(failed[0]!.reason).toBeInstanceOf(SmppConnectionLostError);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    await until(
      () => sim.mts.filter((m) => m.text.startsWith('in flight')).length === 5,
      10_000,
      'all five at the carrier',
    );
  });

  it('backs off exponentially while the carrier answers ESME_RALYBND', async () => {
    const sim = new CarrierSimulator();
    await sim.start();
    cleanups.push(() => sim.stop());
    sim.knobs.failNextBinds(3, STATUS.ESME_RALYBND);
    const session = new EsmeSession(bindConfig(sim.port), {
      rebindBackoff: { initialMs: 100, maxMs: 2_000, jitter: 0 },
    });
    cleanups.push(() => session.close());
    const failures: { status: number }[] = [];
    session.on('bind-failed', (e: { status: number }) => failures.push(e));
    session.start();
    await session.whenBound(10_000);
    expect(failures.map((f) => f.status)).toEqual([STATUS.ESME_RALYBND, STATUS.ESME_RALYBND, STATUS.ESME_RALYBND]);
    const at = sim.knobs.bindAttempts.map((a) => a.at);
    expect(sim.knobs.bindAttempts.map((a) => a.status)).toEqual([5, 5, 5, 0]);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
  });

  it('detects a dead link (enquire_link unanswered) and replaces it', async () => {
    const { sim, session } = await setup({ enquireLinkSeconds: 0.1, responseTimeoutSeconds: 0.3 });
    const unbound = waitForEvent<[string]>(session, 'unbound');
    const rebound = waitForEvent(sim, 'bound');
    sim.freeze();
    expect((await unbound)[0]).toMatch(/dead link/);
    await rebound;
    await session.whenBound();
    await expect(session.submit(gsmMessage('after dead link'))).resolves.toMatchObject({
      messageIds: [expect.any(String)],
    });
  });

  it('answers junk with generic_nack and keeps going; a broken frame replaces the session; MOs still flow', async () => {
    const received: string[] = [];
    const { sim, session } = await setup(
      {},
      {
        onDeliver: async (m: ShortMessage) => {
          received.push(m.shortMessage.toString('latin1'));
        },
      },
    );
    const nacks: Pdu[] = [];
    sim.on('pdu', (pdu: Pdu) => {
      if (pdu.command === 'generic_nack') nacks.push(pdu);
    });
    const unboundEvents: string[] = [];
    session.on('unbound', (reason: string) => unboundEvents.push(reason));

    // Malformed: a command_id that does not exist.
    const unknown = Buffer.alloc(16);
    unknown.writeUInt32BE(16, 0);
    unknown.writeUInt32BE(0x00000999, 4);
    unknown.writeUInt32BE(0, 8);
    unknown.writeUInt32BE(77, 12);
    sim.sendRaw(unknown);
    await until(() => nacks.length === 1, 5_000, 'generic_nack for the unknown command');
    expect(nacks[0]).toMatchObject({ sequence_number: 77, command_status: STATUS.ESME_RINVCMDID });

    // Truncated: a deliver_sm whose command_length ends in the middle of its fields.
    const whole = encodePdu('deliver_sm', 78, 0, {
      source_addr: '15557654321',
      destination_addr: '12345',
      short_message: Buffer.from('cut'),
    });
    const cut = Buffer.from(whole.subarray(0, 24));
    cut.writeUInt32BE(24, 0);
    sim.sendRaw(cut);
    await until(() => nacks.length === 2, 5_000, 'generic_nack for the truncated deliver_sm');
    expect(nacks[1]).toMatchObject({ sequence_number: 78, command_status: STATUS.ESME_RINVCMDLEN });
    expect(unboundEvents).toEqual([]);
    expect((await sim.sendMo({ from: '+15557654321', to: '12345', text: 'still here' })).status).toBe(0);

    // A command_length below the header size: the stream cannot be resynchronised.
    const rebound = waitForEvent(sim, 'bound');
    const broken = Buffer.alloc(16);
    broken.writeUInt32BE(8, 0);
    sim.sendRaw(broken);
    await rebound;
    expect(unboundEvents[0]).toMatch(/framing error/);
    await until(() => nacks.length === 3, 5_000, 'generic_nack before the drop');
    expect(nacks[2]).toMatchObject({ command_status: STATUS.ESME_RINVCMDLEN });
    await session.whenBound();
    expect((await sim.sendMo({ from: '+15557654321', to: '12345', text: 'after the break' })).status).toBe(0);
    expect(received).toEqual(['still here', 'after the break']);
  });

  it('on close: waits for in-flight responses, unbinds, and fails what was never sent', async () => {
    const { sim, session } = await setup({ windowSize: 1 });
    sim.knobs.submitDelayMs = 200;
    const seen: string[] = [];
    sim.on('pdu', (pdu: Pdu) => seen.push(pdu.command));
    const inFlight = session.submit(gsmMessage('draining'));
    await until(() => sim.knobs.inFlightSubmits === 1, 5_000, 'submit in flight');
    const queued = session.submit(gsmMessage('never sent')).catch((e: unknown) => e);
    await session.close();
    await expect(inFlight).resolves.toMatchObject({ messageIds: [expect.any(String)] });
    expect(await queued).toBeInstanceOf(SmppClosedError);
    expect(seen).toContain('unbind');
    expect(session.state).toBe('closed');
    expect(sim.mts.map((m) => m.text)).toEqual(['draining']);
  });
});
