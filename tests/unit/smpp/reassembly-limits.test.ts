import { describe, expect, it } from 'vitest';
import { Reassembler, ReassemblyFullError, type InboundPart } from '../../../platform/smpp-codec/reassembly.js';

const part = (peer: string, ref: number, seq: number, bytes = 10): InboundPart => ({
  peer,
  source: '+15557654321',
  destination: '+15551230000',
  ref,
  total: 3,
  seq,
  bytes: Buffer.alloc(bytes, 0x41),
  dataCoding: 0,
  receivedAt: 1000,
});

describe('Reassembler limits (bounded reassembly)', () => {
  it('refuses a new group past maxGroupsPerPeer for that peer only', () => {
    const r = new Reassembler({
      timeoutMs: 60_000,
      limits: { maxGroupsPerPeer: 2, maxGroups: 100, maxBytes: 1 << 20 },
    });
    r.add(part('esme:a', 1, 1));
    r.add(part('esme:a', 2, 1));
    expect(() => r.add(part('esme:a', 3, 1))).toThrow(ReassemblyFullError);
    expect(r.add(part('esme:a', 1, 2))).toBeNull(); // an open group still takes its parts
    expect(r.add(part('esme:b', 3, 1))).toBeNull(); // another peer is not affected
    expect(r.openGroups).toBe(3);
  });

  it('refuses a new group past maxGroups in total', () => {
    const r = new Reassembler({
      timeoutMs: 60_000,
      limits: { maxGroupsPerPeer: 100, maxGroups: 2, maxBytes: 1 << 20 },
    });
    r.add(part('esme:a', 1, 1));
    r.add(part('esme:b', 1, 1));
    expect(() => r.add(part('esme:c', 1, 1))).toThrow(/2 multipart messages open/);
  });

  it('refuses a part that would take the held octets past maxBytes; completing a group frees them', () => {
    const r = new Reassembler({ timeoutMs: 60_000, limits: { maxGroupsPerPeer: 100, maxGroups: 100, maxBytes: 100 } });
    r.add(part('esme:a', 1, 1, 40));
    r.add(part('esme:a', 1, 2, 40));
    expect(() => r.add(part('esme:a', 2, 1, 40))).toThrow(/100 octets/);
    expect(r.add(part('esme:a', 1, 3, 20))).toMatchObject({ segments: 3, incomplete: false });
    expect(r.heldBytes).toBe(0);
    expect(r.add(part('esme:a', 2, 1, 40))).toBeNull();
  });

  it('never mixes parts of two peers that use the same addresses and reference', () => {
    const r = new Reassembler({ timeoutMs: 60_000 });
    r.add(part('listener:x', 9, 1));
    r.add(part('listener:x', 9, 2));
    expect(r.add(part('listener:evil', 9, 3))).toBeNull();
    expect(r.openGroups).toBe(2);
  });

  it('ignoreLimits takes parts already acknowledged to the carrier even when full', () => {
    const r = new Reassembler({ timeoutMs: 60_000, limits: { maxGroupsPerPeer: 1, maxGroups: 1, maxBytes: 10 } });
    r.add(part('esme:a', 1, 1));
    expect(r.add(part('esme:a', 2, 1), true)).toBeNull();
    expect(r.openGroups).toBe(2);
  });
});
