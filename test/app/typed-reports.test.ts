import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exposure } from "../../src/app/exposure.js";
import { flows } from "../../src/app/flows.js";
import { ingest } from "../../src/app/ingest.js";
import { model } from "../../src/app/model.js";
import { scenarios } from "../../src/app/scenarios.js";
import { simulate } from "../../src/app/simulate.js";
import { Rational } from "../../src/core/exact/rational.js";
import type { Result } from "../../src/core/shared/problem.js";
import type { Deal } from "../../src/deal/build.js";
import { loadDeal } from "../../src/deal/load.js";
import { loadWorkspace, type Workspace } from "../../src/deal/workspace.js";
import { simulationReportFromJson } from "../../src/report/simulation-report.js";
import { jsonText } from "../../src/report/text-formats.js";

/**
 * The typed reports of scenarios, simulate, flows and exposure (APP-2): exact values whose
 * identities hold exactly, references that carry names, and JSON that reads back. Their
 * JSON against the documented one is test/app/json-contract.test.ts.
 */
const DEALS = ["examples/openai-round.yaml", "examples/down-round.yaml", "examples/seed-to-series-a.yaml"];
const WORKSPACES = ["examples/ai-ecosystem.yaml", "examples/cloud-partners.yaml"];

function deal(file: string): Deal {
  const loaded = loadDeal(readFileSync(file, "utf8"), file);
  if (!loaded.ok) throw new Error(file);
  return loaded.deal;
}

function workspace(file: string): Workspace {
  const loaded = loadWorkspace(readFileSync(file, "utf8"), file, (relative) => {
    const at = path.join("examples", relative);
    return { ok: true, text: readFileSync(at, "utf8"), file: at };
  });
  if (!loaded.ok) throw new Error(file);
  return loaded.workspace;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.value;
}

describe("APP-2: scenarios", () => {
  it("each scenario's column is the model of the deal in that scenario, exactly; dilution is 1 − after/before; holders carry names", async () => {
    for (const file of DEALS) {
      const report = value(await scenarios.run(deal(file), {}));
      expect(report.scenarios.length).toBeGreaterThanOrEqual(3);
      for (const s of report.scenarios) {
        // The pro forma of the same deal in the same scenario (SPEC UNC-SCN-5: the exact engine).
        const modelled = value(await model.run(deal(file), { scenario: s.scenario }));
        expect(s.postMoneyValuation.amount.eq(modelled.round.postMoneyValuation.amount), file).toBe(true);
        const after = new Map(
          modelled.holders
            .filter((h) => h.kind === "stakeholder")
            .map((h) => [h.holder.id, h.fullyDilutedAfter]),
        );
        for (const h of s.holders)
          expect(h.fullyDilutedAfter.eq(after.get(h.holder.id)!), h.holder.id).toBe(true);
        for (const h of s.holders) {
          expect(h.holder.name.length).toBeGreaterThan(0);
          if (h.dilution !== null)
            expect(h.dilution.eq(Rational.ONE.sub(h.fullyDilutedAfter.div(h.fullyDilutedBefore)))).toBe(true);
          else expect(h.fullyDilutedBefore.isZero()).toBe(true);
        }
        expect(s.postMoneyValuation.amount.gte(s.preMoneyValuation.amount)).toBe(true);
      }
    }
  });

  it("claims are named by what they are about (openai-round: Amazon + Nvidia + Microsoft)", async () => {
    const report = value(await scenarios.run(deal(DEALS[0]!), {}));
    const trio = report.scenarios[0]!.claims.find((c) => c.id === "trio-about-40");
    expect(trio?.name).not.toBe("trio-about-40");
    expect(trio?.name).toMatch(/Amazon/);
  });
});

describe("APP-2: simulate", () => {
  it("the JSON reads back into the typed report and gives the same JSON, byte for byte (OUT-4)", async () => {
    for (const file of DEALS) {
      const report = value(await simulate.run(deal(file), { runs: 200, seed: 5n }));
      const json = jsonText(simulate.json(report));
      const back = simulationReportFromJson(JSON.parse(json));
      expect(back, file).toBeDefined();
      expect(jsonText(simulate.json(back!))).toBe(json);
      // Investments are picked by the quantity's kind, not by matching its id.
      const investments = report.quantities.filter((q) => q.quantity.ref?.kind === "investment");
      expect(investments.every((q) => q.quantity.id.includes("/investment:"))).toBe(true);
    }
    expect(simulationReportFromJson({ company: "x" })).toBeUndefined();
  });
});

describe("APP-2: flows and exposure", () => {
  it("net cash over every party sums to exactly zero; each investment's net cash is gross − returned", async () => {
    for (const file of WORKSPACES) {
      const report = value(await flows.run(workspace(file), { seed: 1n }));
      if (report.kind !== "flows") throw new Error("flows without runs is the exact report");
      expect(Rational.sum(report.netCash.map((n) => n.net.amount)).isZero(), file).toBe(true);
      for (const i of report.investments) {
        expect(i.netCash.amount.eq(i.gross.amount.sub(i.returned.amount))).toBe(true);
        expect(i.investor.name.length).toBeGreaterThan(0);
      }
    }
  });

  it("an investor's totals are the exact sums of the companies' rows", async () => {
    for (const [file, investor] of [
      [WORKSPACES[0]!, "amazon"],
      [WORKSPACES[1]!, "helios"],
    ] as const) {
      const report = value(await exposure.run(workspace(file), { investor }));
      expect(report.investor.id).toBe(investor);
      expect(report.investor.name).not.toBe(investor);
      const sum = (xs: ({ amount: Rational } | undefined)[]) =>
        Rational.sum(xs.map((x) => x?.amount ?? Rational.ZERO));
      expect(sum(report.companies.map((c) => c.invested)).eq(report.totals.invested.amount)).toBe(true);
      expect(sum(report.companies.map((c) => c.value)).eq(report.totals.value.amount)).toBe(true);
    }
  });
});

describe("APP-1: ingest", () => {
  it("the use case's JSON is the CLI's documented JSON (the goldens), for every report of the corpus, with and without a deal", async () => {
    const golden = (name: string) => {
      const text = readFileSync(`test/golden/cli/${name}.golden`, "utf8");
      return text.slice(text.indexOf("--- stdout\n") + 11, text.indexOf("--- stderr"));
    };
    for (const name of ["aerolis-cloture-fr", "brightwave-talks-en", "corvid-term-sheet-en"]) {
      const report = value(
        await ingest.run({ text: readFileSync(`corpus/ingest/${name}.txt`) }, { lang: "auto" }),
      );
      expect(jsonText(ingest.json(report)), name).toBe(golden(`ingest.${name}.json`));
    }
    const withDeal = value(
      await ingest.run(
        { text: readFileSync("corpus/ingest/brightwave-talks-en.txt"), deal: deal(DEALS[0]!) },
        { lang: "auto" },
      ),
    );
    expect(jsonText(ingest.json(withDeal))).toBe(golden("ingest.with-deal.json"));
    const bad = await ingest.run({ text: "x" }, { lang: "auto", sourceDate: "2026-13-45" });
    expect(bad.ok).toBe(false);
  });
});
