import { describe, expect, it } from 'vitest';
import {
  Reassembler,
  ReassemblyError,
  type CompletedMessage,
  type InboundPart,
} from '../../../platform/smpp-codec/reassembly.js';
import { segmentText } from '../../../platform/smpp-codec/segment.js';
import { decodeUserData } from '../../../platform/smpp-codec/user-data.js';

const base = { source: '+15557654321', destination: '+15551230000', ref: 42, total: 3 };
const part = (seq: number, text: string, receivedAt = 1000): InboundPart => ({ ...base, seq, text, receivedAt });

describe('Reassembler', () => {
  it('joins parts that arrive in reverse order', () => {
    const r = new Reassembler({ timeoutMs: 60_000 });
    expect(r.add(part(3, 'C'))).toBeNull();
    expect(r.add(part(2, 'B'))).toBeNull();
    const done = r.add(part(1, 'A'))!;
    expect(done).toMatchObject({ text: 'ABC', segments: 3, incomplete: false, missing: [], received: [1, 2, 3] });
    expect(r.pendingParts).toBe(0);
  });

  it('ignores a duplicate part (first copy wins)', () => {
    const r = new Reassembler({ timeoutMs: 60_000 });
    r.add(part(1, 'A'));
    expect(r.add(part(1, 'X'))).toBeNull();
    expect(r.pendingParts).toBe(1);
    r.add(part(2, 'B'));
    expect(r.add(part(3, 'C'))!.text).toBe('ABC');
  });

  it('delivers what arrived after the timeout, marked incomplete', () => {
    const r = new Reassembler({ timeoutMs: 30_000 });
    r.add(part(3, 'C', 1000));
    r.add(part(1, 'A', 5000));
    expect(r.nextExpiryAt()).toBe(31_000);
    expect(r.expire(31_000)).toEqual([]); // waited exactly the timeout, not longer
    const [late] = r.expire(31_001);
    expect(late).toMatchObject({ text: 'AC', incomplete: true, missing: [2], received: [1, 3], segments: 3 });
    expect(r.expire(99_999)).toEqual([]);
    expect(r.nextExpiryAt()).toBeNull();
  });

  it('keeps senders, recipients, references and counts apart', () => {
    const r = new Reassembler({ timeoutMs: 60_000 });
    r.add(part(1, 'A'));
    r.add({ ...part(2, 'x'), source: '+15550000000' });
    r.add({ ...part(2, 'y'), ref: 43 });
    r.add({ ...part(2, 'z'), total: 2 });
    r.add(part(2, 'B'));
    expect(r.add(part(3, 'C'))!.text).toBe('ABC');
    expect(r.pendingParts).toBe(3);
  });

  it('gives a carrier redelivery the same identity, and different text a different one', () => {
    const run = (texts: string[], at: number) => {
      const r = new Reassembler({ timeoutMs: 60_000 });
      let out: CompletedMessage | null = null;
      texts.forEach((t, i) => {
        out = r.add({ ...part(i + 1, t, at), id: `local-${at}-${i}` }) ?? out;
      });
      return out!;
    };
    const first = run(['A', 'B', 'C'], 1000);
    const again = run(['A', 'B', 'C'], 900_000);
    expect(again.identity).toBe(first.identity);
    expect(again.partIds).not.toEqual(first.partIds);
    expect(run(['A', 'B', 'D'], 1000).identity).not.toBe(first.identity);
    expect(first.identity).toMatch(/^mo-[0-9a-f]{32}$/);
  });

  it('completes a single-part message at once', () => {
    const r = new Reassembler({ timeoutMs: 1 });
    expect(r.add({ ...part(1, 'solo'), total: 1 })).toMatchObject({ text: 'solo', segments: 1, incomplete: false });
  });

  it('rejects impossible parts with a typed error', () => {
    const r = new Reassembler({ timeoutMs: 1 });
    expect(() => r.add(part(0, 'x'))).toThrow(ReassemblyError);
    expect(() => r.add(part(4, 'x'))).toThrow(ReassemblyError);
    expect(() => r.add({ ...part(1, 'x'), total: 256 })).toThrow(ReassemblyError);
    expect(() => r.add({ ...base, seq: 1, receivedAt: 0 })).toThrow(ReassemblyError);
  });
});

describe('Reassembler with bytes from the wire', () => {
  const toParts = (mode: 'udh8' | 'udh16' | 'sar', text: string, order: 'forward' | 'reverse') => {
    const parts = segmentText(text, { mode, ref: 0x0203 }).map((p) =>
      decodeUserData({ esmClass: p.esmClass, dataCoding: p.dataCoding, shortMessage: p.shortMessage, ...p.tlvs }),
    );
    return order === 'reverse' ? parts.reverse() : parts;
  };

  for (const mode of ['udh8', 'udh16', 'sar'] as const) {
    it(`rejoins ${mode} parts in reverse order`, () => {
      const text = 'Hi {team}, '.repeat(30) + '😀 done';
      const r = new Reassembler({ timeoutMs: 60_000 });
      let done = null;
      for (const d of toParts(mode, text, 'reverse')) {
        const { ref, total, seq } = d.concat!;
        done = r.add({ ...base, ref, total, seq, bytes: d.bytes, dataCoding: d.dataCoding, receivedAt: 1 }) ?? done;
      }
      expect(done).toMatchObject({ text, incomplete: false, ref: mode === 'udh8' ? 0x03 : 0x0203 });
    });
  }

  it('rejoins an escape pair that a sender split across parts', () => {
    const r = new Reassembler({ timeoutMs: 60_000 });
    const gsm = (seq: number, hex: string) => ({
      ...base,
      total: 2,
      seq,
      bytes: Buffer.from(hex, 'hex'),
      dataCoding: 0,
      receivedAt: 1,
    });
    r.add(gsm(1, '611b'));
    expect(r.add(gsm(2, '6562'))!.text).toBe('a€b');
  });

  it('rejoins a surrogate pair that a sender split across parts', () => {
    const r = new Reassembler({ timeoutMs: 60_000 });
    const ucs = (seq: number, hex: string) => ({
      ...base,
      total: 2,
      seq,
      bytes: Buffer.from(hex, 'hex'),
      dataCoding: 8,
      receivedAt: 1,
    });
    r.add(ucs(2, 'de000021'));
    expect(r.add(ucs(1, '0048d83d'))!.text).toBe('H😀!');
  });
});
