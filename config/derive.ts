import type { ConversationSettings } from '../workflows/domain/types.js';
import type { Directory } from '../workflows/contract/inputs.js';
import type { SwitchboardConfig } from './schema.js';
import { routingGroups } from '../workflows/contract/routing-groups.js';

/** What a new conversation runs with: read by a local activity, so config changes reach new conversations. */
export function conversationSettings(config: SwitchboardConfig): ConversationSettings {
  return {
    queues: config.queues.map((q) => ({ id: q.id, name: q.name, ronaTimeoutSeconds: q.ronaTimeoutSeconds })),
    agents: config.agents.map((a) => ({ id: a.id, name: a.name })),
    wrapUpReasonIds: config.wrapUp.reasons.map((r) => r.id),
    autoWrapUpSeconds: config.wrapUp.autoWrapUpSeconds,
    defaultReasonId: config.wrapUp.defaultReasonId,
    historyLimit: config.temporal.historyLimit,
    groups: routingGroups(directory(config)),
  };
}

/** The router's view of people and queues; live state (status, slots) stays in the router. */
export function directory(config: SwitchboardConfig): Directory {
  return {
    agents: config.agents.map((a) => ({ id: a.id, name: a.name, queues: a.queues, capacity: a.capacity })),
    queues: config.queues.map((q) => ({ id: q.id, name: q.name, ronaTimeoutSeconds: q.ronaTimeoutSeconds })),
    idleCodeIds: config.idleCodes.map((c) => c.id),
  };
}

/** The Temporal frontend to use: the embedded dev server on its port, or the configured cluster. */
export function temporalAddress(config: SwitchboardConfig): string {
  const address = config.temporal.address;
  return !address || address === 'embedded' ? `127.0.0.1:${config.temporal.port}` : address;
}

export function isEmbedded(config: SwitchboardConfig): boolean {
  return !config.temporal.address || config.temporal.address === 'embedded';
}

/** The part of the stack that listens on a port (stack/ checks only the parts it starts). */
export type PortOwner = 'api' | 'temporal' | 'gateway' | 'simulator';

/** Every port `npm start` listens on, named, so that one already taken stops it before anything starts. */
export function listeningPorts(
  config: SwitchboardConfig,
): { what: string; host: string; port: number; part: PortOwner }[] {
  const ports: { what: string; host: string; port: number; part: PortOwner }[] = [
    { what: 'the GraphQL API (api.port)', host: config.api.host, port: config.api.port, part: 'api' },
  ];
  if (config.web.port !== config.api.port)
    ports.push({ what: 'the agent desktop (web.port)', host: config.api.host, port: config.web.port, part: 'api' });
  if (isEmbedded(config)) {
    const host = '127.0.0.1';
    ports.push({ what: 'the Temporal dev server (temporal.port)', host, port: config.temporal.port, part: 'temporal' });
    ports.push({
      what: "the Temporal dev server's Web UI (temporal.uiPort)",
      host,
      port: config.temporal.uiPort,
      part: 'temporal',
    });
  }
  const { listen, simulator } = config.smpp;
  if (listen)
    ports.push({ what: 'the SMPP listener (smpp.listen.port)', host: listen.host, port: listen.port, part: 'gateway' });
  if (simulator.enabled)
    ports.push({
      what: 'the carrier simulator (smpp.simulator.port)',
      host: '127.0.0.1',
      port: simulator.port,
      part: 'simulator',
    });
  return ports.filter((p) => p.port > 0);
}
