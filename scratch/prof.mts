import { reconcile } from "../src/core/uncertainty/reconcile.ts";
import { allocateSimulationBuffers, planSimulation, simulateRange } from "../src/core/uncertainty/simulate.ts";
import { foundingCapTable, foundingClaimSet, foundingTemplate } from "../test/support/round-fixtures.ts";
const set = foundingClaimSet();
const r = reconcile(set, { ranges: false }).readings[0]!;
const p = planSimulation(set, r.claims, foundingCapTable(), foundingTemplate());
if (!p.ok) throw 1;
const runs = 1_000_000;
const b = allocateSimulationBuffers(p.value, runs);
simulateRange(p.value, 1n, 0, 200_000, b);
for (let k = 0; k < 3; k++) { const t = performance.now(); const c = process.cpuUsage(); simulateRange(p.value, 7n, 0, runs, b); const d = process.cpuUsage(c); console.log(((performance.now() - t)).toFixed(0), "ms wall", ((d.user + d.system)/1000).toFixed(0), "ms cpu / 1M"); }
