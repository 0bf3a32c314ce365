import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '../config/load.js';
import { createEventBus } from '../platform/events/redis-bus.js';
import { connectClient } from '../platform/temporal/connection.js';
import { createApi } from './create-api.js';

// The API on its own (several of them behind a load balancer, with Redis carrying the events):
//   SWITCHBOARD_CONFIG=path/to/config.yaml npx tsx api/main.ts
// It serves the built desktop too when web/build exists (or SWITCHBOARD_WEB_ROOT says where).

const config = loadConfigOrExit();
const client = await connectClient(config);
const bus = await createEventBus({
  ...(config.redis ? { redisUrl: config.redis.url } : {}),
  instance: config.temporal.instance,
});
const defaultWebRoot = fileURLToPath(new URL('../web/build', import.meta.url));
const webRoot = process.env.SWITCHBOARD_WEB_ROOT ?? (existsSync(defaultWebRoot) ? defaultWebRoot : undefined);
const api = createApi({ config, client, bus, ...(webRoot ? { webRoot } : {}) });
const { url, webUrl } = await api.listen();
// One line a supervisor (or a test) can wait for; no secrets in it.
console.log(JSON.stringify({ listening: url, ...(webUrl ? { web: webUrl } : {}), instance: config.temporal.instance }));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await api.close();
  await bus.close();
  await client.connection.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
