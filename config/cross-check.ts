import { fitsNumberType } from '../workflows/domain/phone-numbers.js';
import type { SwitchboardConfig } from './schema.js';

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}

/** What a schema cannot say alone: references between sections and uniqueness. */
export function crossCheck(config: SwitchboardConfig): string[] {
  const problems: string[] = [];
  const queueIds = new Set(config.queues.map((q) => q.id));
  // Ids that other keys refer to, and usernames: each must be unique.
  const keyed: [string, string[]][] = [
    ['queues[].id', config.queues.map((q) => q.id)],
    ['agents[].id', config.agents.map((a) => a.id)],
    ['agents[].username', config.agents.map((a) => a.username)],
    ['numbers[].number', config.numbers.map((n) => n.number)],
    ['idleCodes[].id', config.idleCodes.map((c) => c.id)],
    ['wrapUp.reasons[].id', config.wrapUp.reasons.map((r) => r.id)],
    ['smpp.binds[].id', config.smpp.binds.map((b) => b.id)],
    ['temporal.encryptionKeys[].id', (config.temporal.encryptionKeys ?? []).map((k) => k.id)],
  ];
  for (const [key, values] of keyed) {
    for (const d of duplicates(values)) problems.push(`${key}: '${d}' appears more than once`);
  }
  // A secret is never echoed: the duplicate is named by its entries, not its value.
  config.auth.apiKeys.forEach((k, i) => {
    const first = config.auth.apiKeys.findIndex((x) => x.key === k.key);
    if (first !== i) problems.push(`auth.apiKeys[${i}].key: the same key as auth.apiKeys[${first}].key`);
  });

  config.agents.forEach((agent, i) => {
    agent.queues.forEach((q, j) => {
      if (!queueIds.has(q)) problems.push(`agents[${i}].queues[${j}]: unknown queue '${q}'`);
    });
  });
  const bindIds = new Set(config.smpp.binds.map((b) => b.id));
  config.numbers.forEach((n, i) => {
    if (!queueIds.has(n.queue)) problems.push(`numbers[${i}].queue: unknown queue '${n.queue}'`);
    if (n.bind && !bindIds.has(n.bind)) problems.push(`numbers[${i}].bind: unknown bind '${n.bind}'`);
    if (!fitsNumberType(n.number, n.type)) {
      problems.push(
        `numbers[${i}].number: '${n.number}' does not look like a ${n.type} (short codes are 3-8 digits, others E.164)`,
      );
    }
  });
  if (!config.wrapUp.reasons.some((r) => r.id === config.wrapUp.defaultReasonId)) {
    problems.push(`wrapUp.defaultReasonId: unknown reason '${config.wrapUp.defaultReasonId}'`);
  }
  const sim = config.smpp.simulator;
  if (sim.enabled && config.smpp.listen && config.smpp.listen.port === sim.port) {
    problems.push(`smpp.simulator.port: ${sim.port} is also smpp.listen.port`);
  }
  if (config.temporal.encryptionKeys && !config.temporal.idHashKey) {
    problems.push(
      'temporal.idHashKey: needed with temporal.encryptionKeys (customer numbers in workflow ids and search attributes are hashed with it)',
    );
  }
  return problems;
}
