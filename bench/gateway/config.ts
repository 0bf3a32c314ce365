// The gateway suite's contact center: one queue, one agent, two business numbers on binds of
// window 10 and 50 to the carrier simulator, and the customers whose conversations the MOs go into.
import { validateConfig } from '../../config/load.js';
import type { SwitchboardConfig } from '../../config/schema.js';

export const BIZ = '+15551230000';
export const TOLL_FREE = '+18005550100';
/** Customers whose conversations the MOs go into: opened by the warm-up. */
export const CUSTOMERS = 100;

/** Customer `i` (of CUSTOMERS, wrapping round). */
export const customer = (i: number) => `+1555800${String(i % CUSTOMERS).padStart(4, '0')}`;

export function benchConfig(simPort: number, dataDir: string): SwitchboardConfig {
  const bind = (id: string, windowSize: number) => ({
    id,
    host: '127.0.0.1',
    port: simPort,
    systemId: id,
    password: 'bench',
    windowSize,
    maxSubmitsPerSecond: 100_000,
    responseTimeoutSeconds: 10,
  });
  return validateConfig(
    {
      demo: true,
      temporal: { instance: 'bench', taskQueue: 'bench', dataDir },
      auth: { jwtSecret: 'bench-secret-not-for-production' },
      queues: [{ id: 'support', name: 'Support' }],
      agents: [{ id: 'alice', name: 'Alice', username: 'alice', password: 'alice', queues: ['support'] }],
      numbers: [
        { number: BIZ, type: 'LONGCODE', queue: 'support', bind: 'w10' },
        { number: TOLL_FREE, type: 'TOLL_FREE', queue: 'support', bind: 'w50' },
      ],
      idleCodes: [{ id: 'break', name: 'Break' }],
      wrapUp: { reasons: [{ id: 'resolved', name: 'Resolved' }], defaultReasonId: 'resolved' },
      smpp: { binds: [bind('w10', 10), bind('w50', 50)] },
    },
    'bench configuration',
  );
}
