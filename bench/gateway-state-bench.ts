// The gateway's start-up with a big state file (issue 10: a million records in under 10 s).
// Writes a million records as a busy week leaves them (MTs with their intents, parts, receipts
// and done marks; MO pending/ack pairs), then times loadGatewayState: stream, validate, index,
// compact. BENCH_STATE_RECORDS overrides the count.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayState } from '../smpp-gateway/service/gateway-state.js';
import type { StateRecord } from '../smpp-gateway/service/state-file.js';
import type { Row } from './stats.js';

async function writeRecords(path: string, count: number): Promise<void> {
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
      if (!out.write(batch)) await new Promise<void>((r) => out.once('drain', () => r()));
      batch = '';
    }
  }
  await new Promise<void>((r) => out.end(batch, () => r()));
}

export async function runGatewayStateBench(): Promise<Row[]> {
  const count = Number(process.env.BENCH_STATE_RECORDS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sb-state-bench-'));
  const path = join(dir, 'gateway.jsonl');
  try {
    await writeRecords(path, count);
    const size = statSync(path).size;
    const state = await loadGatewayState(path, () => undefined);
    const compactStarted = Date.now();
    await state.file.close(); // waits for the background compaction
    const compactMs = Date.now() - compactStarted;
    return [
      {
        name: `gateway start-up: state file of ${state.records.toLocaleString('en')} records`,
        p50: state.ms,
        unit: 'ms',
        target: '< 10000',
        note: `${(size / 2 ** 20).toFixed(0)} MiB streamed, validated, indexed; then compacted in the background to ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB in ${compactMs} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
