// Joins concatenated MO parts (UDH 8-bit, UDH 16-bit or sar_* TLVs) into one message. Pure: the
// caller owns the clock (receivedAt, expire(now)) and the timer that calls expire.
import { decodeShortMessage, type DecodeOptions } from './data-coding.js';
import {
  groupKey,
  identityOf,
  ReassemblyFullError,
  type InboundPart,
  type ReassemblyLimits,
} from './reassembly-keys.js';

export { groupKey, ReassemblyFullError, type InboundPart, type ReassemblyLimits } from './reassembly-keys.js';

export interface CompletedMessage {
  peer?: string;
  /** The group's key (peer, source, destination, ref, total), as groupKey gives it. */
  key: string;
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

const sizeOf = (p: InboundPart): number => (p.bytes?.length ?? 0) + 2 * (p.text?.length ?? 0);

interface Group {
  peer: string;
  bytes: number;
  parts: Map<number, InboundPart>;
  firstReceivedAt: number;
  lastReceivedAt: number;
}

export class Reassembler {
  private readonly groups = new Map<string, Group>();
  private readonly perPeer = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly opts: { timeoutMs: number; decode?: DecodeOptions; limits?: ReassemblyLimits }) {}

  /** Octets held by open groups. */
  get heldBytes(): number {
    return this.bytes;
  }
  get openGroups(): number {
    return this.groups.size;
  }

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

  /** `ignoreLimits` is for parts already acknowledged to the carrier, which must not be dropped. */
  add(part: InboundPart, ignoreLimits = false): CompletedMessage | null {
    const { ref, total, seq } = part;
    if (!Number.isInteger(ref) || ref < 0 || ref > 0xffff) throw new ReassemblyError(`bad ref ${ref}`);
    if (!Number.isInteger(total) || total < 1 || total > 255) throw new ReassemblyError(`bad total ${total}`);
    if (!Number.isInteger(seq) || seq < 1 || seq > total) throw new ReassemblyError(`bad seq ${seq} of ${total}`);
    if (part.text === undefined && part.bytes === undefined)
      throw new ReassemblyError('part has neither text nor bytes');
    const key = groupKey(part);
    const peer = part.peer ?? '';
    let group = this.groups.get(key);
    if (group?.parts.has(seq)) return null; // duplicate: the first copy wins
    const size = sizeOf(part);
    const limits = this.opts.limits;
    if (limits && !ignoreLimits) {
      if (!group && this.groups.size >= limits.maxGroups)
        throw new ReassemblyFullError(`${limits.maxGroups} multipart messages open`);
      if (!group && (this.perPeer.get(peer) ?? 0) >= limits.maxGroupsPerPeer)
        throw new ReassemblyFullError(`${limits.maxGroupsPerPeer} multipart messages open for this peer`);
      if (this.bytes + size > limits.maxBytes)
        throw new ReassemblyFullError(`${limits.maxBytes} octets of multipart messages held`);
    }
    if (!group) {
      group = { peer, bytes: 0, parts: new Map(), firstReceivedAt: part.receivedAt, lastReceivedAt: part.receivedAt };
      this.groups.set(key, group);
      this.perPeer.set(peer, (this.perPeer.get(peer) ?? 0) + 1);
    }
    group.parts.set(seq, part);
    group.bytes += size;
    this.bytes += size;
    group.firstReceivedAt = Math.min(group.firstReceivedAt, part.receivedAt);
    group.lastReceivedAt = Math.max(group.lastReceivedAt, part.receivedAt);
    if (group.parts.size < total) return null;
    this.close(key, group);
    return this.finish(key, part, group);
  }

  /** Groups whose first part waited longer than timeoutMs, delivered as far as they got. */
  expire(now: number): CompletedMessage[] {
    const out: CompletedMessage[] = [];
    for (const [key, group] of this.groups) {
      if (now - group.firstReceivedAt <= this.opts.timeoutMs) continue;
      this.close(key, group);
      out.push(this.finish(key, group.parts.values().next().value!, group));
    }
    return out;
  }

  private close(key: string, group: Group): void {
    this.groups.delete(key);
    this.bytes -= group.bytes;
    const left = (this.perPeer.get(group.peer) ?? 1) - 1;
    if (left > 0) this.perPeer.set(group.peer, left);
    else this.perPeer.delete(group.peer);
  }

  private finish(key: string, any: InboundPart, group: Group): CompletedMessage {
    const { source, destination, ref, total } = any;
    const parts = [...group.parts.values()].sort((a, b) => a.seq - b.seq);
    const missing: number[] = [];
    for (let s = 1; s <= total; s++) if (!group.parts.has(s)) missing.push(s);
    return {
      ...(any.peer !== undefined ? { peer: any.peer } : {}),
      key,
      source,
      destination,
      ref,
      segments: total,
      text: this.joinText(parts),
      incomplete: missing.length > 0,
      missing,
      received: parts.map((p) => p.seq),
      identity: identityOf(source, destination, ref, total, parts),
      partIds: parts.flatMap((p) => (p.id === undefined ? [] : [p.id])),
      firstReceivedAt: group.firstReceivedAt,
      lastReceivedAt: group.lastReceivedAt,
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
