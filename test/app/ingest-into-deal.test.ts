import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dealTextWithAddition, ingestIntoDeal, ingestIntoDealOf } from "../../src/app/ingest-into-deal.js";
import { parseInput } from "../../src/app/use-case.js";
import { toDealDraft } from "../../src/core/ingest/deal-draft.js";
import { ingest as readText } from "../../src/core/ingest/ingest.js";
import { ingestedEntries, knownNames } from "../../src/deal/ingest-into-deal.js";
import { loadDeal } from "../../src/deal/load.js";

/**
 * ingest-into-deal (APP-1, SPEC DEAL-6): the one sequence the CLI's `ingest --deal --write`,
 * the API's posted source and the web app's ingest panel call. The expected claims are
 * computed here from the core pieces themselves, in the order the faces used to call them.
 */
describe("the ingest-into-deal use case", () => {
  const text = readFileSync("examples/openai-round.yaml", "utf8");
  const loaded = loadDeal(text, "openai-round.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const deal = loaded.deal;
  const report = (deal.document.sources as { id: string; text?: string }[]).find(
    (s) => s.id === "report-fr",
  )?.text;
  if (!report) throw new Error("the example deal lost its French report");

  it("proposes the source and the claims the core's reading maps onto the deal's last round", () => {
    const read = ingestIntoDealOf(report, deal, { lang: "auto", title: "Le rapport fondateur" });
    if (!read.ok) throw new Error(read.problems[0]!.message);
    const core = readText(report, { lang: "auto", knownStakeholders: knownNames(deal) });
    if (!core.ok) throw new Error(core.problems[0]!.message);
    const expected = ingestedEntries(
      toDealDraft(core.value, { title: "Le rapport fondateur" }),
      deal,
      "round-2026",
    );
    expect(read.value.reading.claims.length).toBe(core.value.claims.length);
    if (!read.value.addition.ok) throw new Error(read.value.addition.problems[0]!.message);
    expect(read.value.addition.value.entries).toEqual(expected);
    expect(expected.claims.length).toBeGreaterThan(2);
    expect(read.value.addition.value.draft.source.id).toBe("news-le-rapport-fondateur");
  });

  it("a taken source id fails at sourceId, or moves on to the next free one when asked", () => {
    const failed = ingestIntoDealOf(report, deal, { lang: "auto", sourceId: "report-fr" });
    if (!failed.ok) throw new Error(failed.problems[0]!.message);
    expect(failed.value.addition.ok).toBe(false);
    if (failed.value.addition.ok) return;
    expect(failed.value.addition.problems[0]).toMatchObject({
      code: "deal_duplicate_id",
      path: ["sourceId"],
    });

    const next = ingestIntoDealOf(report, deal, {
      lang: "auto",
      sourceId: "report-fr",
      takenSourceId: "next",
    });
    if (!next.ok || !next.value.addition.ok) throw new Error("the next free id was not taken");
    expect(next.value.addition.value.draft.source.id).toBe("report-fr-2");
    expect(next.value.addition.value.entries.claims.every((c) => c.source === "report-fr-2")).toBe(true);
  });

  it("a round the deal does not have is refused at round, the reading kept", () => {
    const read = ingestIntoDealOf(report, deal, { lang: "auto", round: "round-1999" });
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.value.reading.claims.length).toBeGreaterThan(0);
    expect(read.value.addition.ok).toBe(false);
    if (read.value.addition.ok) return;
    expect(read.value.addition.problems[0]).toMatchObject({ code: "usage", path: ["round"] });
    expect(read.value.addition.problems[0]!.message).toBe('no round "round-1999" in the deal');
  });

  it("a report that cannot be read fails; without a deal the use case says what it needs", async () => {
    const bad = ingestIntoDealOf(new Uint8Array([0x41, 0xff, 0x42]), deal, { lang: "auto" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.code).toBe("ingest_invalid_utf8");
    const input = parseInput(ingestIntoDeal, { lang: "fr" });
    if (!input.ok) throw new Error(input.problems[0]!.message);
    const none = await ingestIntoDeal.run({ text: report }, input.value);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems[0]).toMatchObject({ code: "usage" });
  });

  it("the addition written into the deal file loads, with the new source and its claims", () => {
    const read = ingestIntoDealOf(report, deal, { lang: "auto", title: "Le rapport fondateur" });
    if (!read.ok || !read.value.addition.ok) throw new Error("no addition");
    const entries = read.value.addition.value.entries;
    const edited = dealTextWithAddition(text, "openai-round.yaml", entries);
    if (!edited.ok) throw new Error("the edited deal does not load");
    expect(edited.text.startsWith(text.trimEnd().slice(0, 200))).toBe(true);
    const again = loadDeal(edited.text, "openai-round.yaml");
    if (!again.ok) throw new Error(again.diagnostics[0]!.message);
    expect(again.deal.document.sources.map((s) => s.id)).toContain("news-le-rapport-fondateur");
    expect(again.deal.document.claims.length).toBe(deal.document.claims.length + entries.claims.length);
  });
});
