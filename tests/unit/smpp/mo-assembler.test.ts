import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupKey, type CompletedMessage, type InboundPart } from '../../../platform/smpp-codec/reassembly.js';
import { EARLY_RETRY_MS, MoAssembler, type EarlyAckStore } from '../../../smpp-gateway/service/mo-assembler.js';

const part = (seq: number, text: string): InboundPart => ({
  peer: 'esme:a',
  source: '+15557654321',
  destination: '+15551230000',
  ref: 7,
  total: 2,
  seq,
  bytes: Buffer.from(text, 'latin1'),
  dataCoding: 3,
  receivedAt: Date.now(),
});

class MemoryStore implements EarlyAckStore {
  kept = new Map<string, InboundPart[]>();
  keep(p: InboundPart) {
    this.kept.set(groupKey(p), [...(this.kept.get(groupKey(p)) ?? []), p]);
  }
  release(key: string) {
    this.kept.delete(key);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MoAssembler: an early-acknowledged part is never lost', () => {
  it('is written to the store before its early ack, and released once its message reached Temporal', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const signalled: CompletedMessage[] = [];
    const a = new MoAssembler(
      60_000,
      async (m) => {
        signalled.push(m);
        return 'id-1';
      },
      store,
    );
    const first = a.add(part(1, 'Hello '), 100);
    await vi.advanceTimersByTimeAsync(150);
    await expect(first).resolves.toBeUndefined(); // acked early
    expect([...store.kept.values()].flat().map((p) => p.seq)).toEqual([1]);
    await expect(a.add(part(2, 'world'), 100)).resolves.toBe('id-1');
    expect(signalled.map((m) => m.text)).toEqual(['Hello world']);
    expect(store.kept.size).toBe(0);
  });

  it('when a slow Temporal refuses the completed message, the early part waits for the resent sibling and goes with it', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    let up = false;
    const signalled: string[] = [];
    const a = new MoAssembler(
      60_000,
      async (m) => {
        if (!up) throw new Error('Temporal slow');
        signalled.push(m.text);
        return 'id-2';
      },
      store,
    );
    const early = a.add(part(1, 'Hello '), 100);
    await vi.advanceTimersByTimeAsync(150);
    await expect(early).resolves.toBeUndefined();
    await expect(a.add(part(2, 'world'), 100)).rejects.toThrow('Temporal slow'); // the carrier will resend part 2
    expect(a.earlyParts).toBe(1);
    expect(store.kept.size).toBe(1);
    up = true;
    await expect(a.add(part(2, 'world'), 100)).resolves.toBe('id-2');
    expect(signalled).toEqual(['Hello world']);
    expect(store.kept.size).toBe(0);
  });

  it('a message made only of early parts is retried by us until Temporal takes it', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    let attempts = 0;
    const a = new MoAssembler(
      60_000,
      async () => {
        if (++attempts < 3) throw new Error('down');
        return 'id-3';
      },
      store,
    );
    a.restore([part(1, 'Hello '), part(2, 'again')]);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(EARLY_RETRY_MS + 10);
    expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(EARLY_RETRY_MS + 10);
    expect(attempts).toBe(3);
    expect(a.earlyParts).toBe(0);
  });

  it('after a restart, restored parts complete with the sibling that arrives then', async () => {
    const store = new MemoryStore();
    const signalled: string[] = [];
    const a = new MoAssembler(
      60_000,
      async (m) => {
        signalled.push(m.text);
        return 'id-4';
      },
      store,
    );
    a.restore([part(1, 'Before the crash, ')]);
    await expect(a.add(part(2, 'after it'), 1_000)).resolves.toBe('id-4');
    expect(signalled).toEqual(['Before the crash, after it']);
    a.close(new Error('stop'));
  });
});
