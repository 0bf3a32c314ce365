import type { Client } from '@temporalio/client';
import type { EventBus } from '../../worker/events/bus.js';

// /health: the process is up. /ready: it can do its job: Temporal answers (and Redis, where the
// bus uses it). A load balancer sends traffic only to ready processes.

const PROBE_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Pingable {
  ping(): Promise<boolean>;
}

function hasPing(bus: EventBus): bus is EventBus & Pingable {
  return typeof (bus as Partial<Pingable>).ping === 'function';
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

export async function readiness(client: Client, bus: EventBus): Promise<Readiness> {
  const checks: Record<string, string> = {};
  const probes: [string, () => Promise<unknown>][] = [
    ['temporal', () => client.workflowService.getSystemInfo({})],
  ];
  if (hasPing(bus)) {
    probes.push(['redis', async () => {
      if (!(await bus.ping())) throw new Error('no PONG');
    }]);
  }
  await Promise.all(probes.map(async ([name, probe]) => {
    try {
      await withTimeout(probe(), name);
      checks[name] = 'ok';
    } catch (error) {
      // The reason only (a connection error); never a URL, which may hold a password.
      checks[name] = error instanceof Error ? error.message.split('\n')[0]!.replace(/\w+:\/\/\S+/g, '<url>') : 'failed';
    }
  }));
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}
