import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/contract/search-attributes.js';
import { findTemporalCli } from './cli.js';
import { assertPortFree, freePort } from './ports.js';

/**
 * WAL with synchronous=NORMAL: a killed process loses nothing (the WAL is on disk), only an OS crash
 * or power cut can lose the last transactions; in exchange each write is not an fsync, which makes
 * the embedded server several times faster on small machines.
 */
const SQLITE_PRAGMAS = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'];

/**
 * The dev server runs one history shard, so the per-shard queue poll limits (20 a second each, sized
 * for clusters of hundreds of shards) become the whole server's: past 20 tasks a second, every
 * workflow task, signal and timer waited about 50 ms for its turn, and MO to OFFERED went from
 * ~95 ms to ~340 ms as soon as conversations came back to back.
 */
const DEV_SERVER_TUNING = ['transfer', 'timer', 'visibility'].flatMap((queue) => [
  '--dynamic-config-value',
  `history.${queue}ProcessorMaxPollRPS=1000`,
]);

const WATCHDOG = fileURLToPath(new URL('./child-watchdog.mjs', import.meta.url));

export interface DevServer {
  address: string;
  uiAddress?: string;
  /** The watchdog's pid; the dev server is its only child. */
  pid: number;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** The SQLite file; without one the database is in memory (tests). */
  dbFilename?: string;
  namespace?: string;
  /** 0 picks a free port. */
  port: number;
  /** 0 (the default) turns the Web UI off. */
  uiPort?: number;
  log?: (line: string) => void;
}

/**
 * `temporal server start-dev`, for `npm start`, the tests and the benchmarks alike. With a database
 * file, stopping and starting again keeps every conversation and pending timer (they fire on
 * restart if they fell due). It runs under child-watchdog.mjs, so it never outlives this process,
 * not even a SIGKILL of it.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const cli = findTemporalCli({ log: options.log ?? ((line: string) => console.error(line)) });
  const port = options.port || (await freePort());
  const uiPort = options.uiPort ?? 0;
  await assertPortFree('the Temporal dev server', port);
  if (uiPort > 0) await assertPortFree("the Temporal dev server's Web UI", uiPort);
  const database = options.dbFilename ? resolve(options.dbFilename) : undefined;
  if (database) mkdirSync(dirname(database), { recursive: true });
  const args = [
    'server',
    'start-dev',
    ...(database ? ['--db-filename', database, ...SQLITE_PRAGMAS] : []),
    ...DEV_SERVER_TUNING,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    options.namespace ?? 'default',
    '--log-level',
    'error',
    ...(uiPort > 0 ? ['--ui-port', String(uiPort)] : ['--headless']),
    ...ALL_SEARCH_ATTRIBUTES.flatMap((sa) => ['--search-attribute', `${sa.name}=Keyword`]),
  ];
  // stdin is the watchdog's lifeline: its end closes when this process is gone.
  const child = spawn(process.execPath, [WATCHDOG, cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-20_000)));
  child.stderr!.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-20_000)));
  const address = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(address, child, () => output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    address,
    pid: child.pid!,
    ...(uiPort > 0 ? { uiAddress: `http://127.0.0.1:${uiPort}` } : {}),
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
      if (Date.now() > deadline)
        throw new Error(`the Temporal dev server did not answer on ${address} within 60 s:\n${output()}`);
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
