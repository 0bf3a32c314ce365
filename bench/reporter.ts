// What a suite hands the runner while it runs: rows as soon as they are measured, and how far it
// has got, so that a suite that fails or runs out of time still leaves its figures and says where.
import type { Row } from './stats.js';

/** What one suite measures for a later one in the same run (the runner hands it on). */
export interface Handoff {
  /** How many open conversations the workflow suite's MOs went into: the floor opens as many. */
  openConversations?: number;
}

export interface Reporter {
  /** When this suite's budget runs out (epoch ms). */
  readonly deadline: number;
  /** The run's hand-off between suites: one object for the whole run. */
  readonly handoff: Handoff;
  /** Rows measured so far. */
  readonly rows: Row[];
  row(...rows: Row[]): void;
  /** The step under way and how far it got, e.g. ('open conversations created', 6210, 10000). */
  progress(what: string, done: number, of: number): void;
  /** "6,210 of 10,000 open conversations created", or '' before any progress. */
  howFar(): string;
  /** Throws a ConditionMissed once the budget has run out; long loops call it. */
  check(): void;
  /**
   * Registers how to stop something the suite started (a server, a process, a browser, a temp
   * dir). The runner calls them, last first, when the suite ends, fails or is abandoned over its
   * budget, so a suite stuck in an await still leaves nothing behind.
   */
  cleanup(stop: () => Promise<unknown> | unknown): void;
  /** Runs the registered cleanups once each, last first; errors are collected, not thrown. */
  stopAll(): Promise<string[]>;
}

/** A suite's condition not met in time, with how far it got. */
export class ConditionMissed extends Error {}

const n = (x: number) => x.toLocaleString('en-US');

/** Told of every row and every step as they happen: a suite in its own process streams them out. */
export interface ReporterListener {
  rows?(rows: Row[]): void;
  progress?(howFar: string): void;
}

export function createReporter(
  budgetSeconds: number,
  handoff: Handoff = {},
  listener: ReporterListener = {},
): Reporter {
  const started = Date.now();
  let step: { what: string; done: number; of: number } | undefined;
  const rows: Row[] = [];
  const stops: (() => Promise<unknown> | unknown)[] = [];
  const howFar = () => (step ? `${n(step.done)} of ${n(step.of)} ${step.what}` : '');
  return {
    deadline: started + budgetSeconds * 1000,
    handoff,
    rows,
    row(...more) {
      rows.push(...more);
      listener.rows?.(more);
    },
    progress(what, done, of) {
      step = { what, done, of };
      listener.progress?.(howFar());
    },
    howFar,
    check() {
      if (Date.now() <= this.deadline) return;
      // How far it got is read by the runner once the suite has stopped: calls in flight still land.
      throw new ConditionMissed(`budget of ${budgetSeconds} s spent`);
    },
    cleanup: (stop) => void stops.push(stop),
    async stopAll() {
      const errors: string[] = [];
      for (let stop = stops.pop(); stop; stop = stops.pop()) {
        await Promise.resolve()
          .then(stop)
          .catch((e: unknown) => errors.push(e instanceof Error ? e.message : String(e)));
      }
      return errors;
    },
  };
}

/**
 * Polls `count` until it reaches `target` or the budget runs out; the miss says what and how far.
 * Polling is itself load on the server and worker, so heavy probes poll slowly.
 */
export async function until(
  r: Reporter,
  what: string,
  target: number,
  count: () => Promise<number>,
  everyMs = 100,
): Promise<void> {
  const started = Date.now();
  let got = 0;
  for (;;) {
    // A probe that times out under load (a query waits behind the work) means "not yet".
    got = await count().catch(() => got);
    r.progress(what, got, target);
    if (got >= target) return;
    if (Date.now() > r.deadline) {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      throw new ConditionMissed(`benchmark condition not reached: ${n(got)} of ${n(target)} ${what} in ${seconds} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
