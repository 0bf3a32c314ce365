import type { BindConfig, SwitchboardConfig } from '../../config/schema.js';
import { CarrierSimulator } from './carrier-simulator.js';

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/** A bind pointed at the simulator: on loopback, at the simulator's configured port. */
export function aimsAtSimulator(bind: Pick<BindConfig, 'host' | 'port'>, config: SwitchboardConfig): boolean {
  return bind.port === config.smpp.simulator.port && LOOPBACK.includes(bind.host);
}

/**
 * The demo carrier from the configuration: it accepts the credentials of every bind pointed at its
 * port on loopback, so the gateway binds exactly as it would to a real carrier.
 */
export function simulatorFromConfig(config: SwitchboardConfig): CarrierSimulator {
  const { port, receiptDelayMs } = config.smpp.simulator;
  const credentials = config.smpp.binds
    .filter((b) => aimsAtSimulator(b, config))
    .map((b) => ({ systemId: b.systemId, password: b.password }));
  return new CarrierSimulator({
    port,
    host: '127.0.0.1',
    receiptDelayMs,
    ...(credentials.length > 0 ? { credentials } : {}),
  });
}
