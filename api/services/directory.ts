import type { SwitchboardConfig } from '../../config/schema.js';
import type { BusinessNumberParent } from './parents.js';

// The configured, static side of the contact center: names, numbers, codes and reasons.

interface Named {
  id: string;
  name: string;
}

function matches(name: string, search: string | null | undefined): boolean {
  return !search || name.toLowerCase().includes(search.trim().toLowerCase());
}

export class Directory {
  constructor(readonly config: SwitchboardConfig) {}

  queue(id: string): Named | undefined {
    const q = this.config.queues.find((x) => x.id === id);
    return q ? { id: q.id, name: q.name } : undefined;
  }

  queueName(id: string): string {
    return this.queue(id)?.name ?? id;
  }

  queueIds(): string[] {
    return this.config.queues.map((q) => q.id);
  }

  agentName(id: string): string {
    return this.config.agents.find((a) => a.id === id)?.name ?? id;
  }

  hasAgent(id: string): boolean {
    return this.config.agents.some((a) => a.id === id);
  }

  agentIds(search?: string | null): string[] {
    return this.config.agents.filter((a) => matches(a.name, search)).map((a) => a.id);
  }

  agentConfig(id: string) {
    return this.config.agents.find((a) => a.id === id);
  }

  idleCodes(): Named[] {
    return this.config.idleCodes.map((c) => ({ id: c.id, name: c.name }));
  }

  idleCode(id: string | undefined): Named | undefined {
    return id ? this.idleCodes().find((c) => c.id === id) : undefined;
  }

  wrapUpReasons(search?: string | null): Named[] {
    return this.config.wrapUp.reasons.filter((r) => matches(r.name, search)).map((r) => ({ id: r.id, name: r.name }));
  }

  wrapUpReason(id: string): Named {
    return this.wrapUpReasons().find((r) => r.id === id) ?? { id, name: id };
  }

  numbers(): BusinessNumberParent[] {
    return this.config.numbers.map((n) => ({ number: n.number, type: n.type, queue: n.queue }));
  }

  number(number: string): BusinessNumberParent | undefined {
    return this.numbers().find((n) => n.number === number);
  }
}
