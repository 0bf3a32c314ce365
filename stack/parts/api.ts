import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { createApi, type Api } from '../../api/create-api.js';
import { SimulatorPhone } from '../../smpp-gateway/service/simulator-phone.js';
import type { CarrierSimulator } from '../../smpp-gateway/simulator/carrier-simulator.js';
import type { Started } from './part.js';

export interface ListeningApi {
  api: Api;
  /** Base URL of GraphQL (and of the desktop when web.port is api.port), no trailing slash. */
  url: string;
  /** The desktop's own listener when web.port differs. */
  webUrl?: string;
}

/**
 * The GraphQL API, serving the built desktop when given one. With the carrier simulator in the same
 * process the demo's customer phone goes over it (a demo part: config/mode-checks.ts refuses the
 * simulator outside demo mode).
 */
export async function startApiPart(
  config: SwitchboardConfig,
  deps: { client: Client; bus: EventBus; simulator?: CarrierSimulator; webRoot?: string },
): Promise<Started<ListeningApi>> {
  const phone = deps.simulator ? new SimulatorPhone(deps.simulator) : undefined;
  const api = createApi({
    config,
    client: deps.client,
    bus: deps.bus,
    ...(deps.webRoot ? { webRoot: deps.webRoot } : {}),
    ...(phone ? { phone } : {}),
  });
  const stop = async () => {
    phone?.close();
    await api.close();
  };
  let listening: { url: string; webUrl?: string };
  try {
    listening = await api.listen();
  } catch (error) {
    await stop();
    throw error;
  }
  const { url, webUrl } = listening;
  const banners = [`GraphQL API          ${url}/graphql  (health ${url}/health)`];
  if (deps.webRoot) {
    const desk = webUrl ?? url;
    banners.push(`Agent desktop        ${desk}/${phone ? `  (customer phone: ${desk}/phone)` : ''}`);
  }
  return { value: { api, url, ...(webUrl ? { webUrl } : {}) }, banners, stop };
}
