// The carrier's side of an MT, for suites that measure the core without the gateway: a worker on
// the gateway's task queue whose sendSms answers at once, as an SMSC that accepted the message.
import { Worker } from '@temporalio/worker';
import type { SwitchboardConfig } from '../config/schema.js';
import { connectNative } from '../platform/temporal/connection.js';
import { smsTaskQueue } from '../workflows/contract/activities.js';
import type { Reporter } from './reporter.js';

export async function startSmsStandIn(r: Reporter, config: SwitchboardConfig, address: string): Promise<void> {
  const sms = await Worker.create({
    connection: await connectNative(config, address),
    taskQueue: smsTaskQueue(config.temporal.taskQueue),
    activities: { sendSms: async (m: { messageId: string }) => ({ carrierIds: [m.messageId], segments: 1 }) },
  });
  const done = sms.run();
  r.cleanup(async () => {
    sms.shutdown();
    await done;
  });
}
