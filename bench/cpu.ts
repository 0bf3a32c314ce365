// Where the work goes: CPU seconds of the dev server, the worker and the bench process itself,
// read from /proc, and the worker's memory.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * The dev server's own process. Its node watchdog carries the same arguments, so the match that
 * is not node is the server (taking the first match measured the idle watchdog: "server 0.0").
 */
function serverPid(address: string): number {
  const port = address.split(':').at(-1)!;
  const pids = execFileSync('pgrep', ['-f', `start-dev.*--port ${port}`], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
  const server = pids.find((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'node');
  if (server === undefined) throw new Error(`no dev server process found on port ${port}`);
  return server;
}

export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** `note(n)`: CPU ms per item of server, worker and bench since the meter was last started. */
export function cpuMeter(serverAddress: string, workerPid: number) {
  const spid = serverPid(serverAddress);
  const read = () => ({
    server: cpuSeconds(spid),
    worker: cpuSeconds(workerPid),
    bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  });
  let before = read();
  return {
    start: () => void (before = read()),
    note(n: number): string {
      const after = read();
      const per = (k: keyof typeof after) => (((after[k] - before[k]) / n) * 1000).toFixed(1);
      return `CPU ms per item: server ${per('server')}, worker ${per('worker')}, bench ${per('bench')}`;
    },
  };
}
