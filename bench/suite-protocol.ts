// What the runner and a suite's own process say to each other (bench/suite-child.ts): the order
// goes in by environment, the rest comes back over the IPC channel as it happens.
import type { Handoff } from './reporter.js';
import type { Row } from './stats.js';

/** The runner's order: which suite, its budget and what earlier suites handed on. */
export interface SuiteOrder {
  name: string;
  /** The suite's module, relative to bench/ (`./workflow-bench.js`). */
  module: string;
  fn: string;
  budget: number;
  handoff: Handoff;
}

export type SuiteMessage =
  /** Rows as the suite measures them: a crash later keeps them. */
  | { kind: 'rows'; rows: Row[] }
  /** The step under way and how far it got ("6,210 of 10,000 open conversations created"). */
  | { kind: 'progress'; howFar: string }
  /** An error the suite did not catch; the suite may still finish. */
  | { kind: 'stray'; why: string }
  /** The suite returned: its returned rows and the hand-off for later suites. */
  | { kind: 'end'; returned: Row[]; handoff: Handoff }
  /** The suite threw: why and how far it got. */
  | { kind: 'failed'; why: string; howFar: string; handoff: Handoff }
  /** What the suite started has been stopped; the errors of doing so. */
  | { kind: 'cleaned'; errors: string[] };
