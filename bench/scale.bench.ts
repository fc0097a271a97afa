import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchFigure, BenchReport } from "./harness.js";
import { syntheticDealYaml } from "./model.bench.js";

/**
 * The scale table (issue 19): `model`, `simulate --runs 10000`, `exit --breakpoints` and
 * `validate` at 1,000, 10,000 and 100,000 holders, each run as its own process from the
 * built CLI (dist/, `npm run build:node` first) so that the peak RSS is the command's own,
 * measured by /usr/bin/time -f %M; time is the child's CPU time (user + system), since the
 * machine is shared. The growth exponent between two sizes is log(t2/t1)/log(n2/n1): 1 is
 * linear. Sizes can be chosen with ROUNDTABLE_BENCH_SIZES=1000,10000 (the full table takes
 * minutes); a command taking more than ROUNDTABLE_BENCH_TIMEOUT seconds (default 300) is
 * reported as timed out.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
const bin = path.join(here, "..", "bin", "roundtable.js");
const sizes = (process.env.ROUNDTABLE_BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const timeoutSeconds = Number(process.env.ROUNDTABLE_BENCH_TIMEOUT ?? 300);

/** The model bench's deal with an estimated investment, so that `simulate` has something to sample. */
function scaleDealYaml(holders: number): string {
  return syntheticDealYaml(holders).replace(
    "      - { investor: v0, amount: 10000000 }",
    "      - { investor: v0, amount: between $8M and $12M }",
  );
}

const commands: { name: string; args: (file: string) => string[] }[] = [
  { name: "model", args: (f) => ["model", f] },
  { name: "simulate --runs 10000", args: (f) => ["simulate", f, "--runs", "10000", "--json"] },
  { name: "exit --breakpoints", args: (f) => ["exit", f, "--breakpoints", "--format", "json"] },
  { name: "validate", args: (f) => ["validate", f] },
];

interface Measured {
  readonly cpuSeconds: number;
  readonly peakKb: number;
  readonly ok: boolean;
}

function measure(args: string[]): Measured {
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S %M", process.execPath, bin, ...args], {
    encoding: "utf8",
    maxBuffer: 4 * 1024 * 1024 * 1024,
    timeout: timeoutSeconds * 1000,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const last = run.stderr?.trim().split("\n").pop() ?? "";
  const [user, system, peak] = last.split(" ").map(Number);
  const ok = run.status === 0 && user !== undefined && Number.isFinite(peak);
  return { cpuSeconds: (user ?? 0) + (system ?? 0), peakKb: peak ?? 0, ok };
}

export default async function (): Promise<BenchReport[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-scale-"));
  const reports: BenchReport[] = [];
  try {
    const files = sizes.map((n) => {
      const file = path.join(dir, `deal-${n}.yaml`);
      writeFileSync(file, scaleDealYaml(n));
      return file;
    });
    for (const command of commands) {
      const figures: BenchFigure[] = [];
      const notes: string[] = [];
      const results: Measured[] = [];
      for (const [i, n] of sizes.entries()) {
        const m = measure(command.args(files[i]!));
        results.push(m);
        const size = n.toLocaleString("en-US");
        if (!m.ok) {
          notes.push(`${size} holders: failed or timed out after ${timeoutSeconds} s`);
          continue;
        }
        figures.push({ label: `${size} holders: CPU`, value: m.cpuSeconds, unit: "s" });
        figures.push({
          label: `${size} holders: peak RSS`,
          value: Math.round(m.peakKb / 1024),
          unit: "MB",
          ...(n >= 100_000 ? { target: "<= 3 KB per holder", met: m.peakKb <= 3 * n } : {}),
        });
      }
      for (let i = 1; i < sizes.length; i++) {
        const a = results[i - 1]!;
        const b = results[i]!;
        if (!a.ok || !b.ok || a.cpuSeconds <= 0) continue;
        const exponent = Math.log(b.cpuSeconds / a.cpuSeconds) / Math.log(sizes[i]! / sizes[i - 1]!);
        figures.push({
          label: `growth exponent ${sizes[i - 1]!.toLocaleString("en-US")} → ${sizes[i]!.toLocaleString("en-US")}`,
          value: exponent,
          unit: "",
          target: "<= 1.1",
          met: exponent <= 1.1,
        });
      }
      reports.push({ name: `scale: roundtable ${command.name} (child process, built CLI)`, figures, notes });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return reports;
}
