import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { startGateway, type Gateway } from '../../smpp-gateway/service/gateway.js';
import type { GatewayLog } from '../../smpp-gateway/service/log.js';
import type { CarrierSimulator } from '../../smpp-gateway/simulator/carrier-simulator.js';
import { aimsAtSimulator, simulatorFromConfig } from '../../smpp-gateway/simulator/from-config.js';
import type { Started } from './part.js';

/**
 * The demo carrier from the configuration, first of the parts: with `smpp.simulator.port: 0` its
 * port is known only once it listens, so the configuration the later parts get has the simulator's
 * port, and the binds aimed at it, set to that port.
 */
export async function startSimulator(
  config: SwitchboardConfig,
): Promise<Started<{ simulator: CarrierSimulator; config: SwitchboardConfig }>> {
  const simulator = simulatorFromConfig(config);
  const port = await simulator.start();
  const { smpp } = config;
  const moved: SwitchboardConfig =
    port === smpp.simulator.port
      ? config
      : {
          ...config,
          smpp: {
            ...smpp,
            binds: smpp.binds.map((b) => (aimsAtSimulator(b, config) ? { ...b, port } : b)),
            simulator: { ...smpp.simulator, port },
          },
        };
  return {
    value: { simulator, config: moved },
    banners: [`Carrier simulator    SMSC on 127.0.0.1:${port} (the demo carrier)`],
    stop: () => simulator.stop(),
  };
}

export interface GatewayPartOptions {
  log?: GatewayLog;
  /** Resolve only once every outbound bind is bound (the tests' full stack); a process does not wait. */
  waitForBinds?: boolean;
}

/** The SMPP gateway: the configured binds and listener, and the SMS worker on its own task queue. */
export async function startGatewayPart(
  config: SwitchboardConfig,
  deps: { client: Client; address: string },
  options: GatewayPartOptions = {},
): Promise<Started<Gateway>> {
  const gateway = await startGateway({
    config,
    client: deps.client,
    address: deps.address,
    ...(options.log ? { log: options.log } : {}),
  });
  if (options.waitForBinds) {
    await gateway.whenBound().catch(async (error: unknown) => {
      await gateway.stop();
      throw error;
    });
  }
  const binds = config.smpp.binds.map((b) => `${b.id}@${b.host}:${b.port}`).join(', ') || 'none';
  const listener =
    gateway.listenerPort === undefined ? '' : `; carriers bind to ${config.smpp.listen!.host}:${gateway.listenerPort}`;
  return {
    value: gateway,
    banners: [`SMPP gateway         binds ${binds}${listener}`],
    stop: () => gateway.stop(),
  };
}
