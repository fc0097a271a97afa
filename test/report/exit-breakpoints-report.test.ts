import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exitBreakpointsOf, holderFunctionOf, holderPayoutAt } from "../../src/app/exit-report.js";
import { Rational } from "../../src/core/exact/rational.js";
import { exitBreakpoints, holderPayoutFunction } from "../../src/core/exit/breakpoints.js";
import { HolderPayouts } from "../../src/core/exit/holder-payouts.js";
import { type ExitModel, prepareExit } from "../../src/core/exit/model.js";
import { evaluatePiecewise, simplifyPiecewise } from "../../src/core/exit/piecewise.js";
import { runDeal } from "../../src/core/round/timeline.js";
import { loadDeal } from "../../src/deal/load.js";
import {
  exitBreakpointsJson,
  exitBreakpointsJsonChunks,
  exitBreakpointsReport,
  exitJsonChunks,
  exitModelOf,
  exitTermsOf,
} from "../../src/report/exit-report.js";
import { exitCsv, exitText } from "../../src/report/exit-text.js";
import { decimal } from "../../src/report/format.js";
import { jsonText } from "../../src/report/text-formats.js";
import { buildGeneratedExit, generatedExit } from "../core/exit/arbitraries.js";

/**
 * EXIT-15 at scale (issue 19): the breakpoints report computes every holder's payout
 * function and its values at the breakpoints on unreduced fractions, from the holder's
 * terms (HolderPayouts). It is checked against the straightforward reference: `holderPayoutFunction` per holder on Rationals,
 * evaluated at each breakpoint, simplified and written with `decimal`.
 */
function referenceHolders(model: ExitModel) {
  const bp = exitBreakpoints(model);
  const fns = model.holders.map((h) => holderPayoutFunction(bp, h.id));
  return {
    atBreakpoints: bp.breakpoints.map((x) =>
      model.holders.map((h, i) => ({ id: h.id as string, payout: decimal(evaluatePiecewise(fns[i]!, x)) })),
    ),
    functions: model.holders.flatMap((h, i) => {
      const fn = fns[i]!;
      if (fn.slopes.every((s) => s.isZero()) && fn.atZero.isZero()) return [];
      const f = simplifyPiecewise(fn);
      return [
        {
          id: h.id as string,
          name: h.name,
          atZero: decimal(f.atZero),
          segments: f.breakpoints.map((from, j) => ({
            from: decimal(from),
            to: j + 1 < f.breakpoints.length ? decimal(f.breakpoints[j + 1]!) : null,
            slope: decimal(f.slopes[j]!),
            intercept: decimal(f.intercepts[j]!),
          })),
        },
      ];
    }),
  };
}

function generatedModel(g: Parameters<typeof buildGeneratedExit>[0]): ExitModel | undefined {
  const { table, terms } = buildGeneratedExit(g);
  const model = prepareExit(table, terms);
  return model.ok ? model.value : undefined;
}

function exampleModel(name: string): ExitModel {
  const file = `examples/${name}.yaml`;
  const loaded = loadDeal(readFileSync(file, "utf8"), file);
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const { deal } = loaded;
  const run = runDeal(deal.ledger, deal.rounds);
  if (!run.ok) throw new Error(run.problems[0]!.message);
  const model = exitModelOf(run.value.final, exitTermsOf(deal, undefined));
  if (!model.ok) throw new Error(model.problems[0]!.message);
  return model.value;
}

describe("EXIT-15: every holder's payout in the breakpoints report, linear in holders", () => {
  it("EXIT-15: HolderPayouts equals holderPayoutFunction for every holder, exactly (property)", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false, convertibles: true, exitCosts: true }), (g) => {
        const model = generatedModel(g);
        fc.pre(model !== undefined);
        const bp = exitBreakpoints(model!);
        const payouts = new HolderPayouts(bp);
        for (const [i, h] of model!.holders.entries()) {
          const reference = holderPayoutFunction(bp, h.id);
          const fn = payouts.functionOf(i);
          expect(fn.atZero.toString()).toBe(reference.atZero.toString());
          expect(fn.slopes.map(String)).toEqual(reference.slopes.map(String));
          expect(fn.intercepts.map(String)).toEqual(reference.intercepts.map(String));
          for (const [j, x] of bp.breakpoints.entries()) {
            const v = payouts.valueAt(i, j);
            expect(Rational.of(v.num, v.den).toString()).toBe(evaluatePiecewise(reference, x).toString());
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("EXIT-15: the report's holders and holder functions equal the reference, and as written (property)", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false, convertibles: true, exitCosts: true }), (g) => {
        const model = generatedModel(g);
        fc.pre(model !== undefined);
        const report = exitBreakpointsReport(model!);
        const reference = referenceHolders(model!);
        expect(report.breakpoints.map((b) => b.holders)).toEqual(reference.atBreakpoints);
        expect(report.holderFunctions).toEqual(reference.functions);
      }),
      { numRuns: 100 },
    );
  });

  it.each(["openai-round", "seed-to-series-a", "down-round"])(
    "EXIT-15: %s — holders and holder functions as the reference",
    (name) => {
      const model = exampleModel(name);
      const report = exitBreakpointsReport(model);
      const reference = referenceHolders(model);
      expect(report.breakpoints.map((b) => b.holders)).toEqual(reference.atBreakpoints);
      expect(report.holderFunctions).toEqual(reference.functions);
    },
  );

  it("EXIT-15: the typed report's holder accessors equal the reference, exactly (property)", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false, convertibles: true, exitCosts: true }), (g) => {
        const model = generatedModel(g);
        fc.pre(model !== undefined);
        const report = exitBreakpointsOf(model!);
        const bp = exitBreakpoints(model!);
        expect(report.holders.map((h) => h.id)).toEqual(model!.holders.map((h) => h.id as string));
        for (const [i, h] of model!.holders.entries()) {
          const reference = holderPayoutFunction(bp, h.id);
          for (const [j, x] of bp.breakpoints.entries())
            expect(holderPayoutAt(report, i, j).toString()).toBe(evaluatePiecewise(reference, x).toString());
          const fn = holderFunctionOf(report, i);
          if (reference.slopes.every((s) => s.isZero()) && reference.atZero.isZero()) {
            expect(fn).toBeUndefined();
            continue;
          }
          const simplified = simplifyPiecewise(reference);
          expect(fn!.breakpoints.map(String)).toEqual(simplified.breakpoints.map(String));
          expect(fn!.slopes.map(String)).toEqual(simplified.slopes.map(String));
          expect(fn!.intercepts.map(String)).toEqual(simplified.intercepts.map(String));
          expect(fn!.atZero.toString()).toBe(simplified.atZero.toString());
        }
      }),
      { numRuns: 100 },
    );
  });

  it("EXIT-15: the JSON written in pieces is jsonText of the report, byte for byte (property)", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false, convertibles: true, exitCosts: true }), (g) => {
        const model = generatedModel(g);
        fc.pre(model !== undefined);
        const report = exitBreakpointsOf(model!);
        const whole = jsonText(exitBreakpointsJson(report));
        expect([...exitBreakpointsJsonChunks(report)].join("")).toBe(whole);
        expect([...exitJsonChunks(report)].join("")).toBe(whole);
      }),
      { numRuns: 100 },
    );
  });

  it.each(["openai-round", "seed-to-series-a", "down-round"])(
    "EXIT-15: %s — the JSON in pieces is jsonText of the report, one piece per breakpoint and per holder function",
    (name) => {
      const report = exitBreakpointsOf(exampleModel(name));
      const json = exitBreakpointsJson(report);
      const chunks = [...exitBreakpointsJsonChunks(report)];
      expect(chunks.join("")).toBe(jsonText(json));
      // The opening, one per breakpoint, the class functions, one per holder function, the end.
      expect(chunks).toHaveLength(1 + json.breakpoints.length + 1 + json.holderFunctions.length + 1);
    },
  );

  it.each(["openai-round", "seed-to-series-a", "down-round"])(
    "EXIT-15: %s — the text table and the CSV of the breakpoints read no holder's payout",
    (name) => {
      const report = exitBreakpointsOf(exampleModel(name));
      const text = exitText(report);
      const csv = exitCsv(report);
      const { holderPayouts: _, ...rest } = report;
      const guarded = Object.defineProperty(rest, "holderPayouts", {
        get() {
          throw new Error("the holders' payouts were read");
        },
      }) as typeof report;
      expect(exitText(guarded)).toBe(text);
      expect(exitCsv(guarded)).toBe(csv);
    },
  );
});
