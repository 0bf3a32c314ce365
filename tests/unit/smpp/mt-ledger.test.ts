import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MtLedger, routeKey } from '../../../smpp-gateway/service/mt-ledger.js';
import { StateFile } from '../../../smpp-gateway/service/state-file.js';

async function ledgerAt(path: string) {
  const file = new StateFile(path);
  const ledger = new MtLedger(file);
  await file.load((r) => ledger.load(r));
  ledger.loaded();
  return { file, ledger };
}

const message = (id: string, bindId: string) => ({
  conversationId: `c-${id}`,
  messageId: id,
  ref: 1,
  bindId,
  side: 'esme' as const,
  total: 1,
});

describe('MtLedger: receipts belong to their bind; intents survive a restart', () => {
  it("the same carrier id issued by two carriers settles only the MT sent on the receipt's bind", async () => {
    const { file, ledger } = await ledgerAt(join(mkdtempSync(join(tmpdir(), 'sb-mt-')), 's.jsonl'));
    const a = ledger.start(message('m-a', 'carrier-a'));
    const b = ledger.start(message('m-b', 'carrier-b'));
    ledger.accepted(a, 0, '1000');
    ledger.accepted(b, 0, '1000');
    expect(ledger.lookup(routeKey({ side: 'esme', bindId: 'carrier-a' }), '1000')?.entry.messageId).toBe('m-a');
    expect(ledger.lookup(routeKey({ side: 'esme', bindId: 'carrier-b' }), '1000')?.entry.messageId).toBe('m-b');
    expect(ledger.lookup(routeKey({ side: 'listener', bindId: 'carrier-a' }), '1000')).toBeUndefined();
    await file.close();
  });

  it('the hex/decimal fallback stays within the bind: "3e8" on carrier-b does not find carrier-a\'s 1000', async () => {
    const { file, ledger } = await ledgerAt(join(mkdtempSync(join(tmpdir(), 'sb-mt-')), 's.jsonl'));
    ledger.accepted(ledger.start(message('m-a', 'carrier-a')), 0, '1000');
    expect(ledger.lookup('esme:carrier-a', '3e8')?.entry.messageId).toBe('m-a');
    expect(ledger.lookup('esme:carrier-b', '3e8')).toBeUndefined();
    await file.close();
  });

  it('an intent written before a crash, with no result, comes back unconfirmed; an answered or cleared one does not', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sb-mt-')), 's.jsonl');
    const first = await ledgerAt(path);
    const e = first.ledger.start({ ...message('m-1', 'carrier-a'), total: 3 });
    first.ledger.intend(e, 0);
    first.ledger.accepted(e, 0, 'id-0');
    first.ledger.intend(e, 1); // the crash comes while part 2 is with the carrier
    first.ledger.intend(e, 2);
    first.ledger.cleared(e, 2); // refused outright: safe to send again
    await first.file.close();
    const second = await ledgerAt(path);
    const again = second.ledger.get('m-1')!;
    expect(again.parts).toEqual(['id-0', undefined, undefined]);
    expect([...again.unconfirmed]).toEqual([1]);
    // Compaction keeps the unconfirmed intent, so a second restart still knows.
    second.file.setLive(() => second.ledger.live());
    await second.file.compact();
    await second.file.close();
    const third = await ledgerAt(path);
    expect([...third.ledger.get('m-1')!.unconfirmed]).toEqual([1]);
    await third.file.close();
  });
});
