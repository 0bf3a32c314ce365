import { randomUUID } from 'node:crypto';
import { validateConfig } from '../../config/load.js';
import type { SwitchboardConfig } from '../../config/schema.js';

export interface TestConfigOptions {
  ronaTimeoutSeconds?: number;
  autoWrapUpSeconds?: number;
  capacity?: number;
  historyLimit?: number;
  /** More agents (agent-01 ..., password = username) in both queues, for load. */
  extraAgents?: number;
}

/**
 * A small contact center of its own for each test file: a fresh instance prefix and task queue keep
 * it apart from every other test on the shared dev server. RONA is short so tests see it fire.
 */
export function testConfig(options: TestConfigOptions = {}): SwitchboardConfig {
  const unique = randomUUID().slice(0, 8);
  const rona = options.ronaTimeoutSeconds ?? 2;
  const capacity = options.capacity ?? 5;
  return validateConfig({
    temporal: { address: 'embedded', instance: `t${unique}`, taskQueue: `test-${unique}`, historyLimit: options.historyLimit ?? 5000 },
    auth: { jwtSecret: 'test-secret-not-for-production', apiKeys: [{ name: 'crm', key: 'test-integrator-key' }] },
    queues: [
      { id: 'support', name: 'Support', ronaTimeoutSeconds: rona },
      { id: 'sales', name: 'Sales', ronaTimeoutSeconds: rona },
    ],
    agents: [
      { id: 'alice', name: 'Alice Smith', username: 'alice', password: 'alice', queues: ['support', 'sales'], capacity },
      { id: 'bob', name: 'Bob Jones', username: 'bob', password: 'bob', queues: ['support'], capacity },
      { id: 'carol', name: 'Carol White', username: 'carol', password: 'carol', queues: ['sales'], capacity },
      ...Array.from({ length: options.extraAgents ?? 0 }, (_, i) => {
        const id = `agent-${String(i + 1).padStart(2, '0')}`;
        return { id, name: `Agent ${i + 1}`, username: id, password: id, queues: ['support', 'sales'], capacity };
      }),
    ],
    numbers: [
      { number: '+15551230000', type: 'LONGCODE', queue: 'support' },
      { number: '12345', type: 'SHORTCODE', queue: 'sales' },
      { number: '+18005550100', type: 'TOLL_FREE', queue: 'support' },
    ],
    idleCodes: [{ id: 'break', name: 'Break' }, { id: 'lunch', name: 'Lunch' }],
    wrapUp: {
      reasons: [{ id: 'resolved', name: 'Resolved' }, { id: 'follow-up', name: 'Follow-up needed' }],
      autoWrapUpSeconds: options.autoWrapUpSeconds ?? 0,
      defaultReasonId: 'resolved',
    },
  }, 'test configuration');
}
