import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

class PortTakenError extends Error {
  override name = 'PortTakenError';
  constructor(
    readonly what: string,
    readonly port: number,
    readonly owner: string | undefined,
  ) {
    super(`${what}: port ${port} is already in use${owner ? ` by ${owner}` : ''}. Stop it, or configure another port.`);
  }
}

function tryListen(port: number, host: string): Promise<number | 'taken'> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve('taken') : reject(error),
    );
    server.listen({ port, host, exclusive: true }, () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/** A port nothing listens on now, for servers (the Temporal CLI) that cannot be given port 0. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return (await tryListen(0, host)) as number;
}

/**
 * Refuses to go on when something already listens on the port: we would otherwise talk to a server
 * we did not start (an orphaned dev server, another deployment). Port 0 is always free.
 */
export async function assertPortFree(what: string, port: number, host = '127.0.0.1'): Promise<void> {
  if (port === 0) return;
  if ((await tryListen(port, host)) === 'taken') throw new PortTakenError(what, port, portOwner(port));
}

/** Who listens on a TCP port, from /proc (Linux; undefined elsewhere or when we may not look). */
function portOwner(port: number): string | undefined {
  try {
    const hex = port.toString(16).toUpperCase().padStart(4, '0');
    const inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A' && cols[9]) inodes.add(`socket:[${cols[9]}]`);
      }
    }
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let target: string;
        try {
          target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          continue;
        }
        if (!inodes.has(target)) continue;
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ');
        return `process ${pid} (${command.slice(0, 120)})`;
      }
    }
  } catch {
    // Not Linux, or /proc is not ours to read: the port alone is said.
  }
  return undefined;
}
