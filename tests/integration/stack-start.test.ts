import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { SwitchboardConfig } from '../../config/schema.js';
import { startProcess, writeConfigFile } from '../../harness/child-process.js';
import { testBind, testConfig } from '../../harness/test-config.js';
import { withTemporalAddress } from '../../stack/address.js';
import { startStack, type Stack } from '../../stack/start-stack.js';

// The composition root (stack/start-stack.ts) itself: parts in order, the simulator's port 0
// handed on, a failed start undone, and a process's life on SIGTERM.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function withSimulatorOnPortZero(dataDir: string): SwitchboardConfig {
  const base = withTemporalAddress(testConfig(), inject('temporalAddress'));
  return {
    ...base,
    temporal: { ...base.temporal, dataDir },
    smpp: { ...base.smpp, binds: [testBind()], simulator: { enabled: true, port: 0, receiptDelayMs: 100 } },
  };
}

describe('startStack', () => {
  it('points the binds at the port the simulator got and stops every part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-stack-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const config = withSimulatorOnPortZero(dir);
    const stack: Stack = await startStack(config, {
      parts: ['simulator', 'worker', 'gateway'],
      gateway: { waitForBinds: true, log: () => {} },
    });
    const port = stack.simulator!.port;
    expect(port).toBeGreaterThan(0);
    expect(stack.config.smpp.simulator.port).toBe(port);
    expect(stack.config.smpp.binds[0]!.port).toBe(port);
    expect(stack.gateway!.sessions.get('carrier-a')).toBeDefined();
    await stack.stop();
    expect(await listening(port)).toBe(false);
  });

  it('a part that fails to start stops the ones already running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-stack-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // The gateway keeps its state file in temporal.dataDir; a plain file there makes it fail.
    const notADir = join(dir, 'file');
    writeFileSync(notADir, '');
    const config = withSimulatorOnPortZero(notADir);
    const ports: number[] = [];
    const started = startStack(config, {
      parts: ['simulator', 'worker', 'gateway'],
      gateway: { log: () => {} },
      onBanner: (line) => {
        const port = /SMSC on 127\.0\.0\.1:(\d+)/.exec(line)?.[1];
        if (port) ports.push(Number(port));
      },
    });
    await expect(started).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(ports).toHaveLength(1);
    expect(await listening(ports[0]!)).toBe(false);
  });
});

describe('a process started through stack/process-lifecycle.ts', () => {
  it('stops on SIGTERM and exits 0', async () => {
    const config = testConfig();
    const worker = await startProcess(
      'stack/main/worker.ts',
      { SWITCHBOARD_CONFIG: writeConfigFile(config), SWITCHBOARD_TEMPORAL_ADDRESS: inject('temporalAddress') },
      /worker ready/,
    );
    cleanups.push(() => worker.kill());
    const exit = new Promise<number | null>((resolve) => worker.process.once('exit', (code) => resolve(code)));
    worker.process.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
