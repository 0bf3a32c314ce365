import type { SmsActivities } from '../../workflows/contract/activities.js';
import type { MtSender } from './mt-sender.js';

interface SmsActivityDeps {
  sender: MtSender;
}

/** The gateway's half of the activity contract (workflows/contract/activities.ts), Temporal-samples style. */
export function createSmsActivities({ sender }: SmsActivityDeps): SmsActivities {
  return {
    async sendSms(request) {
      return sender.send(request);
    },
  };
}
