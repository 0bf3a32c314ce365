import { join } from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { isEmbedded, temporalAddress } from '../../config/derive.js';
import { startDevServer, type DevServer } from '../../platform/temporal/dev-server.js';
import { connectClient } from '../../platform/temporal/connection.js';
import { ensureSearchAttributes } from '../../platform/temporal/search-attributes.js';
import type { Started } from './part.js';

export interface Temporal {
  /** The frontend every part connects to. */
  address: string;
  client: Client;
}

/**
 * Temporal for the parts: with `devServer` and an embedded configuration, the dev server on the
 * configured ports with its data in temporal.dataDir (what `npm start` runs); otherwise the
 * configured address, where a cluster gets our search attributes registered if it allows it.
 * A process started on its own with `embedded` connects to the dev server `npm start` runs.
 */
export async function startTemporal(config: SwitchboardConfig, devServer: boolean): Promise<Started<Temporal>> {
  let address = temporalAddress(config);
  let server: DevServer | undefined;
  let banner = `Temporal cluster     ${address}  namespace ${config.temporal.namespace}`;
  if (devServer && isEmbedded(config)) {
    server = await startDevServer({
      dbFilename: join(config.temporal.dataDir, 'temporal.db'),
      namespace: config.temporal.namespace,
      port: config.temporal.port,
      uiPort: config.temporal.uiPort,
    });
    address = server.address;
    const ui = server.uiAddress ? `, UI ${server.uiAddress}` : '';
    banner = `Temporal dev server  ${address}  (data in ${config.temporal.dataDir}${ui}; pid ${server.pid})`;
  } else if (isEmbedded(config)) {
    banner = `Temporal             ${address}  (the dev server of \`npm start\`)`;
  }
  try {
    const client = await connectClient(config, address);
    if (!isEmbedded(config)) {
      const problem = await ensureSearchAttributes(client.connection as Connection, config.temporal.namespace);
      if (problem) console.warn(`warning: ${problem}`);
    }
    return {
      value: { address, client },
      banners: [banner],
      async stop() {
        await client.connection.close();
        await server?.stop();
      },
    };
  } catch (error) {
    await server?.stop();
    throw error;
  }
}
