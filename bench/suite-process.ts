// The runner's side of a suite in its own process: fork it, collect what it streams, bound it in
// time, and make sure that nothing it started outlives it. The process leads its own process group,
// so whatever it spawned (a dev server, the worker, Kannel, Chromium) is killed with the group once
// it has exited, even when it crashed before its clean-up.
import { fork } from 'node:child_process';
import type { Handoff } from './reporter.js';
import type { Row } from './stats.js';
import type { SuiteMessage, SuiteOrder } from './suite-protocol.js';

export interface SuiteOutcome {
  rows: Row[];
  /** What later suites are handed (the workflow suite's open count). */
  handoff: Handoff;
  /** Why the suite did not complete, with how far it got; undefined if it completed. */
  missed?: string;
  /** An error the suite did not catch (noted once per run). */
  stray?: string;
  /** Errors stopping what it started, or that its clean-up had to be cut short. */
  cleanupErrors: string[];
  /** When the suite ended (returned, threw or was given up on), epoch ms. */
  endedAt: number;
}

export interface SuiteRun {
  outcome: Promise<SuiteOutcome>;
  /** Stops the suite now (Ctrl-C): its clean-up first, then its process group. */
  stop(): void;
}

const CHILD = new URL('./suite-child.ts', import.meta.url);

export function runSuiteProcess(order: SuiteOrder, graceMs: number, cleanupMs: number): SuiteRun {
  const child = fork(CHILD, [], {
    env: { ...process.env, BENCH_SUITE_ORDER: JSON.stringify(order) },
    execArgv: ['--import', 'tsx'],
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const out: SuiteOutcome = { rows: [], handoff: order.handoff, cleanupErrors: [], endedAt: 0 };
  let howFar = '';
  let ended = false;
  let cleaned = false;
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ESRCH: the group is already empty.
    }
  };
  const end = (missed?: string) => {
    if (ended) return;
    ended = true;
    out.endedAt = Date.now();
    out.missed = missed;
    clearTimeout(overrun);
    // Its clean-up gets a bounded time; then the group goes, whatever it still holds.
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) {
        out.cleanupErrors.push(`clean-up not done in ${cleanupMs / 1000} s: its processes were killed`);
        killGroup();
      }
    }, cleanupMs).unref();
  };
  const stop = () => {
    if (!ended) end(`stopped${howFar ? `; got ${howFar}` : ''}`);
    child.kill('SIGTERM');
  };
  const overrun = setTimeout(
    () => {
      end(
        `budget of ${order.budget} s spent, and not stopped ${graceMs / 1000} s later${howFar ? `; got ${howFar}` : ''}`,
      );
      child.kill('SIGTERM');
    },
    order.budget * 1000 + graceMs,
  );
  child.on('message', (raw) => {
    const m = raw as SuiteMessage;
    if (m.kind === 'rows') out.rows.push(...m.rows);
    else if (m.kind === 'progress') howFar = m.howFar;
    else if (m.kind === 'stray') out.stray ??= m.why;
    else if (m.kind === 'cleaned') {
      cleaned = true;
      out.cleanupErrors.push(...m.errors);
    } else if (ended) return;
    else if (m.kind === 'end') {
      out.rows.push(...m.returned);
      out.handoff = m.handoff;
      end();
    } else if (m.kind === 'failed') {
      out.handoff = m.handoff;
      const far = m.howFar || howFar;
      const got = !far || m.why.includes(far) ? '' : `; got ${far}`;
      end(`${m.why.split('\n')[0]}${got}${far ? '' : '; no progress reported'}`);
    }
  });
  const outcome = new Promise<SuiteOutcome>((resolve) => {
    child.once('close', (code, signal) => {
      // Closed: exited and its IPC channel drained. A crash (an abort, the OOM killer) ends the suite
      // where it was, with what it had sent.
      end(
        `its process ended (${signal ?? `exit code ${code}`})${howFar ? `; got ${howFar}` : '; no progress reported'}`,
      );
      if (!cleaned) out.cleanupErrors.push('the suite did not report its clean-up: its processes were killed');
      killGroup();
      resolve(out);
    });
  });
  return { outcome, stop };
}
