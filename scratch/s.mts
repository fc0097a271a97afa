import { parseEstimate } from "../src/core/uncertainty/estimate-parse.ts";
import { buildQuantityModel } from "../src/core/uncertainty/quantity.ts";
import { makeSource } from "../src/core/uncertainty/source.ts";
import { validateClaims } from "../src/core/uncertainty/claim.ts";
import { reconcile } from "../src/core/uncertainty/reconcile.ts";
const ctx = { stakeholders: new Map([["amazon","Amazon"],["nvidia","Nvidia"],["microsoft","Microsoft"]]), rounds: new Map([["x","Series X"]]) };
const m = buildQuantityModel([{id:"round:x/investment:amazon"},{id:"round:x/investment:nvidia"},{id:"round:x/investment:microsoft"}], [], ctx);
if (!m.ok) throw m;
const src = makeSource({id:"seed", language:"fr", reliability:"C"}); if (!src.ok) throw src;
const e = (t:string) => { const r = parseEstimate(t); if (!r.ok) throw r.problems; return r.value; };
const g = ["round:x/investment:amazon","round:x/investment:nvidia","round:x/investment:microsoft"];
const set = validateClaims([
 {id:"group-40", source:"seed", subject:g, value:e("about $40B"), status:"in_talks"},
 {id:"group-60", source:"seed", subject:g, value:e("$60B"), status:"rumored"},
 {id:"amazon-cap", source:"seed", subject:g[0], value:e("up to $50B"), status:"in_talks"},
 {id:"nvidia-cap", source:"seed", subject:g[1], value:e("up to $30B"), status:"in_talks"},
 {id:"microsoft-cap", source:"seed", subject:g[2], value:e("less than $10B"), status:"in_talks"},
], [src.value], m.value, {currency: "USD" as any});
if (!set.ok) throw set.problems;
import { createHighsOracle } from "../src/adapters/highs-lp-oracle.ts";
const oracle = await createHighsOracle();
const rec0 = reconcile(set.value, {oracle});
const t0 = performance.now();
const rec = reconcile(set.value, {oracle});
console.log("ms", performance.now()-t0, "checks", rec.checks);
console.log(JSON.stringify(rec.conflicts.map(c=>c.explanation.text)));
for (const r of rec.readings) { console.log(r.claims, r.weight); for (const q of [...r.ranges!.quantities, ...r.ranges!.groups]) console.log("  ", q.label, q.min?.value.toDecimalString(), q.min?.attained, q.max?.value.toDecimalString(), q.max?.attained); }
import { planSampler, drawQuantities } from "../src/core/uncertainty/sampler.ts";
import { ScenarioRandom, splitmix64Output } from "../src/core/uncertainty/rng.ts";
console.log(splitmix64Output(0n,1).toString(16));
for (const reading of rec.readings) {
const p = planSampler(set.value, reading.claims as any);
if (!p.ok) { console.log(p.problems); continue; }
const plan = p.value; console.log("free", plan.free, "dep", plan.dependent, "rows", plan.rowCount, "factors", plan.factorCount);
const rng = new ScenarioRandom(42n); const x = new Float64Array(plan.coordinateCount); const N=200000; const sum=[0,0,0]; let att=0; const mins=[Infinity,Infinity,Infinity], maxs=[-Infinity,-Infinity,-Infinity];
const t=performance.now();
for (let i=0;i<N;i++){ rng.startScenario(i); att+=drawQuantities(plan,rng,x); for(let j=0;j<3;j++){sum[j]+=x[j]; mins[j]=Math.min(mins[j],x[j]); maxs[j]=Math.max(maxs[j],x[j]);} }
console.log((performance.now()-t).toFixed(0)+"ms", "attempts/scn", att/N, sum.map(s=>s/N/1e9), mins.map(s=>s/1e9), maxs.map(s=>s/1e9));
}
