import { startDevServer } from '../platform/temporal/dev-server.js';

interface LocalTemporal {
  address: string;
  teardown(): Promise<void>;
}

/**
 * A real dev server for tests and benchmarks, started as `npm start` starts its own (the same
 * launcher: our search attributes, the shard's poll limits raised, a watchdog so that a killed test
 * run leaves no server behind). With `dbFilename` it is on disk, else in memory; on a free port.
 */
export async function startLocalTemporal(options: { dbFilename?: string } = {}): Promise<LocalTemporal> {
  const server = await startDevServer({ port: 0, ...options });
  return { address: server.address, teardown: server.stop };
}
