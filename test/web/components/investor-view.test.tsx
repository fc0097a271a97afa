// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { exit } from "../../../src/app/exit.js";
import { parseInput } from "../../../src/app/use-case.js";
import type { Deal } from "../../../src/deal/build.js";
import { loadDeal } from "../../../src/deal/load.js";
import { exitJson } from "../../../src/report/exit-report.js";
import { type InvestorPayouts, investorPayoutsFromJson } from "../../../src/report/investor-read.js";
import { type ApiResult, failure } from "../../../src/web/api/data-access.js";
import { HttpDataAccess } from "../../../src/web/api/http-data-access.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { DataAccessProvider } from "../../../src/web/app/data-context.js";
import { I18nProvider } from "../../../src/web/i18n/i18n.js";
import { formatFixed, formatMoney } from "../../../src/web/i18n/number-format.js";
import { InvestorView } from "../../../src/web/views/InvestorView.js";
import { exampleFiles } from "../support/examples.js";

/**
 * A deal whose investors invested in every way the multiple counts (REP-6a): a euro SAFE
 * converted in the round (its invested amount converted at the stated rate, €80,000 × 1.25
 * = $100,000), a dollar SAFE still outstanding at the exit, the round's investor, and
 * founders' shares with no price (invested unknown: no multiple).
 */
const DEAL = `roundtable: 1
company: { name: Multiples Inc., formed: 2020-01-01, currency: USD }
exchangeRates: [{ from: EUR, to: USD, rate: 1.25 }]
stakeholders:
  - { id: founder, name: Founder, type: individual }
  - { id: euro-angel, name: Euro Angel }
  - { id: safe-holder, name: Late SAFE }
  - { id: lead, name: Lead Fund }
classes:
  - { id: common, name: Common, type: common, authorized: 10_000_000 }
transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 1_000_000 }
  - { type: safe, date: 2021-01-01, holder: euro-angel, amount: €80000, discount: 20% }
  - { type: safe, date: 2023-01-01, holder: safe-holder, amount: $250000, cap: $10M, safeType: post_money }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A, preference: { multiple: 1x, seniority: 1, participation: none } }
    pricePerShare: $1
    investments: [{ investor: lead, amount: $1M }]
`;

const AT = "5000000;40000000";

/** The server's answers: the exit report's waterfall at the typed values, as the API writes it. */
class ServerLike extends MemoryDataAccess {
  constructor(private readonly deal: Deal) {
    super(exampleFiles());
  }
  override async scenariosReport(): Promise<ApiResult<never>> {
    return failure(404, "not_found", "no scenarios here");
  }
  override async exitAt(_workspace: string, _deal: string, at: string): Promise<ApiResult<InvestorPayouts>> {
    const input = parseInput(exit, { at });
    if (!input.ok) throw new Error("input");
    const report = await exit.run(this.deal, input.value);
    if (!report.ok) throw new Error(report.problems[0]!.message);
    // The API's JSON, read as the HTTP data access reads it.
    const read = investorPayoutsFromJson(exitJson(report.value));
    if (!read.ok) throw new Error(read.message);
    return { ok: true, value: read.value };
  }
}

afterEach(() => cleanup());

describe("WEB-23 an investor's invested capital and multiples are the exit statement's (REP-6a)", () => {
  it("WEB-23 a converted euro SAFE, an outstanding SAFE, the round's investor and unpriced founder shares, in both languages", async () => {
    const loaded = loadDeal(DEAL, "multiples.yaml");
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
    const input = parseInput(exit, { statement: "true", at: AT });
    if (!input.ok) throw new Error("input");
    const statement = await exit.run(loaded.deal, input.value);
    if (!statement.ok || statement.value.kind !== "statement") throw new Error("statement");
    const { waterfall, invested } = statement.value;
    const investedOf = (id: string) => invested.find((h) => h.holder.id === id)!.invested;
    // The statement's own figures: the euro SAFE converted at the rate, the founder unknown.
    expect(investedOf("euro-angel")!.toDecimalString()).toBe("100000");
    expect(investedOf("safe-holder")!.toDecimalString()).toBe("250000");
    expect(investedOf("lead")!.toDecimalString()).toBe("1000000");
    expect(investedOf("founder")).toBeNull();
    for (const locale of ["en", "fr"] as const) {
      render(
        <I18nProvider initial={locale}>
          <DataAccessProvider value={new ServerLike(loaded.deal)}>
            <InvestorView workspace="examples" dealId="multiples" deal={loaded.deal} />
          </DataAccessProvider>
        </I18nProvider>,
      );
      fireEvent.change(screen.getByLabelText(locale === "en" ? "Exit values" : "Valeurs de sortie"), {
        target: { value: AT },
      });
      fireEvent.click(
        screen.getByRole("button", { name: locale === "en" ? "Show my payouts" : "Afficher mes produits" }),
      );
      // The payout table (the chart's table, kept in the page for screen readers, has the same caption).
      const [caption] = await screen.findAllByText(
        locale === "en"
          ? "Your payout and multiple on invested capital at each exit value"
          : "Votre produit et votre multiple sur le capital investi à chaque valeur de sortie",
      );
      const table = caption!.closest("table")!;
      expect(table.id).toBe("investor-payouts");
      let withMultiple = 0;
      for (const outcome of waterfall.outcomes) {
        for (const h of outcome.holders) {
          const row = table.querySelector(
            `tr[data-exit="${outcome.exitValue.toDecimalString(18)}"][data-holder="${h.holder.id}"]`,
          );
          expect(row, `${h.holder.id} at ${outcome.exitValue}`).not.toBeNull();
          const cells = [...row!.querySelectorAll("th, td")];
          const put = investedOf(h.holder.id);
          const investedCell = cells[3]!;
          const multiple = row!.querySelector('td[data-cell="multiple"]')!.textContent;
          if (put === null) {
            expect(investedCell.textContent).toBe(locale === "en" ? "unknown" : "inconnu");
            expect(multiple).toBe("—");
          } else {
            // The exact amount in the cell's title, the multiple to two places.
            expect(investedCell.getAttribute("title")).toBe(
              formatMoney({ kind: "money", currency: "USD" as never, amount: put }, 0, locale),
            );
            expect(multiple).toBe(`${formatFixed(h.total.div(put), 2, locale)}×`);
            withMultiple += 1;
          }
        }
      }
      // The SAFE holders and the lead have a multiple at both exit values.
      expect(withMultiple).toBe(6);
      cleanup();
    }
  });
});

describe("WEB-23 an answer that is not the investor's report shows the reader's message, never a crash", () => {
  it("WEB-23 a malformed scenarios answer and a malformed payouts answer, in both languages", async () => {
    // The server's answers over HTTP, as the deployed app reads them: the scenarios with a
    // dilution written as a percent, the payouts with an exit value as a float number.
    const fetchImpl = async (input: string) => {
      const body = input.includes("/scenarios")
        ? {
            company: "Multiples Inc.",
            currency: "USD",
            scenarios: [
              {
                scenario: "base",
                holders: [
                  {
                    id: "lead",
                    name: "Lead Fund",
                    fullyDilutedBefore: "0",
                    fullyDilutedAfter: "0.5",
                    dilution: "12%",
                  },
                ],
              },
            ],
          }
        : input.includes("/exit")
          ? { currency: "USD", outcomes: [{ exitValue: 5000000, holders: [] }] }
          : { sharedDocuments: [] };
      return new Response(JSON.stringify(body), { status: 200 });
    };
    for (const locale of ["en", "fr"] as const) {
      render(
        <I18nProvider initial={locale}>
          <DataAccessProvider value={new HttpDataAccess(fetchImpl)}>
            <InvestorView workspace="w" dealId="multiples" deal={undefined} />
          </DataAccessProvider>
        </I18nProvider>,
      );
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain(
        'the scenarios the server answered: scenarios[0].holders[0].dilution: "12%" is not a decimal number',
      );
      fireEvent.change(screen.getByLabelText(locale === "en" ? "Exit values" : "Valeurs de sortie"), {
        target: { value: "5000000" },
      });
      fireEvent.click(
        screen.getByRole("button", { name: locale === "en" ? "Show my payouts" : "Afficher mes produits" }),
      );
      const message =
        "the payouts the server answered: outcomes[0].exitValue: 5000000 is not a decimal number";
      await screen.findByText(
        (_, node) => node?.tagName === "P" && (node.textContent ?? "").includes(message),
      );
      expect(document.getElementById("investor-payouts")).toBeNull();
      cleanup();
    }
  });
});
