import { ScenarioRandom } from "../src/core/uncertainty/rng.ts";
const rng = new ScenarioRandom(42n);
for (let rep=0;rep<3;rep++){
let t=performance.now(); let s=0;
for (let i=0;i<1_000_000;i++){ rng.startScenario(i); }
const a = performance.now()-t; t=performance.now();
for (let i=0;i<3_000_000;i++){ s+=rng.nextFloat(); }
console.log("1M starts", a.toFixed(0), "3M floats", (performance.now()-t).toFixed(0), s);
}
