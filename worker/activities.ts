import type { Client } from '@temporalio/client';
import type { CoreActivities } from '../workflows/contract/activities.js';
import type { SwitchboardConfig } from '../config/schema.js';
import { conversationSettings, directory } from '../config/derive.js';
import type { EventBus } from '../platform/events/bus.js';
import { signalWorkflow, startWorkflow } from './workflow-signals.js';
import { historyStash } from './history-stash.js';

interface ActivityDeps {
  config: SwitchboardConfig;
  bus: EventBus;
  /** With the configuration's data converter: what workflows signal and start is encoded alike. */
  client: Client;
}

export function createActivities({ config, bus, client }: ActivityDeps): CoreActivities {
  return {
    async publishEvents(batch) {
      await bus.publish(batch);
    },
    async conversationSettings() {
      return conversationSettings(config);
    },
    async directory() {
      return directory(config);
    },
    signalWorkflow: (request) => signalWorkflow(client, request),
    startWorkflow: (request) => startWorkflow(client, request),
    ...historyStash(client),
  };
}
