// `npm run bench`: every benchmark, one table, printed after each suite. BENCH_ONLY=floor,workflow
// picks some. Each suite has a time budget (BENCH_BUDGET_<NAME>_S overrides it, e.g.
// BENCH_BUDGET_GATEWAY_STATE_S); a suite that fails or overruns keeps the rows it measured and adds
// one saying what it missed and how far it got. The whole run has a deadline (BENCH_TOTAL_S, 17
// minutes): a suite gets at most what is left of it, and one with no time left is skipped with a
// row saying so. The exit code is 0 only if every suite completed.
import { existsSync } from 'node:fs';
import { ConditionMissed, createReporter, type Handoff, type Reporter } from './reporter.js';
import { floorRatioRows } from './floor-ratio.js';
import { table, type Row } from './stats.js';

// Default budgets, seconds: 1,030 in all; the run's deadline (17 minutes) cuts the last suite
// short if the others used all of theirs, so it still ends well within 20 minutes here.
const suites: [name: string, module: string, fn: string, budget: number][] = [
  // The workflow suite first: the floor opens as many workflows as its MOs went into.
  ['workflow', './workflow-bench.js', 'runWorkflowBench', 330],
  ['floor', './floor-bench.js', 'runFloorBench', 180],
  ['gateway', './gateway-bench.js', 'runGatewayBench', 170],
  ['gateway-state', './gateway-state-bench.js', 'runGatewayStateBench', 45],
  ['api', './api-bench.js', 'runApiBench', 55],
  ['offer', './offer-bench.js', 'runOfferBench', 80],
  ['router', './router-bench.js', 'runRouterBench', 100],
  ['web', './web-bench.js', 'runWebBench', 70],
];
/** How long a suite past its budget gets to stop by itself before the run abandons it. */
const GRACE_MS = 20_000;
/** How long the clean-up of a suite (its servers, processes, browser, temp dirs) may take. */
const CLEANUP_MS = 20_000;
/** A suite offered less than this of the run's deadline is skipped. */
const MIN_BUDGET_S = 15;

type Suite = (r: Reporter) => Promise<Row[] | void>;
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
const total = seconds('BENCH_TOTAL_S', 17 * 60);
const runDeadline = runStarted + total * 1000;

const rows: Row[] = [];
const handoff: Handoff = {};
const missed: string[] = [];
const print = (after: string) => {
  const wall = `run so far ${((Date.now() - runStarted) / 1000).toFixed(0)} s of its ${total} s deadline`;
  console.log(`\nafter ${after} (${wall}):\n${table([...rows, ...floorRatioRows(rows)])}\n`);
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

// A suite abandoned over its budget keeps running until the run ends, and its calls fail once its
// servers are stopped, sometimes where no one catches them (inside a client library): that must not
// end the run and lose the table. Such an error is noted as a row and the run goes on.
const stray = (error: unknown) => {
  const why = error instanceof Error ? error.message : String(error);
  console.error('an error no suite caught (an abandoned suite?):', error);
  if (!rows.some((r) => r.name === 'run: UNCAUGHT'))
    rows.push({ name: 'run: UNCAUGHT', unit: '', note: why.slice(0, 160) });
};
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);

// Interrupted (Ctrl-C, a CI timeout): the suite under way still stops what it started.
let current: Reporter | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping what the suite under way started...`);
    const done = () => process.exit(130);
    setTimeout(done, CLEANUP_MS).unref();
    void (current?.stopAll() ?? Promise.resolve()).finally(done);
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
  const r = (current = createReporter(budget, handoff));
  let timer: NodeJS.Timeout | undefined;
  try {
    const mod = (await import(module)) as Record<string, Suite>;
    const run = mod[fn];
    if (!run) throw new Error(`${module} has no ${fn}`);
    // A suite that does not watch its budget is left behind after the grace period.
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ConditionMissed(`budget of ${budget} s spent, and not stopped ${GRACE_MS / 1000} s later`)),
        budget * 1000 + GRACE_MS,
      );
    });
    const returned = await Promise.race([run(r), overrun]);
    rows.push(...r.rows, ...(returned ?? []));
    // Finished, but later than its budget (within the grace): the budget is the bound, so say so.
    const over = (Date.now() - started) / 1000 - budget;
    if (over > 0) {
      rows.push({
        name: `${name}: OVER BUDGET`,
        unit: '',
        note: `completed ${over.toFixed(0)} s over its ${budget} s`,
      });
      missed.push(name);
    }
  } catch (error) {
    const took = ((Date.now() - started) / 1000).toFixed(0);
    const why = error instanceof Error ? error.message : String(error);
    const far = r.howFar();
    const got = !far || why.includes(far) ? '' : `; got ${far}`;
    rows.push(...r.rows, {
      name: `${name}: MISSED`,
      unit: '',
      note: `${why.split('\n')[0]}${got}${far ? '' : '; no progress reported'} (after ${took} s)`,
    });
    missed.push(name);
    console.error(`the ${name} benchmark did not complete:`, error instanceof ConditionMissed ? why : error);
  } finally {
    clearTimeout(timer);
  }
  // Whatever became of the suite, what it started is stopped before the next one starts.
  const cleaned = await Promise.race([
    r.stopAll(),
    new Promise<string[]>((resolve) => setTimeout(() => resolve(['clean-up timed out']), CLEANUP_MS).unref()),
  ]);
  if (cleaned.length > 0) rows.push({ name: `${name}: CLEAN-UP`, unit: '', note: cleaned.join('; ').slice(0, 200) });
  print(name);
}
if (missed.length > 0) console.error(`suites that did not complete: ${missed.join(', ')}`);
console.error(`bench wall time ${((Date.now() - runStarted) / 1000).toFixed(0)} s`);
// Exit explicitly: a suite left behind may still hold sockets or timers.
process.exit(missed.length > 0 ? 1 : 0);
