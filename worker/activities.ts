import type { CoreActivities } from '../workflows/contract/activities.js';
import type { SwitchboardConfig } from '../config/schema.js';
import { conversationSettings, directory } from '../config/derive.js';
import type { EventBus } from '../platform/events/bus.js';

interface ActivityDeps {
  config: SwitchboardConfig;
  bus: EventBus;
}

export function createActivities({ config, bus }: ActivityDeps): CoreActivities {
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
  };
}
