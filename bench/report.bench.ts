import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type CliIo, processIo } from "../src/cli/io.js";
import { run } from "../src/cli/main.js";
import type { BenchReport } from "./harness.js";

/**
 * `roundtable model examples/openai-round.yaml --format pdf --out FILE` end to end through
 * the CLI's `run` (read and load the deal, price the round, build the report document,
 * lay out the PDF with its embedded font, write the file atomically); the same for
 * `--format xlsx`. Median of at least five runs after two warm-ups, in this process (the
 * Node start-up of a fresh process is not counted).
 */
async function timeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const once = async () => {
    const code = await run(args, io);
    if (code !== 0) throw new Error(`roundtable ${args.join(" ")} exited with ${code}`);
  };
  for (let i = 0; i < 2; i++) await once();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 5 || performance.now() - started < 1000) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
    if (times.length > 200) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export default async function (): Promise<readonly BenchReport[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-bench-report-"));
  const quiet: CliIo = { ...processIo(), stderr: { write: () => {}, isTTY: false } };
  try {
    const pdf = path.join(dir, "pro-forma.pdf");
    const xlsx = path.join(dir, "pro-forma.xlsx");
    const pdfMs = await timeCommand(
      ["model", "examples/openai-round.yaml", "--format", "pdf", "--out", pdf],
      quiet,
    );
    const xlsxMs = await timeCommand(
      ["model", "examples/openai-round.yaml", "--format", "xlsx", "--out", xlsx],
      quiet,
    );
    return [
      {
        name: "hand-over reports: roundtable model examples/openai-round.yaml (CLI path, one core)",
        figures: [
          { label: "--format pdf --out pro-forma.pdf", value: pdfMs, unit: "ms" },
          { label: "--format xlsx --out pro-forma.xlsx", value: xlsxMs, unit: "ms" },
        ],
        notes: [
          `PDF ${statSync(pdf).size.toLocaleString("en-US")} bytes, XLSX ${statSync(xlsx).size.toLocaleString("en-US")} bytes`,
        ],
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
