import { createHash } from 'node:crypto';
import type { MoPendingRecord, StateFile, StateRecord } from './state-file.js';

// MO ids. SMPP 3.4 gives an MO no carrier message id, so what identifies a message is its content:
// source, destination, the user data (and its concatenation reference), plus the handset's
// user_message_reference when the carrier passes it. Content alone cannot tell a redelivery from a
// customer who sends "ok" twice, so the content hash is paired with the ack: while a hash waits
// for its deliver_sm_resp (or its ack was refused, or the gateway died first), every copy gets the
// same id and the thread shows it once; once it was acked, the same content again is a new message.

/** Carriers retry an unacknowledged MO for hours, rarely longer than two days. */
const REDELIVERY_WINDOW_MS = 48 * 3600_000;

/** The content hash of a single-part MO, in the same form as the reassembler's identity. */
export function singlePartHash(input: {
  from: string;
  to: string;
  dataCoding: number;
  bytes: Buffer;
  userMessageReference?: number | undefined;
}): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([input.from, input.to, input.dataCoding, input.userMessageReference ?? null]));
  hash.update(input.bytes);
  return `mo-${hash.digest('hex').slice(0, 32)}`;
}

export class MoLedger {
  private readonly pending = new Map<string, MoPendingRecord>();
  private sequence = 0;

  constructor(
    private readonly file: StateFile,
    private readonly now = Date.now,
  ) {}

  /** One record read back from the state file (in file order). */
  load(r: StateRecord): void {
    if (r.k === 'mo') this.pending.set(r.h, r);
    else if (r.k === 'ack') this.pending.delete(r.h);
  }

  /** After the last record: forget what is past the redelivery window. */
  loaded(): void {
    for (const [h, r] of this.pending) if (this.now() - r.at > REDELIVERY_WINDOW_MS) this.pending.delete(h);
  }

  /** The records a compacted file keeps. */
  live(): Iterable<StateRecord> {
    return this.pending.values();
  }

  /**
   * The id for a message with this content hash: the waiting one when there is one (a
   * redelivery), else a new one, written down before anyone is told about it.
   */
  begin(hash: string): { id: string; redelivery: boolean } {
    const waiting = this.pending.get(hash);
    if (waiting && this.now() - waiting.at <= REDELIVERY_WINDOW_MS) return { id: waiting.id, redelivery: true };
    const at = this.now();
    const record: MoPendingRecord = {
      k: 'mo',
      h: hash,
      id: `${hash}-${at.toString(36)}${(this.sequence++ % 1296).toString(36)}`,
      at,
    };
    this.pending.set(hash, record);
    this.file.append(record);
    return { id: record.id, redelivery: false };
  }

  /**
   * Called after Temporal accepted the signal and before the ack is written: a crash in between
   * makes the carrier redeliver a message we then show twice, which beats losing a later one.
   */
  acked(hash: string, id: string): void {
    if (this.pending.get(hash)?.id !== id) return;
    this.pending.delete(hash);
    this.file.append({ k: 'ack', h: hash });
  }
}
