import { readFileSync } from "node:fs";
import path from "node:path";
import { flowsSimulation } from "../src/app/flows-report.js";
import { loadWorkspace, type Workspace } from "../src/deal/workspace.js";
import { flowModelOf, flowsReport } from "../src/report/flows-report.js";
import { type BenchReport, timeMedian } from "./harness.js";

const COMPANIES = 50;
const INVESTORS = 40;
const AGREEMENTS = 500;

const fromExamples = (relative: string) => ({
  ok: true as const,
  text: readFileSync(path.join("examples", relative), "utf8"),
  file: relative,
});

/** A deterministic synthetic workspace: 50 companies with one round of 4 investors each, 500 agreements. */
function syntheticWorkspace(): string {
  let state = 7;
  const random = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const lines = ["roundtable: 1", "workspace: { name: Synthetic, currency: USD }", "parties:"];
  for (let i = 0; i < INVESTORS; i++) lines.push(`  - { id: inv-${i}, name: Investor ${i} }`);
  lines.push("companies:");
  const rounds: { company: number; investors: number[] }[] = [];
  for (let c = 0; c < COMPANIES; c++) {
    const investors = [
      ...new Set([random(INVESTORS), random(INVESTORS), random(INVESTORS), random(INVESTORS)]),
    ];
    rounds.push({ company: c, investors });
    lines.push(
      `  - id: co-${c}`,
      "    deal:",
      `      company: { name: Company ${c}, currency: USD }`,
      `      stakeholders: [{ id: f-${c}, name: Founders ${c} }]`,
      "      classes: [{ id: common, name: Common, type: common }]",
      `      transactions: [{ type: issue, date: 2024-01-01, holder: f-${c}, class: common, shares: ${1_000_000 + random(9_000_000)} }]`,
      "      rounds:",
      `        - { id: r-${c}, name: Round, date: 2025-06-01, class: { id: p-${c}, name: Preferred }, preMoney: ${(10 + random(990)) * 1_000_000}, investments: [${investors.map((i) => `{ investor: inv-${i}, amount: "between $${1 + random(5)}M and $${10 + random(40)}M" }`).join(", ")}] }`,
    );
  }
  lines.push("agreements:");
  for (let a = 0; a < AGREEMENTS; a++) {
    const r = rounds[random(COMPANIES)]!;
    const investor = r.investors[random(r.investors.length)]!;
    const linked =
      random(2) === 0
        ? `, linkedTo: { company: co-${r.company}, round: r-${r.company}, investor: inv-${investor} }`
        : "";
    lines.push(
      `  - { id: a-${a}, kind: cloud_compute, payer: co-${r.company}, payee: inv-${investor}, value: "between $1M and $${2 + random(20)}M", sellerMargin: ${10 + random(60)}%${linked} }`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function load(text: string, file: string): Workspace {
  const loaded = loadWorkspace(text, file, fromExamples);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.line}: ${d.message}`).join("\n"));
  return loaded.workspace;
}

function report(ws: Workspace) {
  const model = flowModelOf(ws);
  if (!model.ok) throw new Error(model.problems[0]!.message);
  return flowsReport(ws, model.value);
}

export default async function flowsBench(): Promise<readonly BenchReport[]> {
  const ecosystem = readFileSync("examples/ai-ecosystem.yaml", "utf8");
  const synthetic = syntheticWorkspace();
  const ecosystemLoad = timeMedian(() => load(ecosystem, "ai-ecosystem.yaml"), { minMs: 1000 });
  const ws = load(ecosystem, "ai-ecosystem.yaml");
  const ecosystemReport = timeMedian(() => report(ws), { minMs: 1000 });
  const syntheticLoad = timeMedian(() => load(synthetic, "synthetic.yaml"), {
    warmup: 1,
    minRuns: 3,
    minMs: 2000,
  });
  const big = load(synthetic, "synthetic.yaml");
  const syntheticReport = timeMedian(() => report(big), { warmup: 1, minRuns: 3, minMs: 2000 });
  const runs = 100_000;
  const t0 = performance.now();
  const sim = flowsSimulation(ws, runs, 1n);
  const simMs = performance.now() - t0;
  if (!sim.ok) throw new Error(sim.problems[0]!.message);
  return [
    {
      name: "flows: capital flows of a workspace (exact) and their Monte Carlo",
      figures: [
        {
          label: "ai-ecosystem.yaml: load (with openai-round.yaml and its claims)",
          value: ecosystemLoad,
          unit: "ms",
        },
        {
          label: "ai-ecosystem.yaml: price the rounds and build the flows report",
          value: ecosystemReport,
          unit: "ms",
        },
        {
          label: `synthetic workspace (${COMPANIES} companies, ${AGREEMENTS} uncertain agreements): load`,
          value: syntheticLoad,
          unit: "ms",
        },
        { label: "synthetic workspace: flows report", value: syntheticReport, unit: "ms" },
        {
          label: `ai-ecosystem.yaml: Monte Carlo, ${runs.toLocaleString("en-US")} runs, one thread`,
          value: runs / (simMs / 1000),
          unit: "runs/s",
        },
      ],
      notes: [
        "Loading resolves the base scenario of all claims together: exact programs per independent block of quantities (UNC-REC-2).",
      ],
    },
  ];
}
