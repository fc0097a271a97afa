import { readFileSync } from "node:fs";
import path from "node:path";
import { type DealUseCase, parseInput } from "../../src/app/use-case.js";
import type { Deal } from "../../src/deal/build.js";
import { loadDeal } from "../../src/deal/load.js";
import type { CapTableOwnership } from "../../src/report/captable-read.js";

/** The examples whose API answers test/app/json-contract.test.ts keeps as goldens. */
export const EXAMPLES = ["down-round", "openai-round", "seed-to-series-a"] as const;

export function exampleDeal(name: string): Deal {
  const file = `examples/${name}.yaml`;
  const loaded = loadDeal(readFileSync(file, "utf8"), file);
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  return loaded.deal;
}

/** The API's answer kept as a golden (its first line the status, then the body), parsed. */
export function apiGolden(file: string): unknown {
  const text = readFileSync(
    path.join(import.meta.dirname, "..", "golden", "api", `${file}.json.golden`),
    "utf8",
  );
  const [status, ...body] = text.split("\n");
  if (status !== "200") throw new Error(`${file}: status ${status}`);
  return JSON.parse(body.join("\n"));
}

/** A use case's typed report of a deal, its input as the API's query gives it. */
export async function typedReport<I, R>(useCase: DealUseCase<I, R>, deal: Deal, query: object): Promise<R> {
  const input = parseInput(useCase, query);
  if (!input.ok) throw new Error(input.problems[0]!.message);
  const report = await useCase.run(deal, input.value);
  if (!report.ok) throw new Error(report.problems[0]!.message);
  return report.value;
}

/** The typed cap table as its JSON carries it: the holders' shares by class only when asked for (`byClass`). */
export function withoutSharesByClass(report: CapTableOwnership): CapTableOwnership {
  const strip = (rows: CapTableOwnership["holders"]) => rows.map(({ sharesByClass: _s, ...row }) => row);
  return { ...report, holders: strip(report.holders), classes: strip(report.classes) };
}
