import type { Client } from '@temporalio/client';
import type { EventBus } from '../../platform/events/bus.js';
import { withTimeout } from '../../platform/with-timeout.js';

// /health: the process is up. /ready: it can do its job: Temporal answers (and Redis, where the
// bus uses it). A load balancer sends traffic only to ready processes.

const PROBE_TIMEOUT_MS = 2000;

interface Pingable {
  ping(): Promise<boolean>;
}

function hasPing(bus: EventBus): bus is EventBus & Pingable {
  return typeof (bus as Partial<Pingable>).ping === 'function';
}

interface Readiness {
  ready: boolean;
  /** ok or failed: never why, which could name an internal address (the process log has it). */
  checks: Record<string, 'ok' | 'failed'>;
}

async function readiness(client: Client, bus: EventBus): Promise<Readiness> {
  const checks: Record<string, 'ok' | 'failed'> = {};
  const probes: [string, () => Promise<unknown>][] = [['temporal', () => client.workflowService.getSystemInfo({})]];
  if (hasPing(bus)) {
    probes.push([
      'redis',
      async () => {
        if (!(await bus.ping())) throw new Error('no PONG');
      },
    ]);
  }
  await Promise.all(
    probes.map(async ([name, probe]) => {
      try {
        await withTimeout(probe(), PROBE_TIMEOUT_MS, name);
        checks[name] = 'ok';
      } catch {
        checks[name] = 'failed';
      }
    }),
  );
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}

/** One probe per second at most, however many load balancers ask: answers are cached for 1 s. */
export function cachedReadiness(client: Client, bus: EventBus, ttlMs = 1000): () => Promise<Readiness> {
  let cached: { at: number; value: Promise<Readiness> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= ttlMs) cached = { at: now, value: readiness(client, bus) };
    return cached.value;
  };
}
