import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEMO_CONFIG_PATH } from '../../config/load.js';
import { freePort } from '../../platform/temporal/ports.js';
import { runToExit, startProcess, type Child } from '../../harness/child-process.js';
import { eventually } from '../support/eventually.js';

// `npm start` is `node --import tsx stack/start.ts`: these tests run exactly that, with the demo
// configuration moved to free ports and a fresh data directory.

async function demoOnFreePorts(): Promise<{ path: string; temporalPort: number; apiPort: number }> {
  const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-start-'));
  const [temporalPort, apiPort] = [await freePort(), await freePort()];
  raw.temporal = { ...raw.temporal, port: temporalPort, uiPort: 0, dataDir: join(dir, 'data') };
  raw.api = { ...raw.api, port: apiPort };
  raw.web = { port: apiPort };
  // The SMPP parts are not what is tested here; without them the stack starts in a few seconds.
  raw.smpp = { simulator: { enabled: false } };
  const path = join(dir, 'config.yaml');
  writeFileSync(path, stringify(raw));
  return { path, temporalPort, apiPort };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('npm start lives and dies with its Temporal dev server', () => {
  it('leaves nothing listening on the dev server port after a SIGKILL of the stack', async () => {
    const { path, temporalPort, apiPort } = await demoOnFreePorts();
    const stack: Child = await startProcess(
      'stack/start.ts',
      { SWITCHBOARD_CONFIG: path },
      /Switchboard is running/,
      150_000,
    );
    cleanups.push(() => stack.kill());
    expect(await listening(temporalPort)).toBe(true);
    expect(await listening(apiPort)).toBe(true);
    const watchdog = Number(/Temporal dev server .* pid (\d+)/.exec(stack.output())?.[1]);
    expect(alive(watchdog)).toBe(true);

    await stack.kill('SIGKILL');
    await eventually(async () => expect(await listening(temporalPort)).toBe(false), 10_000);
    await eventually(async () => expect(alive(watchdog)).toBe(false), 10_000);
  });
});

describe('npm start with a configured port already taken', () => {
  async function holdPort(port: number): Promise<Server> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return server;
  }

  it.each([
    ['the Temporal dev server (temporal.port)', 'temporalPort'],
    ['the GraphQL API (api.port)', 'apiPort'],
  ] as const)('stops, naming %s and who holds it, and starts nothing', async (what, key) => {
    const ports = await demoOnFreePorts();
    await holdPort(ports[key]);
    const { code, output } = await runToExit(['stack/start.ts'], { SWITCHBOARD_CONFIG: ports.path });
    expect(code).toBe(1);
    expect(output).toContain(`${what}: port ${ports[key]} is already in use by process ${process.pid}`);
    expect(output).not.toContain('Temporal dev server  ');
    expect(await listening(ports.temporalPort)).toBe(key === 'temporalPort');
  });
});
