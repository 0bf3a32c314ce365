import { describe, expect, it } from 'vitest';
import {
  ConversationList,
  decodeCursor,
  encodeCursor,
  type ListSource,
} from '../../../api/services/conversation-list.js';
import { testConfig } from '../../../harness/test-config.js';

// The pager over a visibility that returns running executions newest first at its own precision,
// in its own order within a millisecond (here: ids ascending, the reverse of ours), as SQL
// visibility may. A pure unit test: the fake is the visibility list only.

const MS = 1_760_000_000_000;

function visibility(items: { id: string; ns: bigint }[]): ListSource {
  return (query) => {
    const running = query.includes(`ExecutionStatus = 'Running'`);
    const before = /StartTime < '([^']+)'/.exec(query)?.[1];
    const limit = before ? BigInt(Date.parse(before)) * 1_000_000n : undefined;
    const rows = running ? items.filter((x) => limit === undefined || x.ns < limit) : [];
    const ms = (x: { ns: bigint }) => x.ns / 1_000_000n;
    rows.sort((a, b) => (ms(a) === ms(b) ? (a.id < b.id ? -1 : 1) : ms(a) > ms(b) ? -1 : 1));
    return (async function* () {
      for (const r of rows) {
        const seconds = r.ns / 1_000_000_000n;
        yield {
          workflowId: r.id,
          startTime: new Date(Number(r.ns / 1_000_000n)),
          closeTime: undefined,
          raw: { startTime: { seconds: Number(seconds), nanos: Number(r.ns % 1_000_000_000n) } },
        } as never;
      }
    })();
  };
}

describe('conversation list paging', () => {
  it('never skips or repeats when many starts share a millisecond', async () => {
    // 40 conversations over 3 milliseconds; some share a nanosecond too.
    const items = Array.from({ length: 40 }, (_, i) => ({
      id: `sb:conv:${String(i).padStart(3, '0')}`,
      ns: BigInt(MS + (i % 3)) * 1_000_000n + BigInt(i % 4) * 1000n,
    }));
    const list = new ConversationList(visibility(items), testConfig());
    for (const size of [1, 3, 7, 13]) {
      const seen: string[] = [];
      let after: ReturnType<typeof decodeCursor>;
      for (;;) {
        const page = await list.page({}, size, after);
        const shown = page.slice(0, size);
        seen.push(...shown.map((x) => x.id));
        if (page.length <= size) break;
        after = decodeCursor(encodeCursor(shown.at(-1)!));
      }
      expect(seen.length).toBe(40);
      expect(new Set(seen).size).toBe(40);
    }
  });

  it('a cursor is exact to the nanosecond and refuses anything else', () => {
    const item = { id: 'sb:conv:x', startedAt: 1_760_000_000_123_456_789n };
    expect(decodeCursor(encodeCursor(item))).toEqual(item);
    for (const bad of [
      '',
      '!!',
      Buffer.from('[1e20,"x"]').toString('base64url'),
      Buffer.from('["99999999999999999999","x"]').toString('base64url'),
      Buffer.from('null').toString('base64url'),
    ]) {
      expect(decodeCursor(bad)).toBeUndefined();
    }
  });
});
