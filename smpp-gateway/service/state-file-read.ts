import { createReadStream } from 'node:fs';
import { validRecord, type StateRecord } from './state-records.js';

// Reading the state file back (state-file.ts writes it): streamed, so a file of any size is read
// one line at a time, and each line validated before a ledger sees it.

/** A line longer than this is not a record of ours: skipped without being held in memory. */
const MAX_LINE = 256 * 1024;

export interface StateFileLog {
  (level: 'warn', message: string, fields: Record<string, unknown>): void;
}

/**
 * Streams every valid record of `path` to `onRecord`; a missing file has none. Bad lines (not
 * JSON, not a known record, over MAX_LINE, a torn last line) are counted, warned about, skipped.
 */
export async function readRecords(
  path: string,
  onRecord: (record: StateRecord) => void,
  log: StateFileLog,
): Promise<void> {
  let skipped = 0;
  let lineNo = 0;
  const line = (text: string): void => {
    lineNo++;
    if (!text.trim()) return;
    let record: StateRecord | undefined;
    try {
      record = validRecord(JSON.parse(text));
    } catch {
      record = undefined;
    }
    if (!record) {
      if (skipped++ < 5) log('warn', 'state file: bad record skipped', { path, line: lineNo });
      return;
    }
    onRecord(record);
  };
  try {
    let partial = '';
    let overlong = false;
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const text = chunk as string;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        if (!overlong) line(partial + text.slice(start, nl));
        else {
          lineNo++;
          skipped++;
        }
        partial = '';
        overlong = false;
        start = nl + 1;
      }
      if (!overlong) partial += text.slice(start);
      if (partial.length > MAX_LINE) {
        partial = '';
        overlong = true;
      }
    }
    // A torn last line (a crash mid-write) fails validation like any other bad line.
    if (!overlong && partial) line(partial);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (skipped > 0) log('warn', 'state file: bad records skipped', { path, skipped });
}
