import { describe, expect, it } from "vitest";
import { runSimulationInWorkers } from "../../src/adapters/simulation-workers.js";
import { runDeal } from "../../src/core/round/timeline.js";
import { planSimulation } from "../../src/core/uncertainty/simulate.js";
import { loadDeal } from "../../src/deal/load.js";
import { simulationReport } from "../../src/report/simulation-report.js";
import { dealDocumentFromText, dealDocumentText } from "../../src/web/api/deal-text.js";
import { prepareSimulationJob, SIMULATION_CHUNK } from "../../src/web/engine/simulation-job.js";
import { cli } from "../support/cli.js";
import { exampleText } from "./support/examples.js";

/** `roundtable simulate openai-round.yaml --runs N --seed S --json`, as the command computes it. */
async function cliReport(runs: number, seed: bigint) {
  const loaded = loadDeal(exampleText("openai-round"), "openai-round.yaml");
  if (!loaded.ok) throw new Error("load");
  const deal = loaded.deal;
  const u = deal.uncertainty!;
  const template = u.templates.at(-1)!;
  const before = runDeal(deal.ledger, deal.rounds, { beforeRound: template.terms.id });
  if (!before.ok) throw new Error("run");
  const plan = planSimulation(u.claimSet, u.defaultClaims, before.value.final, template);
  if (!plan.ok) throw new Error("plan");
  const summary = await runSimulationInWorkers(plan.value, before.value.final, template, { runs, seed });
  if (!summary.ok) throw new Error("simulate");
  return simulationReport(summary.value, {
    company: deal.ledger.company.name,
    currency: deal.ledger.company.currency,
    round: template.terms.name,
  });
}

describe("WEB-13 the Monte Carlo in the page gives the CLI's numbers", () => {
  it("WEB-13 the same seed and runs give the same report as `roundtable simulate --json`, chunk by chunk", async () => {
    // More runs than a chunk, not a multiple of it, so that the chunks' seams are crossed.
    const runs = SIMULATION_CHUNK * 2 + 777;
    const documentText = dealDocumentText(dealDocumentFromText(exampleText("openai-round"))!);
    const prepared = prepareSimulationJob({ documentText, fileName: "openai-round.json", runs, seed: "42" });
    if (!prepared.ok) throw new Error(prepared.messages.join("; "));
    const progress: number[] = [];
    while (prepared.job.done() < runs) progress.push(prepared.job.step());
    expect(progress).toEqual([SIMULATION_CHUNK, SIMULATION_CHUNK * 2, runs]);
    const web = prepared.job.finish();
    const cli = await cliReport(runs, 42n);
    expect(web).toEqual(cli);
    expect(web.runs).toBe(runs);
    expect(web.seed).toBe("42");
    // Another seed gives other numbers.
    const other = prepareSimulationJob({ documentText, fileName: "openai-round.json", runs, seed: "43" });
    if (!other.ok) throw new Error("prepare");
    expect(other.job.finish().postMoneyValuation.p50).not.toBe(web.postMoneyValuation.p50);
  });

  it("WEB-13 a named scenario's claims give the report of `roundtable simulate --scenario`", async () => {
    const documentText = dealDocumentText(dealDocumentFromText(exampleText("openai-round"))!);
    const runs = SIMULATION_CHUNK + 321;
    const prepared = prepareSimulationJob({
      documentText,
      fileName: "openai-round.json",
      runs,
      seed: "5",
      scenario: "version-60",
    });
    if (!prepared.ok) throw new Error(prepared.messages.join("; "));
    const web = prepared.job.finish();
    const args = ["simulate", "examples/openai-round.yaml", "--runs", String(runs), "--seed", "5", "--json"];
    const named = await cli([...args, "--scenario", "version-60"]);
    expect(named.code).toBe(0);
    expect(JSON.parse(JSON.stringify(web))).toEqual(JSON.parse(named.stdout));
    // The scenario's claims differ from the default reading's, and so do the figures.
    const byDefault = await cli(args);
    expect(JSON.parse(byDefault.stdout).claims).not.toEqual(web.claims);
    expect(JSON.parse(byDefault.stdout).roundSize).not.toEqual(web.roundSize);
    const unknown = prepareSimulationJob({
      documentText,
      fileName: "d.json",
      runs: 10,
      seed: "1",
      scenario: "nope",
    });
    expect(unknown.ok).toBe(false);
  });

  it("WEB-13 refuses runs out of bounds, a seed that is not a whole number and an unknown round", () => {
    const documentText = dealDocumentText(dealDocumentFromText(exampleText("openai-round"))!);
    expect(prepareSimulationJob({ documentText, fileName: "d.json", runs: 0, seed: "1" }).ok).toBe(false);
    expect(prepareSimulationJob({ documentText, fileName: "d.json", runs: 10, seed: "-1" }).ok).toBe(false);
    const refused = prepareSimulationJob({
      documentText,
      fileName: "d.json",
      runs: 10,
      seed: "1",
      roundId: "nope",
    });
    expect(refused.ok).toBe(false);
    expect(prepareSimulationJob({ documentText, fileName: "d.json", runs: 10, seed: "1" }).ok).toBe(true);
  });
});
