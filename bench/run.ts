import { readdirSync } from "node:fs";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchModule } from "./harness.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `roundtable benchmarks — Node ${process.version}, ${os.cpus().length} cores (${cpu}), ${os.platform()} ${os.arch()}`,
);
for (const file of files) {
  const mod = (await import(pathToFileURL(`${here}${file}`).href)) as BenchModule;
  const reports = await mod.default();
  for (const report of reports) {
    console.log(`\n## ${report.name}`);
    for (const f of report.figures) {
      const value = Number.isInteger(f.value) ? f.value.toLocaleString("en-US") : f.value.toPrecision(4);
      const target = f.target ? `  (target ${f.target}: ${f.met ? "met" : "NOT met"})` : "";
      console.log(`  ${f.label}: ${value} ${f.unit}${target}`);
    }
    for (const note of report.notes ?? []) console.log(`  note: ${note}`);
  }
}
