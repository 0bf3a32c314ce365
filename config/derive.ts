import type { ConversationSettings } from '../workflows/domain/types.js';
import type { Directory } from '../workflows/contract/inputs.js';
import type { SwitchboardConfig } from './schema.js';

/** What a new conversation runs with: read by a local activity, so config changes reach new conversations. */
export function conversationSettings(config: SwitchboardConfig): ConversationSettings {
  return {
    queues: config.queues.map((q) => ({ id: q.id, name: q.name, ronaTimeoutSeconds: q.ronaTimeoutSeconds })),
    agents: config.agents.map((a) => ({ id: a.id, name: a.name })),
    wrapUpReasonIds: config.wrapUp.reasons.map((r) => r.id),
    autoWrapUpSeconds: config.wrapUp.autoWrapUpSeconds,
    defaultReasonId: config.wrapUp.defaultReasonId,
    historyLimit: config.temporal.historyLimit,
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

/** Every port `npm start` listens on, named, so that one already taken stops it before anything starts. */
export function listeningPorts(config: SwitchboardConfig): { what: string; host: string; port: number }[] {
  const ports = [{ what: 'the GraphQL API (api.port)', host: config.api.host, port: config.api.port }];
  if (config.web.port !== config.api.port)
    ports.push({ what: 'the agent desktop (web.port)', host: config.api.host, port: config.web.port });
  if (isEmbedded(config)) {
    ports.push({ what: 'the Temporal dev server (temporal.port)', host: '127.0.0.1', port: config.temporal.port });
    ports.push({
      what: "the Temporal dev server's Web UI (temporal.uiPort)",
      host: '127.0.0.1',
      port: config.temporal.uiPort,
    });
  }
  const { listen, simulator } = config.smpp;
  if (listen) ports.push({ what: 'the SMPP listener (smpp.listen.port)', host: listen.host, port: listen.port });
  if (simulator.enabled)
    ports.push({ what: 'the carrier simulator (smpp.simulator.port)', host: '127.0.0.1', port: simulator.port });
  return ports.filter((p) => p.port > 0);
}
