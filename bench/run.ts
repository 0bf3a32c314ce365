// `npm run bench`: every benchmark, one table, printed after each suite. BENCH_ONLY=floor,workflow
// picks some. Each suite has a time budget (BENCH_BUDGET_<NAME>_S overrides it, e.g.
// BENCH_BUDGET_GATEWAY_STATE_S); a suite that fails or overruns keeps the rows it measured and adds
// one saying what it missed and how far it got. The exit code is 0 only if every suite completed.
import { existsSync } from 'node:fs';
import { ConditionMissed, createReporter, type Reporter } from './reporter.js';
import { floorRatioRow } from './mo-load.js';
import { table, type Row } from './stats.js';

// Default budgets, seconds: 1,380 in all (the router suite's 100,000 waiting take 7 minutes of it).
const suites: [name: string, module: string, fn: string, budget: number][] = [
  ['floor', './floor-bench.js', 'runFloorBench', 90],
  ['workflow', './workflow-bench.js', 'runWorkflowBench', 360],
  ['gateway', './gateway-bench.js', 'runGatewayBench', 150],
  ['gateway-state', './gateway-state-bench.js', 'runGatewayStateBench', 90],
  ['api', './api-bench.js', 'runApiBench', 90],
  ['offer', './offer-bench.js', 'runOfferBench', 60],
  ['router', './router-bench.js', 'runRouterBench', 420],
  ['web', './web-bench.js', 'runWebBench', 120],
];
/** How long a suite past its budget gets to stop its servers before the run moves on without it. */
const GRACE_MS = 20_000;

type Suite = (r: Reporter) => Promise<Row[] | void>;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const budgetOf = (name: string, fallback: number) => {
  const raw = process.env[`BENCH_BUDGET_${name.toUpperCase().replace(/-/g, '_')}_S`];
  const value = raw === undefined ? fallback : Number(raw);
  if (!(value > 0)) throw new Error(`BENCH_BUDGET_${name.toUpperCase()}_S must be a positive number of seconds`);
  return value;
};

const rows: Row[] = [];
const missed: string[] = [];
for (const [name, module, fn, fallback] of suites) {
  if (only && !only.includes(name)) continue;
  if (!existsSync(new URL(module.replace('.js', '.ts'), import.meta.url))) continue;
  const budget = budgetOf(name, fallback);
  console.error(`running the ${name} benchmark (budget ${budget} s)...`);
  const started = Date.now();
  const r = createReporter(budget);
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
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const why = error instanceof Error ? error.message : String(error);
    const far = r.howFar();
    const got = !far || why.includes(far) ? '' : `; got ${far}`;
    rows.push(...r.rows, {
      name: `${name}: MISSED`,
      unit: '',
      note: `${why.split('\n')[0]}${got}${far ? '' : '; no progress reported'} (after ${seconds} s)`,
    });
    missed.push(name);
    console.error(`the ${name} benchmark did not complete:`, error instanceof ConditionMissed ? why : error);
  } finally {
    clearTimeout(timer);
  }
  const ratio = floorRatioRow(rows);
  console.log(`\nafter ${name}:\n${table(ratio ? [...rows, ratio] : rows)}\n`);
}
if (missed.length > 0) console.error(`suites that did not complete: ${missed.join(', ')}`);
// Exit explicitly: a suite left behind may still hold sockets or timers.
process.exit(missed.length > 0 ? 1 : 0);
