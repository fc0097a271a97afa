import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { closeRound } from "../../src/deal/close-round.js";
import { cli, tempFile } from "../support/cli.js";

const FILE = "examples/down-round-pay-to-play.yaml";

describe("examples/down-round-pay-to-play.yaml: pay-to-play, venture debt, a tender and tranches from the CLI", () => {
  it("P2P-3, TENDER-5, DEBT-2: captable as of the tender's date shows the conversions, the sale and the lender's warrants", async () => {
    const r = await cli(["captable", FILE, "--as-of", "2025-03-03", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const holder = (id: string) => report.holders.find((h: { id: string }) => h.id === id);
    // Founders: 10,000,000 − 900,000 sold (200,000 to the company, 700,000 to the buyer).
    expect(holder("founders").outstanding).toBe("9100000");
    // Tarn: 2,000,000 common from its Series A (pay-to-play) + 500,000 Series B − 300,000 sold.
    expect(holder("fund-b").outstanding).toBe("2200000");
    expect(holder("secondary-buyer").outstanding).toBe("1000000");
    // 100,000 Series A warrants at the adjusted conversion price 0.8687: 115,114 as converted.
    expect(holder("lender").fullyDiluted).toBe("115114");
    expect(report.totals.outstanding).toBe("20500000");
  });

  it("TRANCHE-3: between the Series C tranches only the first is counted", async () => {
    const between = JSON.parse(
      (await cli(["captable", FILE, "--as-of", "2026-06-01", "--format", "json"])).stdout,
    );
    const after = JSON.parse(
      (await cli(["captable", FILE, "--as-of", "2026-10-01", "--format", "json"])).stdout,
    );
    expect(between.totals.outstanding).toBe("26500000");
    expect(after.totals.outstanding).toBe("28500000");
  });

  it("TRANCHE-2: model prices the round at $1.00 and the milestone tranche at $1.25", async () => {
    const r = await cli(["model", FILE, "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.round.pricePerShare).toBe("1");
    expect(report.round.newMoney).toBe("8500000");
    const lead = report.holders.find((h: { id: string }) => h.id === "series-c-lead");
    expect(lead.sharesAfter).toBe("8000000");
  });

  it("DEBT-3: exit repays the venture loan (principal and 3% final payment) before any equity", async () => {
    const r = await cli(["exit", FILE, "--at", "2000000;20000000", "--format", "json"]);
    expect(r.code).toBe(0);
    const [low, high] = JSON.parse(r.stdout).outcomes;
    expect(low.ventureDebts).toEqual([
      {
        id: "venture-loan",
        holder: "lender",
        name: "Cairn Venture Lending",
        seniority: 1,
        owed: "2060000",
        repaid: "2000000",
      },
    ]);
    expect(low.holders.every((h: { total: string }) => h.total === "0")).toBe(true);
    expect(high.ventureDebts[0].repaid).toBe("2060000");
    // The table reads compact (APP-5); --exact gives the cents.
    const text = await cli(["exit", FILE, "--at", "20000000"]);
    expect(text.stdout).toMatch(/Cairn Venture Lending \(venture debt, seniority 1\)\s+\$2\.06M\n/);
    const exact = await cli(["exit", FILE, "--at", "20000000", "--exact"]);
    expect(exact.stdout).toMatch(/Cairn Venture Lending \(venture debt, seniority 1\)\s+\$2,060,000\.00\n/);
  });

  it("IPO-Q-2: an IPO at $0.40, below the Series B's $2.00 qualified price and its $0.50 preference per share, leaves it preferred", async () => {
    const r = await cli(["exit", FILE, "--ipo", "$0.40/share", "--format", "json"]);
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout).positions.find((p: { id: string }) => p.id === "shares:series-b");
    expect(b.state).toBe("keeps_preference");
    expect(b.value).toBe("0");
    const c = JSON.parse(r.stdout).positions.find((p: { id: string }) => p.id === "shares:series-c");
    expect(c.state).toBe("converts");
  });

  it("CLOSE-3: the example's Series C closes into the ledger and the result loads", () => {
    const closed = closeRound(readFileSync(FILE, "utf8"), "down-round-pay-to-play.yaml");
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    expect(closed.value.text).toContain("series-c:invest:1");
  });

  it("TENDER-1: a tender of more shares than held names the file, line and field", async () => {
    const text = readFileSync(FILE, "utf8").replace(
      "{ holder: fund-b, shares: 500_000 }",
      "{ holder: fund-b, shares: 2_500_000 }",
    );
    const file = tempFile("tender.yaml", text);
    const r = await cli(["captable", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /tender\.yaml:\d+:\d+: transactions\[10\]\.sellers\[1\]\.shares: transaction tender-2025 \(tender, 2025-03-03\) has fund-b offer 2500000 Common shares, and fund-b holds 2000000 \(tender_exceeds_holding\)/,
    );
  });
});
