import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, tempFile } from "../support/cli.js";

const REPORT = "../shared/fixtures/seed-openai-round-fr.txt";

/** The founding example without its claims, with the report's bounds as the round's own estimates. */
function bareDeal(): string {
  let s = readFileSync("examples/openai-round.yaml", "utf8");
  s = s.slice(0, s.indexOf("\nsources:")) + "\n";
  s = s.replace(
    "{ investor: amazon, closing: strategic, lead: true }",
    "{ investor: amazon, amount: up to $50B, closing: strategic, lead: true }",
  );
  s = s.replace(
    "{ investor: nvidia, closing: strategic }",
    "{ investor: nvidia, amount: up to $30B, closing: strategic }",
  );
  s = s.replace(
    "{ investor: microsoft, closing: strategic }",
    "{ investor: microsoft, amount: less than $10B, closing: strategic }",
  );
  s = s.replace(
    "{ investor: softbank, closing: second }",
    "{ investor: softbank, amount: up to $30B, closing: second }",
  );
  return s.replace(
    "    # No amount and no valuation here: they come from the claims below (SPEC DEAL-4).",
    "    postMoney: about $830B",
  );
}

describe("roundtable ingest (docs/spec/ingest.md)", () => {
  it("proposes the founding report's claims: target, both subtotals as competing claims, each bound, the agreements, the stake", async () => {
    const r = await cli(["ingest", REPORT, "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.claims.map((c: { kind: string }) => c.kind)).toEqual([
      "round_target",
      "investment",
      "investment",
      "investment",
      "investment",
      "commercial_agreement",
      "commercial_agreement",
      "investment",
      "investment",
      "investment",
      "investment",
      "existing_stake",
    ]);
    const text = readFileSync(REPORT, "utf8");
    for (const c of out.claims) expect(text.slice(c.start, c.end)).toBe(c.evidence);
    expect(out.conflicts.some((k: { claims: number[] }) => k.claims.join() === "1,2")).toBe(true);
  });

  it("reads standard input with -", async () => {
    const r = await cli(["ingest", "-", "--format", "json"], {
      stdin: "OpenAI could raise up to $100 billion, people familiar with the matter said.",
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).claims[0].amount.max).toBe(100000000000);
  });

  it("adds one source with its claims to the deal, changing no other byte, and the deal then shows the conflict", async () => {
    const original = bareDeal();
    const file = tempFile("deal.yaml", original);
    const r = await cli(["ingest", REPORT, "--deal", file, "--write", "--source-id", "report-fr"]);
    // One amount ("des milliards", about Anthropic) names no currency: a warning says so.
    expect(r.stderr).toMatch(/ingest_currency_inferred/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/added source "report-fr" with 7 claims/);
    expect(r.stdout).toMatch(/not added: report-fr-c6: an agreement/);
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(original)).toBe(true);
    const claims = JSON.parse((await cli(["claims", file, "--format", "json"])).stdout);
    expect(claims.conflicts).toHaveLength(1);
    // A second report goes into the existing lists; removing it gives the file back.
    const second = await cli(["ingest", REPORT, "--deal", file, "--write", "--source-id", "report-fr-2"]);
    expect(second.code).toBe(0);
    const twice = readFileSync(file, "utf8");
    const withoutSecond = twice
      .split("\n")
      .filter((line, i, lines) => line === "" || !isInSecondSource(lines, i))
      .join("\n");
    expect(withoutSecond).toBe(after);
  });

  it("writes nothing when the deal would not load, or the round is unknown", async () => {
    const file = tempFile("deal.yaml", bareDeal());
    const before = readFileSync(file, "utf8");
    expect((await cli(["ingest", REPORT, "--deal", file, "--write", "--round", "nope"])).code).toBe(2);
    expect((await cli(["ingest", REPORT, "--write"])).code).toBe(2);
    await cli(["ingest", REPORT, "--deal", file, "--write", "--source-id", "a"]);
    const again = await cli(["ingest", REPORT, "--deal", file, "--write", "--source-id", "a"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a source "a"/);
    expect(readFileSync(file, "utf8")).not.toBe(before);
  });

  it("empty input, binary input and text with no figures get clear messages", async () => {
    const empty = await cli(["ingest", tempFile("empty.txt", "  \n")]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/ingest_empty_input/);
    const binary = await cli(["ingest", tempFile("bin.txt", Buffer.from([0x00, 0xff, 0x00, 0x12]))]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/ingest_binary_input|ingest_invalid_utf8/);
    const none = await cli([
      "ingest",
      tempFile("none.txt", "The weather was fine and nobody said anything about money."),
    ]);
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/ingest_no_figures/);
    expect((await cli(["ingest", "no-such-report.txt"])).stderr).toMatch(/no such file/);
  });
});

/** Lines of the second source and its claims (ids report-fr-2...). */
function isInSecondSource(lines: string[], i: number): boolean {
  for (let j = i; j >= 0; j--) {
    const m = /^ {2}- id: (\S+)/.exec(lines[j]!);
    if (m) return m[1]!.startsWith("report-fr-2");
    if (/^\S/.test(lines[j]!)) return false;
  }
  return false;
}
