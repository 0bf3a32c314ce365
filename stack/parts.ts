import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../config/schema.js';
import type { EventBus } from '../platform/events/bus.js';
import { createApi } from '../api/create-api.js';
import { startGateway } from '../smpp-gateway/service/gateway.js';
import { SimulatorPhone } from '../smpp-gateway/service/simulator-phone.js';
import { simulatorFromConfig } from '../smpp-gateway/simulator/from-config.js';

export interface Part {
  banner: string;
  stop(): Promise<void>;
}

interface PartDeps {
  config: SwitchboardConfig;
  client: Client;
  bus: EventBus;
  address: string;
}

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
export const WEB_BUILD = fileURLToPath(new URL('../web/build/', import.meta.url));

function newestSource(): number {
  const sources = readdirSync(join(WEB_DIR, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  sources.push(join(WEB_DIR, 'svelte.config.js'), join(WEB_DIR, 'vite.config.ts'));
  return Math.max(...sources.map((path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0));
}

/**
 * The desktop is static files, built when missing or older than its sources (so `npm start` after
 * a pull serves the new desktop). NODE_ENV=production always: under vitest it is "test", and Vite
 * would then bundle Svelte's development code.
 */
export function ensureWebBuild(): string {
  const built = statSync(join(WEB_BUILD, 'index.html'), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined || newestSource() > built) {
    console.log('Building the agent desktop...');
    const bin = (path: string) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
    const env = { ...process.env, NODE_ENV: 'production' };
    // A fresh clone has no .svelte-kit yet, and the desktop's tsconfig extends the one it writes.
    for (const args of [
      [bin('@sveltejs/kit/svelte-kit.js'), 'sync'],
      [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    ]) {
      const result = spawnSync(process.execPath, args, { cwd: WEB_DIR, stdio: 'inherit', env });
      if (result.status !== 0) throw new Error('building the agent desktop failed');
    }
  }
  return WEB_BUILD;
}

/** The parts beside Temporal and the worker: carrier simulator, SMPP gateway, API and desktop. */
export async function startParts({ config, client, bus, address }: PartDeps): Promise<Part[]> {
  const parts: Part[] = [];
  const simulator = config.smpp.simulator.enabled ? simulatorFromConfig(config) : undefined;
  if (simulator) {
    const port = await simulator.start();
    parts.push({
      banner: `Carrier simulator    SMSC on 127.0.0.1:${port} (the demo carrier)`,
      stop: () => simulator.stop(),
    });
  }
  if (config.smpp.binds.length > 0 || config.smpp.listen) {
    const gateway = await startGateway({ config, client, address });
    const binds = config.smpp.binds.map((b) => `${b.id}@${b.host}:${b.port}`).join(', ') || 'none';
    const listener =
      gateway.listenerPort === undefined
        ? ''
        : `; carriers bind to ${config.smpp.listen!.host}:${gateway.listenerPort}`;
    parts.push({ banner: `SMPP gateway         binds ${binds}${listener}`, stop: () => gateway.stop() });
  }
  const api = createApi({
    config,
    client,
    bus,
    webRoot: ensureWebBuild(),
    ...(simulator ? { phone: new SimulatorPhone(simulator) } : {}),
  });
  const { url, webUrl } = await api.listen();
  parts.push({ banner: `GraphQL API          ${url}/graphql  (health ${url}/health)`, stop: () => api.close() });
  parts.push({
    banner: `Agent desktop        ${webUrl ?? url}/  (customer phone: ${webUrl ?? url}/phone)`,
    stop: async () => {},
  });
  return parts;
}
