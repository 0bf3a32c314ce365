import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFile, type StateRecord } from '../../../smpp-gateway/service/state-file.js';
import { validRecord } from '../../../smpp-gateway/service/state-records.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'sb-state-')), 'gateway.jsonl');
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as StateRecord);

async function read(path: string) {
  const records: StateRecord[] = [];
  const warnings: string[] = [];
  const file = await StateFile.open(
    path,
    (r) => records.push(r),
    (_l, message) => warnings.push(message),
  );
  return { file, records, warnings };
}

describe('gateway state file: every record validated, read as a stream, compacted while running', () => {
  it('skips bad records with a warning: not JSON, unknown kind, wrong types, extra keys, index past its total, a torn last line', async () => {
    const path = tmp();
    const good = { k: 'mo', h: 'mo-abc', id: 'mo-abc-1', at: 5 };
    writeFileSync(
      path,
      [
        JSON.stringify(good),
        'not json',
        '{"k":"evil","x":1}',
        '{"k":"mo","h":1,"id":"x","at":5}',
        '{"k":"ack","h":"a","extra":true}',
        '{"k":"part","m":"m","c":"c","i":3,"n":2,"id":"x","r":1,"b":"b","s":"esme","at":1}',
        '{"k":"dlr","id":"1","st":"MAYBE"}',
        '[1,2]',
        'null',
        `${JSON.stringify({ k: 'ack', h: 'mo-abc' })}`,
        '{"k":"mo","h":"torn',
      ].join('\n'),
    );
    const { file, records, warnings } = await read(path);
    expect(records).toEqual([good, { k: 'ack', h: 'mo-abc' }]);
    expect(warnings).toContain('state file: bad records skipped');
    await file.close();
  });

  it('a line far over the maximum is skipped without being held, and reading goes on after it', async () => {
    const path = tmp();
    writeFileSync(path, `${'x'.repeat(3 << 20)}\n${JSON.stringify({ k: 'ack', h: 'after' })}\n`);
    const { file, records } = await read(path);
    expect(records).toEqual([{ k: 'ack', h: 'after' }]);
    await file.close();
  });

  it('compaction keeps only live records plus whatever was appended while it ran', async () => {
    const path = tmp();
    const { file } = await read(path);
    const live: StateRecord[] = [{ k: 'mo', h: 'h1', id: 'i1', at: 1 }];
    file.setLive(() => live);
    for (let i = 0; i < 1000; i++) file.append({ k: 'ack', h: `old-${i}` });
    const compacting = file.compact();
    file.append({ k: 'ack', h: 'during' });
    await compacting;
    file.append({ k: 'ack', h: 'after' });
    expect(lines(path)).toEqual([live[0], { k: 'ack', h: 'during' }, { k: 'ack', h: 'after' }]);
    await file.close();
  });

  it('compacts by itself once appends outnumber what is live', async () => {
    const path = tmp();
    const { file } = await read(path);
    file.setLive(() => [{ k: 'ack', h: 'only' }]);
    for (let i = 0; i < 50_001; i++) file.append({ k: 'ack', h: `x${i}` });
    await file.close(); // waits for the compaction it started
    expect(lines(path).length).toBeLessThan(100);
    expect(lines(path)[0]).toEqual({ k: 'ack', h: 'only' });
  });

  it('validRecord accepts every kind the gateway writes', () => {
    const all: StateRecord[] = [
      { k: 'mo', h: 'h', id: 'i', at: 1 },
      { k: 'ack', h: 'h' },
      { k: 'try', m: 'm', c: 'c', i: 0, n: 1, r: 2, b: 'carrier-a', s: 'esme', at: 1 },
      { k: 'tryx', m: 'm', i: 0 },
      { k: 'part', m: 'm', c: 'c', i: 0, n: 1, id: 'abc', r: 2, b: 'carrier-a', s: 'esme', at: 1 },
      { k: 'dlr', id: 'abc', st: 'FAILED', d: 'x', b: 'esme:carrier-a' },
      { k: 'done', m: 'm', at: 1 },
      { k: 'mop', g: 'g', p: 'esme:a', s: 'esme', f: '+1', t: '+2', r: 1, n: 2, q: 1, dc: 0, x: '4142', at: 1 },
      { k: 'mopd', g: 'g' },
    ];
    for (const r of all) expect(validRecord(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });
});
