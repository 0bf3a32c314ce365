// `npm run bench`: every benchmark, one table. BENCH_ONLY=workflow,gateway,api,web picks some.
import { existsSync } from 'node:fs';
import { table, type Row } from './stats.js';

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const suites: [string, string, string][] = [
  ['workflow', './workflow-bench.js', 'runWorkflowBench'],
  ['gateway', './gateway-bench.js', 'runGatewayBench'],
  ['gateway-state', './gateway-state-bench.js', 'runGatewayStateBench'],
  ['api', './api-bench.js', 'runApiBench'],
  ['offer', './offer-bench.js', 'runOfferBench'],
  ['web', './web-bench.js', 'runWebBench'],
];

const rows: Row[] = [];
for (const [name, module, fn] of suites) {
  if (only && !only.includes(name)) continue;
  if (!existsSync(new URL(module.replace('.js', '.ts'), import.meta.url))) continue;
  console.error(`running the ${name} benchmark...`);
  const mod = (await import(module)) as Record<string, () => Promise<Row[]>>;
  const run = mod[fn];
  if (!run) throw new Error(`${module} has no ${fn}`);
  rows.push(...(await run()));
}
console.log(table(rows));
