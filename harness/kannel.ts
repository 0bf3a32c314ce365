import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../platform/temporal/ports.js';

// Kannel (Debian's bearerbox + smsbox) as a peer ESME: bearerbox binds as a transmitter to an SMSC
// (the carrier simulator), smsbox takes MTs on its sendsms HTTP interface. Temporary config and
// log directory, free ports, readiness by the admin status page and the sendsms port (no sleeps).

export interface KannelOptions {
  /** The SMSC to bind to (the simulator on loopback). */
  smscPort: number;
  /** Kannel's SMPP window: max-pending-submits. */
  window: number;
  systemId?: string;
}

export interface Kannel {
  /** smsbox's sendsms URL with the credentials and SMSC route filled in; add from, to, text. */
  readonly sendsmsUrl: string;
  /** bearerbox's status page as text (admin password included). */
  status(): Promise<string>;
  stop(): Promise<void>;
}

const BEARERBOX = process.env.KANNEL_BEARERBOX ?? '/usr/sbin/bearerbox';
const SMSBOX = process.env.KANNEL_SMSBOX ?? '/usr/sbin/smsbox';
const SMSC_ID = 'sim';

function config(o: KannelOptions & { dir: string; admin: number; box: number; sendsms: number }): string {
  return `group = core
admin-port = ${o.admin}
admin-password = bench
admin-interface = 127.0.0.1
admin-allow-ip = 127.0.0.1
smsbox-port = ${o.box}
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "${o.dir}/bearerbox.log"
log-level = 2

group = smsc
smsc = smpp
smsc-id = ${SMSC_ID}
host = 127.0.0.1
port = ${o.smscPort}
receive-port = 0
smsc-username = ${o.systemId ?? 'kannel'}
smsc-password = bench
system-type = ""
interface-version = 34
max-pending-submits = ${o.window}
enquire-link-interval = 60
reconnect-delay = 1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${o.box}
sendsms-port = ${o.sendsms}
sendsms-interface = 127.0.0.1
log-file = "${o.dir}/smsbox.log"
log-level = 2

group = sendsms-user
username = bench
password = bench
user-allow-ip = "127.0.0.1"
max-messages = 1
`;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/** Polls `ready` until true; fails at once if `proc` exits, or after `ms`. */
async function until(what: string, proc: ChildProcess, ready: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await ready().catch(() => false))) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${what}: exited (${proc.exitCode})`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    proc.once('exit', () => (clearTimeout(kill), resolve()));
    proc.kill('SIGTERM');
  });
}

export async function startKannel(options: KannelOptions): Promise<Kannel> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-kannel-bench-'));
  const [admin, box, sendsms] = [await freePort(), await freePort(), await freePort()];
  const conf = join(dir, 'kannel.conf');
  writeFileSync(conf, config({ ...options, dir, admin, box, sendsms }));
  const procs: ChildProcess[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) await stopProcess(p);
    rmSync(dir, { recursive: true, force: true });
  };
  const statusUrl = `http://127.0.0.1:${admin}/status.txt?password=bench`;
  const status = async () => (await fetch(statusUrl)).text();
  try {
    const spawnBox = (bin: string) => {
      const p = spawn(bin, [conf], { cwd: dir, stdio: 'ignore' });
      procs.push(p);
      return p;
    };
    const bearerbox = spawnBox(BEARERBOX);
    await until('bearerbox admin page', bearerbox, async () => /Kannel bearerbox/.test(await status()));
    const smsbox = spawnBox(SMSBOX);
    await until('smsbox sendsms port', smsbox, () => accepts(sendsms));
    const q = new URLSearchParams({ username: 'bench', password: 'bench', smsc: SMSC_ID });
    return { sendsmsUrl: `http://127.0.0.1:${sendsms}/cgi-bin/sendsms?${q}`, status, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
