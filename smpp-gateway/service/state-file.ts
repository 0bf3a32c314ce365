import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readRecords, type StateFileLog } from './state-file-read.js';
import type { StateRecord } from './state-records.js';

export type * from './state-records.js';

// The gateway's own memory, kept across restarts: which MO ids are still waiting for their ack,
// which carrier ids belong to which outbound message, MO parts acked early. One JSON object per
// line, appended. Read back as a stream (a file of any size, one line at a time, each validated),
// and compacted while running: once the lines appended since the last compaction outnumber twice
// what is live (and at least COMPACT_MIN), the file is rewritten with only the live records.

const COMPACT_MIN = 50_000;

export class StateFile {
  private fd: number | undefined;
  private appended = 0;
  private liveAtCompaction = 0;
  private compacting: Promise<void> | undefined;
  /** Appended while a compaction writes its snapshot: they go into the new file too. */
  private during: string[] | undefined;
  private live: () => Iterable<StateRecord> = () => [];

  constructor(
    readonly path: string,
    private readonly log: StateFileLog = () => undefined,
  ) {}

  /** Opens `path`, streaming each valid record to `onRecord` first (see load). */
  static async open(path: string, onRecord: (record: StateRecord) => void, log?: StateFileLog): Promise<StateFile> {
    const file = new StateFile(path, log);
    await file.load(onRecord);
    return file;
  }

  /** Streams every valid record to `onRecord` (bad lines skipped: readRecords), then opens the file for appending. */
  async load(onRecord: (record: StateRecord) => void): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await readRecords(this.path, onRecord, this.log);
    this.fd = openSync(this.path, 'a');
  }

  /** Where compaction takes what still matters from (the ledgers' live records). */
  setLive(live: () => Iterable<StateRecord>): void {
    this.live = live;
  }

  /**
   * Rewrites the file with only the live records; records appended meanwhile are kept (written
   * to the old file as usual, and to the new one before the swap). The swap is a rename.
   */
  compact(): Promise<void> {
    this.compacting ??= this.rewrite().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  /**
   * Returns once the line is in the operating system's hands: it survives the process being
   * killed. (No fsync per line: surviving a power cut would cost a disk flush per message.) A
   * synchronous write of one short line into the page cache takes microseconds; the thread pool
   * round trip of an async one cost more than that on a busy machine, on every MO's ack path.
   */
  append(record: StateRecord): void {
    if (this.fd === undefined) throw new Error('state file is not open');
    const line = `${JSON.stringify(record)}\n`;
    writeSync(this.fd, line);
    this.during?.push(line);
    if (++this.appended > Math.max(COMPACT_MIN, 2 * this.liveAtCompaction) && !this.compacting) {
      this.compact().catch((error: unknown) =>
        this.log('warn', 'state file compaction failed', { path: this.path, error: (error as Error).message }),
      );
    }
  }

  async close(): Promise<void> {
    await this.compacting?.catch(() => undefined);
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }

  private async rewrite(): Promise<void> {
    const temp = `${this.path}.${process.pid}.tmp`;
    this.during = [];
    let count = 0;
    try {
      // Lazily, yielding to the event loop between batches, so a big live set does not stall
      // the gateway. The ledgers change meanwhile: every change is an append, and every append
      // since the start is in `during`, written after the snapshot; the ledgers read any record
      // twice (or superseded later in the file) to the same state.
      const out = createWriteStream(temp);
      let batch = '';
      for (const record of this.live()) {
        batch += `${JSON.stringify(record)}\n`;
        count++;
        if (batch.length > 1 << 20) {
          if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          else await new Promise<void>((resolve) => setImmediate(resolve));
          batch = '';
        }
      }
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(batch, () => resolve());
      });
      // From here to the swap nothing awaits, so no append can fall between the two files.
      const fd = openSync(temp, 'a');
      for (const line of this.during) writeSync(fd, line);
      fsyncSync(fd);
      renameSync(temp, this.path);
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = fd;
    } finally {
      this.during = undefined;
    }
    this.liveAtCompaction = count;
    this.appended = 0;
  }
}
