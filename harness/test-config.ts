import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { validateConfig } from '../config/load.js';
import type { BindConfig, SwitchboardConfig } from '../config/schema.js';

export interface TestConfigOptions {
  ronaTimeoutSeconds?: number;
  autoWrapUpSeconds?: number;
  capacity?: number;
  historyLimit?: number;
  /** More agents (agent-01 ..., password = username) in both queues, for load. */
  extraAgents?: number;
  /**
   * A production-style file (no `demo: true`): fresh random secrets, hashed passwords (the first
   * format, so tests stay quick), no simulator. Its API key is `config.auth.apiKeys[0].key`.
   */
  production?: boolean;
  /** Payload encryption on (two keys, the first one current) with hashed identifiers. */
  encryption?: boolean;
}

const hashes = new Map<string, string>();
/** scrypt$<salt>$<hash> (N=16384, r=8, p=1) of a test password, made once per process. */
export function testPasswordHash(password: string): string {
  let hash = hashes.get(password);
  if (!hash) {
    const salt = randomBytes(16);
    hash = `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 64).toString('base64')}`;
    hashes.set(password, hash);
  }
  return hash;
}

/**
 * A small contact center of its own for each test file: a fresh instance prefix and task queue keep
 * it apart from every other test on the shared dev server. RONA is short so tests see it fire.
 */
export function testConfig(options: TestConfigOptions = {}): SwitchboardConfig {
  const unique = randomUUID().slice(0, 8);
  const rona = options.ronaTimeoutSeconds ?? 2;
  const capacity = options.capacity ?? 5;
  const production = options.production === true;
  const credential = (username: string) =>
    production ? { passwordHash: testPasswordHash(username) } : { password: username };
  const agent = (id: string, name: string, queues: string[]) => ({
    id,
    name,
    username: id,
    ...credential(id),
    queues,
    capacity,
  });
  return validateConfig(
    {
      demo: !production,
      temporal: {
        address: 'embedded',
        instance: `t${unique}`,
        taskQueue: `test-${unique}`,
        historyLimit: options.historyLimit ?? 5000,
        ...(options.encryption
          ? {
              encryptionKeys: [
                { id: 'k2', key: randomBytes(32).toString('base64') },
                { id: 'k1', key: randomBytes(32).toString('base64') },
              ],
              idHashKey: randomBytes(32).toString('base64'),
            }
          : {}),
      },
      auth: production
        ? {
            jwtSecret: randomBytes(32).toString('base64'),
            apiKeys: [{ name: 'crm', key: randomBytes(24).toString('base64url') }],
          }
        : { jwtSecret: 'test-secret-not-for-production', apiKeys: [{ name: 'crm', key: 'test-integrator-key' }] },
      queues: [
        { id: 'support', name: 'Support', ronaTimeoutSeconds: rona },
        { id: 'sales', name: 'Sales', ronaTimeoutSeconds: rona },
      ],
      agents: [
        agent('alice', 'Alice Smith', ['support', 'sales']),
        agent('bob', 'Bob Jones', ['support']),
        agent('carol', 'Carol White', ['sales']),
        ...Array.from({ length: options.extraAgents ?? 0 }, (_, i) =>
          agent(`agent-${String(i + 1).padStart(2, '0')}`, `Agent ${i + 1}`, ['support', 'sales']),
        ),
      ],
      numbers: [
        { number: '+15551230000', type: 'LONGCODE', queue: 'support' },
        { number: '12345', type: 'SHORTCODE', queue: 'sales' },
        { number: '+18005550100', type: 'TOLL_FREE', queue: 'support' },
      ],
      idleCodes: [
        { id: 'break', name: 'Break' },
        { id: 'lunch', name: 'Lunch' },
      ],
      wrapUp: {
        reasons: [
          { id: 'resolved', name: 'Resolved' },
          { id: 'follow-up', name: 'Follow-up needed' },
        ],
        autoWrapUpSeconds: options.autoWrapUpSeconds ?? 0,
        defaultReasonId: 'resolved',
      },
    },
    'test configuration',
  );
}

/**
 * One transceiver bind to a carrier on loopback; port 0 aims it at a simulator on port 0 (the
 * stack points it at the simulator's port once that listens).
 */
export function testBind(port = 0): BindConfig {
  return {
    id: 'carrier-a',
    host: '127.0.0.1',
    port,
    systemId: 'switchboard',
    password: 'secret',
    systemType: '',
    bindType: 'transceiver',
    enquireLinkSeconds: 30,
    responseTimeoutSeconds: 5,
    windowSize: 10,
    maxSubmitsPerSecond: 200,
    segmentation: 'udh8',
    gsmPacked: false,
  };
}
