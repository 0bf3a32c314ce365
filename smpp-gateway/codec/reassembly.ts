// Joins concatenated MO parts (UDH 8-bit, UDH 16-bit or sar_* TLVs) into one message. Pure: the
// caller owns the clock (receivedAt, expire(now)) and the timer that calls expire.
import { createHash } from 'node:crypto';
import { decodeShortMessage, type DecodeOptions } from './data-coding.js';

export interface InboundPart {
  source: string;
  destination: string;
  ref: number;
  total: number;
  seq: number;
  /** Decoded text of this part, or its user data without UDH (GSM as unpacked septets). */
  text?: string;
  bytes?: Buffer;
  dataCoding?: number;
  receivedAt: number;
  /** Carried through for logs and acks; identity does not depend on it (see identityOf). */
  id?: string;
}

export interface CompletedMessage {
  source: string;
  destination: string;
  ref: number;
  segments: number;
  text: string;
  incomplete: boolean;
  missing: number[];
  received: number[];
  identity: string;
  partIds: string[];
  firstReceivedAt: number;
  lastReceivedAt: number;
}

export class ReassemblyError extends Error {
  override readonly name = 'ReassemblyError';
}

interface Group {
  parts: Map<number, InboundPart>;
  firstReceivedAt: number;
  lastReceivedAt: number;
}

/**
 * Content-derived, so a carrier redelivering the same parts (because our deliver_sm_resp was lost)
 * yields the same identity. Receive times and local ids are left out for that reason.
 */
export function identityOf(source: string, destination: string, ref: number, total: number, parts: InboundPart[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([source, destination, ref, total]));
  for (const p of parts) hash.update(`|${p.seq}:${p.dataCoding ?? ''}:${p.bytes ? p.bytes.toString('hex') : `t${p.text ?? ''}`}`);
  return `mo-${hash.digest('hex').slice(0, 32)}`;
}

export class Reassembler {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly opts: { timeoutMs: number; decode?: DecodeOptions }) {}

  /** Parts still waiting for their siblings. */
  get pendingParts(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.parts.size;
    return n;
  }

  /** When the oldest waiting group times out, so the caller can arm a single timer. */
  nextExpiryAt(): number | null {
    let at: number | null = null;
    for (const g of this.groups.values()) at = Math.min(at ?? Infinity, g.firstReceivedAt + this.opts.timeoutMs);
    return at;
  }

  add(part: InboundPart): CompletedMessage | null {
    const { ref, total, seq } = part;
    if (!Number.isInteger(ref) || ref < 0 || ref > 0xffff) throw new ReassemblyError(`bad ref ${ref}`);
    if (!Number.isInteger(total) || total < 1 || total > 255) throw new ReassemblyError(`bad total ${total}`);
    if (!Number.isInteger(seq) || seq < 1 || seq > total) throw new ReassemblyError(`bad seq ${seq} of ${total}`);
    if (part.text === undefined && part.bytes === undefined) throw new ReassemblyError('part has neither text nor bytes');
    // total is in the key: a reused ref with a different count is a different message.
    const key = JSON.stringify([part.source, part.destination, ref, total]);
    let group = this.groups.get(key);
    if (!group) {
      group = { parts: new Map(), firstReceivedAt: part.receivedAt, lastReceivedAt: part.receivedAt };
      this.groups.set(key, group);
    }
    if (group.parts.has(seq)) return null; // duplicate: the first copy wins
    group.parts.set(seq, part);
    group.firstReceivedAt = Math.min(group.firstReceivedAt, part.receivedAt);
    group.lastReceivedAt = Math.max(group.lastReceivedAt, part.receivedAt);
    if (group.parts.size < total) return null;
    this.groups.delete(key);
    return this.finish(part, group);
  }

  /** Groups whose first part waited longer than timeoutMs, delivered as far as they got. */
  expire(now: number): CompletedMessage[] {
    const out: CompletedMessage[] = [];
    for (const [key, group] of this.groups) {
      if (now - group.firstReceivedAt <= this.opts.timeoutMs) continue;
      this.groups.delete(key);
      out.push(this.finish(group.parts.values().next().value!, group));
    }
    return out;
  }

  private finish(any: InboundPart, group: Group): CompletedMessage {
    const { source, destination, ref, total } = any;
    const parts = [...group.parts.values()].sort((a, b) => a.seq - b.seq);
    const missing: number[] = [];
    for (let s = 1; s <= total; s++) if (!group.parts.has(s)) missing.push(s);
    return {
      source, destination, ref, segments: total,
      text: this.joinText(parts),
      incomplete: missing.length > 0, missing, received: parts.map((p) => p.seq),
      identity: identityOf(source, destination, ref, total, parts),
      partIds: parts.flatMap((p) => (p.id === undefined ? [] : [p.id])),
      firstReceivedAt: group.firstReceivedAt, lastReceivedAt: group.lastReceivedAt,
    };
  }

  /** Joins bytes before decoding when it can, so a pair a sender split across parts is rejoined. */
  private joinText(parts: InboundPart[]): string {
    const dc = parts[0]?.dataCoding;
    const opts = { ...this.opts.decode, gsmPacked: false };
    if (dc !== undefined && parts.every((p) => p.bytes && p.dataCoding === dc)) {
      return decodeShortMessage(dc, Buffer.concat(parts.map((p) => p.bytes!)), opts);
    }
    return parts.map((p) => p.text ?? decodeShortMessage(p.dataCoding ?? 0, p.bytes!, opts)).join('');
  }
}
