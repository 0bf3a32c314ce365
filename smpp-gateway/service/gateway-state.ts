import type { GatewayLog } from './log.js';
import { MoLedger } from './mo-ledger.js';
import { MoPartLedger, type PartRoute } from './mo-parts.js';
import { MtLedger } from './mt-ledger.js';
import { StateFile } from './state-file.js';

interface GatewayState {
  file: StateFile;
  mo: MoLedger;
  mt: MtLedger;
  parts: MoPartLedger;
  records: number;
  ms: number;
}

/**
 * The gateway's state at start: the file streamed into the ledgers record by record (whatever
 * its size), then compacted to what is live (in the background), and set to compact itself
 * while running. `routeOf`
 * names the route of a multipart group for early-acked parts (MoInbound knows it).
 */
export async function loadGatewayState(
  path: string,
  log: GatewayLog,
  routeOf: (key: string) => PartRoute | undefined = () => undefined,
): Promise<GatewayState> {
  const started = Date.now();
  const file = new StateFile(path, (level, message, fields) => log(level, message, fields));
  const mo = new MoLedger(file);
  const mt = new MtLedger(file);
  const parts = new MoPartLedger(file, (key) => routeOf(key));
  let records = 0;
  await file.load((r) => {
    records++;
    mo.load(r);
    mt.load(r);
    parts.load(r);
  });
  mo.loaded();
  mt.loaded();
  file.setLive(function* () {
    yield* mo.live();
    yield* mt.live();
    yield* parts.live();
  });
  const ms = Date.now() - started;
  // In the background: the gateway binds and serves while the file is rewritten.
  file
    .compact()
    .catch((error: unknown) => log('warn', 'state file compaction failed', { path, error: (error as Error).message }));
  return { file, mo, mt, parts, records, ms };
}
