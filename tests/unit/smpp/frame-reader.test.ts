import { describe, expect, it } from 'vitest';
import { FrameReader } from '../../../platform/smpp-codec/frame-reader.js';
import { encodePdu } from '../../../smpp-gateway/session/pdu.js';

const ENQUIRE = Buffer.from('00000010000000150000000000000007', 'hex');

describe('FrameReader (incremental framing)', () => {
  it('gives back-to-back frames, whatever the chunking', () => {
    const wire = Buffer.concat([ENQUIRE, encodePdu('submit_sm', 2, 0, { short_message: Buffer.from('hi') }), ENQUIRE]);
    for (const size of [1, 3, 7, 16, 17, wire.length]) {
      const reader = new FrameReader();
      const frames: Buffer[] = [];
      for (let at = 0; at < wire.length; at += size) frames.push(...reader.push(wire.subarray(at, at + size)).frames);
      expect(Buffer.concat(frames).equals(wire)).toBe(true);
      expect(frames).toHaveLength(3);
      expect(reader.buffered).toBe(0);
    }
  });

  it('a command_length under 16 or over the configured maximum is a framing error, and nothing is kept after it', () => {
    const small = new FrameReader();
    expect(small.push(Buffer.from('0000000f000000150000000000000009', 'hex')).error).toEqual({
      kind: 'bad-length',
      commandLength: 15,
      sequence: 9,
    });
    expect(small.push(ENQUIRE)).toEqual({ frames: [] });
    expect(small.buffered).toBe(0);
    const capped = new FrameReader(1024);
    expect(capped.push(Buffer.from('00000401', 'hex')).error).toEqual({ kind: 'bad-length', commandLength: 1025 });
  });

  it('a 64 KiB frame arriving one byte per chunk costs well under 20 ms of CPU (linear, not quadratic)', () => {
    const body = Buffer.alloc(65536 - 16 - 40, 0x41);
    const frame = encodePdu('data_sm', 3, 0, { source_addr: '1', destination_addr: '2', message_payload: body });
    expect(frame.length).toBeGreaterThan(65_000);
    const chunks = Array.from({ length: frame.length }, (_, i) => frame.subarray(i, i + 1));
    // process.cpuUsage counts every thread (GC, the optimising compiler, other tests' noise on a
    // shared machine), so the figure is the best of five trickles, the first of which warms the JIT.
    let ms = Infinity;
    let frames: Buffer[] = [];
    for (let trial = 0; trial < 5; trial++) {
      const reader = new FrameReader();
      frames = [];
      const before = process.cpuUsage();
      for (const c of chunks) {
        const got = reader.push(c).frames;
        if (got.length > 0) frames.push(got[0]!);
      }
      const used = process.cpuUsage(before);
      ms = Math.min(ms, (used.user + used.system) / 1000);
    }
    console.log(`trickled ${frame.length}-octet frame, one byte per chunk: ${ms.toFixed(1)} ms CPU (best of 5)`);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.equals(frame)).toBe(true);
    expect(ms).toBeLessThan(20);
  });
});
