import { createHash } from 'node:crypto';

export interface InboundPart {
  /** Who sent it (bind id or listener account): groups never mix parts of different peers. */
  peer?: string;
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

// What names a multipart group (its key, with the peer) and a message (its identity, without:
// the same message redelivered over another bind is the same message), and the limits on groups.

/** A new part would pass a limit (groups per peer, groups, octets held): refuse it, for now. */
export class ReassemblyFullError extends Error {
  override readonly name = 'ReassemblyFullError';
}

export interface ReassemblyLimits {
  maxGroupsPerPeer: number;
  maxGroups: number;
  /** Octets of user data held by every open group together. */
  maxBytes: number;
}

/** total is in the key: a reused ref with a different count is a different message. */
export function groupKey(part: Pick<InboundPart, 'peer' | 'source' | 'destination' | 'ref' | 'total'>): string {
  return JSON.stringify([part.peer ?? '', part.source, part.destination, part.ref, part.total]);
}

/**
 * Content-derived, so a carrier redelivering the same parts (because our deliver_sm_resp was lost)
 * yields the same identity. Receive times and local ids are left out for that reason.
 */
export function identityOf(
  source: string,
  destination: string,
  ref: number,
  total: number,
  parts: InboundPart[],
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([source, destination, ref, total]));
  for (const p of parts)
    hash.update(`|${p.seq}:${p.dataCoding ?? ''}:${p.bytes ? p.bytes.toString('hex') : `t${p.text ?? ''}`}`);
  return `mo-${hash.digest('hex').slice(0, 32)}`;
}
