// The SMPP gateway alone: `tsx smpp-gateway/main.ts`. Run one per set of carrier binds, next to
// any number of workers and APIs; SWITCHBOARD_TEMPORAL_ADDRESS overrides the config's address.
import { loadConfigOrExit } from '../config/load.js';
import { temporalAddress } from '../config/derive.js';
import { connectClient } from '../platform/temporal/connection.js';
import { smsTaskQueue } from '../workflows/contract/activities.js';
import { startGateway } from './service/gateway.js';

const config = loadConfigOrExit();
const address = process.env.SWITCHBOARD_TEMPORAL_ADDRESS || temporalAddress(config);
const client = await connectClient(config, address);
const gateway = await startGateway({ config, client, address });
const binds = config.smpp.binds.map((b) => `${b.id}@${b.host}:${b.port}`).join(', ') || 'none';
const listening = gateway.listenerPort === undefined ? 'off' : `${config.smpp.listen!.host}:${gateway.listenerPort}`;
console.log(
  `gateway ready: binds ${binds}; listener ${listening}; task queue ${smsTaskQueue(config.temporal.taskQueue, config.smpp.gatewayId)} at ${address}`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void gateway
      .stop()
      .then(() => client.connection.close())
      .then(() => process.exit(0));
  });
}
