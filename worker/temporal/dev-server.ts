import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { findTemporalCli } from './cli.js';

/**
 * WAL with synchronous=NORMAL: a killed process loses nothing (the WAL is on disk), only an OS crash
 * or power cut can lose the last transactions; in exchange each write is not an fsync, which makes
 * the embedded server several times faster on small machines.
 */
export const SQLITE_PRAGMAS = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'];

/**
 * The dev server runs one history shard, so the per-shard queue poll limits (20 a second each, sized
 * for clusters of hundreds of shards) become the whole server's: past 20 tasks a second, every
 * workflow task, signal and timer waited about 50 ms for its turn, and MO to OFFERED went from
 * ~95 ms to ~340 ms as soon as conversations came back to back.
 */
export const DEV_SERVER_TUNING = ['transfer', 'timer', 'visibility']
  .flatMap((queue) => ['--dynamic-config-value', `history.${queue}ProcessorMaxPollRPS=1000`]);

export interface DevServer {
  address: string;
  uiAddress?: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  dataDir: string;
  namespace: string;
  port: number;
  /** 0 turns the Web UI off. */
  uiPort: number;
  log?: (line: string) => void;
}

/**
 * `temporal server start-dev` with its database in a file under dataDir, so stopping and starting
 * again keeps every conversation and every pending timer (they fire on restart if they fell due).
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const cli = findTemporalCli({ log });
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const args = [
    'server', 'start-dev',
    '--db-filename', resolve(dataDir, 'temporal.db'),
    ...SQLITE_PRAGMAS,
    ...DEV_SERVER_TUNING,
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--namespace', options.namespace,
    '--log-level', 'error',
    ...(options.uiPort > 0 ? ['--ui-port', String(options.uiPort)] : ['--headless']),
    ...ALL_SEARCH_ATTRIBUTES.flatMap((sa) => ['--search-attribute', `${sa.name}=Keyword`]),
  ];
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child, () => output);
  return {
    address,
    ...(options.uiPort > 0 ? { uiAddress: `http://127.0.0.1:${options.uiPort}` } : {}),
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Temporal dev server exited (${child.exitCode}):\n${output()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the Temporal dev server did not answer on ${address} within 60 s:\n${output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
