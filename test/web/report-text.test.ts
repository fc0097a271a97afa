import { describe, expect, it } from "vitest";
import { describeClaim } from "../../src/core/uncertainty/claim.js";
import { loadDeal } from "../../src/deal/load.js";
import { claimsReport } from "../../src/report/claims-report.js";
import { fill, MESSAGES, type MessageKey } from "../../src/web/i18n/messages.js";
import { conflictText } from "../../src/web/i18n/report-text.js";
import { exampleText } from "./support/examples.js";

const EXTRA: Record<string, string> = {
  "round size below the trio": `  - id: small-round
    source: report-fr
    about: round:round-2026/size
    value: less than 20 milliards de dollars
    status: in_talks
`,
  "Amazon above its own cap": `  - id: amazon-huge
    source: report-fr
    about: round:round-2026/investment:amazon
    value: at least 120 milliards de dollars
    status: in_talks
`,
  "a tiny trio": `  - id: trio-tiny
    source: report-fr
    about: [round:round-2026/investment:amazon, round:round-2026/investment:nvidia]
    value: at most 5 milliards de dollars
    status: in_talks
`,
};

describe("WEB-11 conflicts worded from their structure", () => {
  it("WEB-11 in English, every conflict's sentence is the engine's, whatever takes part", () => {
    const t = (key: MessageKey, values?: Record<string, string | number>) => fill(MESSAGES.en[key], values);
    const shapes = new Set<string>();
    let count = 0;
    for (const [name, claim] of Object.entries(EXTRA)) {
      const text = exampleText("openai-round").replace("\nclaims:\n", `\nclaims:\n${claim}`);
      const loaded = loadDeal(text, "d.yaml");
      if (!loaded.ok) throw new Error(`${name}: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
      const deal = loaded.deal;
      const claims = deal.uncertainty!.claimSet.claims;
      const report = claimsReport(deal, undefined, { conflictDetails: true });
      expect(report.conflicts.length, name).toBeGreaterThan(1);
      for (const c of report.conflicts) {
        const d = c.detail!;
        shapes.add(`${d.side}:${d.others.length}:${d.identities.length}:${d.usesDomain}`);
        const worded = conflictText(
          d,
          (id) => describeClaim(claims.find((x) => x.id === id)!),
          (id) => deal.rounds.find((r) => r.id === id)?.name,
          t,
          "en",
        );
        expect(worded, name).toBe(c.explanation);
        count++;
      }
    }
    expect(count).toBeGreaterThan(3);
    // Several shapes of explanation: sides, identities and the domain.
    expect(shapes.size).toBeGreaterThan(2);
  });
});
