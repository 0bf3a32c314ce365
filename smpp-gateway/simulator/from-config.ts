import type { SwitchboardConfig } from '../../config/schema.js';
import { CarrierSimulator } from './carrier-simulator.js';

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/**
 * The demo carrier from the configuration: it accepts the credentials of every bind pointed at its
 * port on loopback, so the gateway binds exactly as it would to a real carrier.
 */
export function simulatorFromConfig(config: SwitchboardConfig): CarrierSimulator {
  const { port, receiptDelayMs } = config.smpp.simulator;
  const credentials = config.smpp.binds
    .filter((b) => b.port === port && LOOPBACK.includes(b.host))
    .map((b) => ({ systemId: b.systemId, password: b.password }));
  return new CarrierSimulator({
    port,
    host: '127.0.0.1',
    receiptDelayMs,
    ...(credentials.length > 0 ? { credentials } : {}),
  });
}
