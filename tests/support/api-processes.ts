import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { SwitchboardConfig } from '../../config/schema.js';
import { freePort } from '../../platform/temporal/ports.js';
import { eventually } from './eventually.js';

export { freePort } from '../../platform/temporal/ports.js';

/** A child process whose output lines can be awaited: readiness by what it says, not by sleeping. */
class ChildProcessLines {
  readonly lines: string[] = [];
  readonly proc: ChildProcess;
  exitCode: number | null | undefined;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.proc.stdout!, this.proc.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => this.lines.push(line));
    }
    this.proc.on('exit', (code) => {
      this.exitCode = code;
    });
  }

  async line(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    return eventually(async () => {
      for (const l of this.lines) {
        const m = l.match(pattern);
        if (m) return m;
      }
      if (this.exitCode !== undefined) throw new Error(`exited (${this.exitCode}): ${this.lines.join('\n')}`);
      throw new Error(`no line ${pattern} yet: ${this.lines.slice(-20).join('\n')}`);
    }, timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined || this.proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * A throwaway Redis on a free port (or on `port`: the same server back after an outage), without
 * persistence; ready once it answers PING.
 */
export async function startRedis(port?: number): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  port ??= await freePort();
  const child = new ChildProcessLines('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  const url = `redis://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== undefined) throw new Error(`redis-server exited: ${child.lines.join('\n')}`);
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => {}); // refused until it listens: the connect() rejection says so
      try {
        await probe.connect();
        if ((await probe.ping()) !== 'PONG') throw new Error('no PONG');
      } finally {
        probe.disconnect();
      }
    },
    15_000,
    100,
  );
  return { url, port, stop: () => child.stop() };
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `count` API processes (stack/main/api.ts) from one configuration, each on a port of its own: resolves
 * with their base URLs once each has said where it listens.
 */
export async function startApiProcesses(
  config: SwitchboardConfig,
  count = 2,
): Promise<{ urls: string[]; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-api-'));
  const apis: ChildProcessLines[] = [];
  const urls: string[] = [];
  const stop = async () => {
    await Promise.all(apis.map((a) => a.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const file = join(dir, `api-${i}.yaml`);
      writeFileSync(file, stringify({ ...config, api: { ...config.api, host: '127.0.0.1', port }, web: { port } }));
      const child = new ChildProcessLines(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'stack/main/api.ts')], {
        ...process.env,
        SWITCHBOARD_CONFIG: file,
      });
      apis.push(child);
      urls.push((JSON.parse((await child.line(/^\{"listening".*\}$/))[0]!) as { listening: string }).listening);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}
