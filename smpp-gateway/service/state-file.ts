import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

// The gateway's own memory, kept across restarts: which MO ids are still waiting for their ack,
// and which carrier ids belong to which outbound message. One JSON object per line, appended; a
// restart reads it back and rewrites it with only the records that still matter.

/** An MO id was chosen and is about to be signalled; the carrier has not been acked yet. */
export interface MoPendingRecord { k: 'mo'; h: string; id: string; at: number }
/** That MO was acked: a later copy with the same content is a new message. */
export interface MoAckRecord { k: 'ack'; h: string }
/** One part of an MT accepted by the carrier (or a listener peer) under `id`. */
export interface MtPartRecord { k: 'part'; m: string; c: string; i: number; n: number; id: string; r: number; b: string; s: 'esme' | 'listener'; at: number }
/** The final state a receipt gave one part. */
export interface ReceiptRecord { k: 'dlr'; id: string; st: 'DELIVERED' | 'FAILED'; d?: string }
/** The conversation has been told the outcome of message `m`. */
export interface MtDoneRecord { k: 'done'; m: string; at: number }

export type StateRecord = MoPendingRecord | MoAckRecord | MtPartRecord | ReceiptRecord | MtDoneRecord;

export class StateFile {
  private fd: number | undefined;

  private constructor(readonly path: string) {}

  /** Reads every record; a torn last line (a crash mid-write) is skipped, not fatal. */
  static async open(path: string): Promise<{ file: StateFile; records: StateRecord[] }> {
    await mkdir(dirname(path), { recursive: true });
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const records: StateRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line) as StateRecord);
      } catch {
        // Only the last line can be torn: nothing after it was acknowledged to anyone.
      }
    }
    return { file: new StateFile(path), records };
  }

  /** Replaces the file with `records` (atomically, by rename) and opens it for appending. */
  async rewrite(records: StateRecord[]): Promise<void> {
    const temp = `${this.path}.${process.pid}.tmp`;
    const out = await open(temp, 'w');
    try {
      await out.writeFile(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(temp, this.path);
    this.fd = openSync(this.path, 'a');
  }

  /**
   * Returns once the line is in the operating system's hands: it survives the process being
   * killed. (No fsync per line: surviving a power cut would cost a disk flush per message.) A
   * synchronous write of one short line into the page cache takes microseconds; the thread pool
   * round trip of an async one cost more than that on a busy machine, on every MO's ack path.
   */
  async append(record: StateRecord): Promise<void> {
    if (this.fd === undefined) throw new Error('state file is not open');
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  async close(): Promise<void> {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }
}
