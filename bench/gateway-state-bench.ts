// The gateway's start-up with a big state file (issue 10: a million records in under 10 s).
// Writes a million records as a busy week leaves them (MTs with their intents, parts, receipts
// and done marks; MO pending/ack pairs), then times loadGatewayState: stream, validate, index,
// compact. BENCH_STATE_RECORDS overrides the count.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayState } from '../smpp-gateway/service/gateway-state.js';
import type { StateRecord } from '../smpp-gateway/service/state-file.js';
import type { Reporter } from './reporter.js';

async function writeRecords(r: Reporter, path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const now = Date.now();
  let batch = '';
  for (let n = 0, i = 0; n < count; i++) {
    const m = `msg-${i}`;
    const at = now - (i % 3600) * 1000;
    const records: StateRecord[] =
      i % 5 === 4
        ? [
            { k: 'mo', h: `mo-${i}`, id: `mo-${i}-x`, at },
            { k: 'ack', h: `mo-${i}` },
          ]
        : [
            { k: 'try', m, c: `conv-${i}`, i: 0, n: 1, r: i & 0xffff, b: 'carrier-a', s: 'esme', at },
            {
              k: 'part',
              m,
              c: `conv-${i}`,
              i: 0,
              n: 1,
              id: (0x10000000 + i).toString(16),
              r: i & 0xffff,
              b: 'carrier-a',
              s: 'esme',
              at,
            },
            { k: 'dlr', id: (0x10000000 + i).toString(16), st: 'DELIVERED', b: 'esme:carrier-a' },
            { k: 'done', m, at },
          ];
    for (const r of records) {
      batch += `${JSON.stringify(r)}\n`;
      n++;
    }
    if (batch.length > 1 << 20) {
      r.progress('state records written', n, count);
      r.check();
      if (!out.write(batch)) await new Promise<void>((r) => out.once('drain', () => r()));
      batch = '';
    }
  }
  await new Promise<void>((r) => out.end(batch, () => r()));
}

export async function runGatewayStateBench(r: Reporter): Promise<void> {
  const count = Number(process.env.BENCH_STATE_RECORDS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sb-state-bench-'));
  r.cleanup(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'gateway.jsonl');
  await writeRecords(r, path, count);
  const size = statSync(path).size;
  r.progress('state records loaded', 0, count);
  const state = await loadGatewayState(path, () => undefined);
  r.progress('state records loaded and compacted', state.records, count);
  // The file is closed whatever happens (it waits for the background compaction).
  let closed: Promise<void> | undefined;
  r.cleanup(() => (closed ??= state.file.close()));
  const compactStarted = Date.now();
  await (closed ??= state.file.close());
  const compactMs = Date.now() - compactStarted;
  r.row({
    name: `gateway start-up: state file of ${state.records.toLocaleString('en')} records`,
    p50: state.ms,
    unit: 'ms',
    target: '< 10000',
    note: `${(size / 2 ** 20).toFixed(0)} MiB streamed, validated, indexed; then compacted in the background to ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB in ${compactMs} ms`,
  });
}
