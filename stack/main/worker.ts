// The worker alone: `npm run start:worker`. Run as many as needed against one Temporal cluster;
// with `redis.url` set their events reach every API process.
import { runProcess } from '../process-lifecycle.js';

await runProcess({
  parts: ['worker'],
  ready: ({ config, address }) => `worker ready on task queue ${config.temporal.taskQueue} at ${address}`,
});
