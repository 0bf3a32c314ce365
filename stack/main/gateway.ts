// The SMPP gateway alone: `npm run start:gateway`. Run one per set of carrier binds (each with its
// own smpp.gatewayId), next to any number of workers and APIs.
import { smsTaskQueue } from '../../workflows/contract/activities.js';
import { runProcess } from '../process-lifecycle.js';

await runProcess({
  parts: ['gateway'],
  ready: ({ config, gateway, address }) => {
    const binds = config.smpp.binds.map((b) => `${b.id}@${b.host}:${b.port}`).join(', ') || 'none';
    const listener =
      gateway!.listenerPort === undefined ? 'off' : `${config.smpp.listen!.host}:${gateway!.listenerPort}`;
    const queue = smsTaskQueue(config.temporal.taskQueue, config.smpp.gatewayId);
    return `gateway ready: binds ${binds}; listener ${listener}; task queue ${queue} at ${address}`;
  },
});
