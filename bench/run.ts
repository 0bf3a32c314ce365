// `npm run bench`: every benchmark, one table, printed after each suite. BENCH_ONLY=floor,workflow
// picks some. Each suite runs in a process of its own (bench/suite-process.ts), so what one holds
// or breaks ends with it, and has a time budget (BENCH_BUDGET_<NAME>_S overrides it, e.g.
// BENCH_BUDGET_GATEWAY_STATE_S); a suite that fails, crashes or overruns keeps the rows it measured
// and adds one saying what it missed and how far it got. The whole run has a deadline (BENCH_TOTAL_S,
// 19 minutes): a suite gets at most what is left of it, and one with no time left is skipped with a
// row saying so. The exit code is 0 only if every suite completed.
import { existsSync, readFileSync } from 'node:fs';
import type { Handoff } from './reporter.js';
import { runSuiteProcess, type SuiteRun } from './suite-process.js';
import { parseCpuLine, stolenPercent } from './steal.js';
import { floorRatioRows } from './floor-ratio.js';
import { table, type Row } from './stats.js';

// Default budgets, seconds: 1,295 in all; only the workflow suite and the floor use most of theirs
// (they open 10,000 conversations, then keep what the MOs need), and the run's deadline (19
// minutes) cuts the last suite short if the others used all of theirs too, so it ends within 20.
const suites: [name: string, module: string, fn: string, budget: number][] = [
  // The workflow suite first: the floor opens as many workflows as its MOs went into.
  ['workflow', './workflow-bench.js', 'runWorkflowBench', 640],
  ['floor', './floor-bench.js', 'runFloorBench', 280],
  ['gateway', './gateway-bench.js', 'runGatewayBench', 120],
  ['gateway-state', './gateway-state-bench.js', 'runGatewayStateBench', 40],
  ['api', './api-bench.js', 'runApiBench', 50],
  ['offer', './offer-bench.js', 'runOfferBench', 60],
  ['router', './router-bench.js', 'runRouterBench', 60],
  ['web', './web-bench.js', 'runWebBench', 45],
];
/** How long a suite past its budget gets to stop by itself before the run abandons it. */
const GRACE_MS = 20_000;
/** How long the clean-up of a suite (its servers, processes, browser, temp dirs) may take. */
const CLEANUP_MS = 20_000;
/** A suite offered less than this of the run's deadline is skipped. */
const MIN_BUDGET_S = 15;

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const seconds = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number of seconds`);
  return value;
};
const budgetOf = (name: string, fallback: number) =>
  seconds(`BENCH_BUDGET_${name.toUpperCase().replace(/-/g, '_')}_S`, fallback);
const runStarted = Date.now();
const total = seconds('BENCH_TOTAL_S', 19 * 60);
const runDeadline = runStarted + total * 1000;

const rows: Row[] = [];
const handoff: Handoff = {};
const missed: string[] = [];
const stolen: string[] = [];
// Not every machine has a /proc/stat: then the row is left out.
const cpuTimes = () => {
  try {
    return parseCpuLine(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
};
const stealRow = (): Row[] =>
  stolen.length === 0
    ? []
    : [{ name: 'machine: CPU time stolen by the hypervisor', unit: '%', note: stolen.join(', ') }];
let printed = 0;
const print = (after: string) => {
  printed = rows.length;
  const wall = `run so far ${((Date.now() - runStarted) / 1000).toFixed(0)} s of its ${total} s deadline`;
  console.log(`\nafter ${after} (${wall}):\n${table([...rows, ...floorRatioRows(rows), ...stealRow()])}\n`);
};
// The last resort: whatever a suite does, the run prints what it has and ends.
setTimeout(
  () => {
    rows.push({ name: 'run: DEADLINE', unit: '', note: `abandoned at the run's deadline of ${total} s` });
    print('the deadline');
    process.exit(1);
  },
  total * 1000 + GRACE_MS + CLEANUP_MS,
).unref();

// Each suite runs in a process of its own (bench/suite-process.ts): what one holds or breaks ends
// with it. An error none of them caught is still noted as a row, and the run goes on.
process.on('uncaughtException', (error) => noteStray(error instanceof Error ? error.message : String(error)));
const noteStray = (why: string) => {
  console.error('an error no suite caught (an abandoned suite?):', why);
  if (!rows.some((r) => r.name === 'run: UNCAUGHT'))
    rows.push({ name: 'run: UNCAUGHT', unit: '', note: why.slice(0, 160) });
};

// Interrupted (Ctrl-C, a CI timeout): the suite under way still stops what it started.
let current: SuiteRun | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping what the suite under way started...`);
    setTimeout(() => process.exit(130), CLEANUP_MS + 2_000).unref();
    current?.stop();
    void (current?.outcome ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

for (const [name, module, fn, fallback] of suites) {
  if (only && !only.includes(name)) continue;
  if (!existsSync(new URL(module.replace('.js', '.ts'), import.meta.url))) continue;
  const left = Math.floor((runDeadline - Date.now()) / 1000);
  const budget = Math.min(budgetOf(name, fallback), left);
  if (budget < MIN_BUDGET_S) {
    rows.push({ name: `${name}: SKIPPED`, unit: '', note: `${left} s left of the run's ${total} s deadline` });
    missed.push(name);
    continue;
  }
  console.error(`running the ${name} benchmark (budget ${budget} s)...`);
  const started = Date.now();
  const cpuBefore = cpuTimes();
  current = runSuiteProcess({ name, module, fn, budget, handoff }, GRACE_MS, CLEANUP_MS);
  const out = await current.outcome;
  const steal = stolenPercent(cpuBefore, cpuTimes());
  if (steal !== undefined) stolen.push(`${name} ${steal.toFixed(0)} %`);
  Object.assign(handoff, out.handoff);
  rows.push(...out.rows);
  if (out.stray) noteStray(out.stray);
  const took = ((out.endedAt - started) / 1000).toFixed(0);
  if (out.missed) {
    rows.push({ name: `${name}: MISSED`, unit: '', note: `${out.missed} (after ${took} s)` });
    missed.push(name);
  } else if ((out.endedAt - started) / 1000 > budget) {
    // Finished, but later than its budget (within the grace): the budget is the bound, so say so.
    const over = (out.endedAt - started) / 1000 - budget;
    rows.push({ name: `${name}: OVER BUDGET`, unit: '', note: `completed ${over.toFixed(0)} s over its ${budget} s` });
    missed.push(name);
  }
  if (out.cleanupErrors.length > 0)
    rows.push({ name: `${name}: CLEAN-UP`, unit: '', note: out.cleanupErrors.join('; ').slice(0, 200) });
  print(name);
}
// A suite skipped after the last table still has its row in one.
if (rows.length > printed) print('the last suite');
if (missed.length > 0) console.error(`suites that did not complete: ${missed.join(', ')}`);
console.error(`bench wall time ${((Date.now() - runStarted) / 1000).toFixed(0)} s`);
process.exit(missed.length > 0 ? 1 : 0);
