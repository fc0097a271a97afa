// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { captable } from "../../../src/app/captable.js";
import { compactMoney } from "../../../src/core/exact/money.js";
import { HttpDataAccess } from "../../../src/web/api/http-data-access.js";
import { DataAccessProvider } from "../../../src/web/app/data-context.js";
import { parseRoute } from "../../../src/web/app/routes.js";
import { exactMoneyText } from "../../../src/web/components/MoneyCell.js";
import { I18nProvider } from "../../../src/web/i18n/i18n.js";
import { formatInteger, formatPercent } from "../../../src/web/i18n/number-format.js";
import { StoredCapTableView } from "../../../src/web/views/CapTableView.js";
import type { DealRoute } from "../../../src/web/views/DealFrame.js";
import { exampleDeal, typedReport } from "../../report/report-reading.js";

afterEach(() => cleanup());

const route = parseRoute("#/w/demo/d/down-round/captable") as DealRoute;

/** The view over the HTTP data access, the server's answer being `body`. */
function renderWith(body: string, locale: "en" | "fr") {
  const data = new HttpDataAccess(async () => new Response(body, { status: 200 }));
  render(
    <I18nProvider initial={locale}>
      <DataAccessProvider value={data}>
        <StoredCapTableView route={route} version={1} />
      </DataAccessProvider>
    </I18nProvider>,
  );
}

describe("WEB-20 the stored cap table view draws the typed report the API's JSON reads into", () => {
  for (const locale of ["en", "fr"] as const) {
    it(`WEB-20 each holder's counts and exact fractions, in ${locale}`, async () => {
      const report = await typedReport(captable, exampleDeal("down-round"), {});
      renderWith(JSON.stringify(captable.json(report)), locale);
      const table = (await screen.findAllByRole("table")).find((t) => t.id === "captable-table")!;
      for (const holder of report.holders.slice(0, 3)) {
        const row = table.querySelector(`tr[data-id="${holder.subject.id}"]`)!;
        const cells = [...row.querySelectorAll("td")].map((c) => c.textContent);
        expect(cells).toEqual([
          formatInteger(holder.outstanding, locale),
          formatPercent(holder.outstandingFraction, 4, locale),
          formatInteger(holder.asConverted, locale),
          formatPercent(holder.asConvertedFraction, 4, locale),
          formatInteger(holder.fullyDiluted, locale),
          formatPercent(holder.fullyDilutedFraction, 4, locale),
        ]);
      }
      const foot = table.querySelector("tfoot tr")!;
      expect(within(foot as HTMLElement).getAllByRole("cell")[0]!.textContent).toBe(
        formatInteger(report.totals.outstanding, locale),
      );
    });

    it(`WEB-20 what SAFEs hold unconverted, from the typed totals' Money, in ${locale}`, async () => {
      const report = await typedReport(captable, exampleDeal("seed-to-series-a"), { asOf: "2022-06-01" });
      expect(report.totals.unconverted.amount.isPositive()).toBe(true);
      const dated = parseRoute("#/w/demo/d/seed-to-series-a/captable?asOf=2022-06-01") as DealRoute;
      const data = new HttpDataAccess(
        async () => new Response(JSON.stringify(captable.json(report)), { status: 200 }),
      );
      render(
        <I18nProvider initial={locale}>
          <DataAccessProvider value={data}>
            <StoredCapTableView route={dated} version={1} />
          </DataAccessProvider>
        </I18nProvider>,
      );
      await screen.findAllByRole("table");
      const note = document.querySelector(".captable p[title]")!;
      expect(note.getAttribute("title")).toBe(exactMoneyText(report.totals.unconverted, locale));
      expect(note.textContent).toContain(compactMoney(report.totals.unconverted, locale));
    });

    it(`WEB-20 an answer that is not a cap table shows the reader's message, in ${locale}`, async () => {
      const report = await typedReport(captable, exampleDeal("down-round"), {});
      const json = captable.json(report) as unknown as { holders: Record<string, unknown>[] };
      json.holders[0]!.outstanding = "six million";
      renderWith(JSON.stringify(json), locale);
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain(
        'the cap table the server answered: holders[0].outstanding: "six million" is not a whole number',
      );
      expect(document.getElementById("captable-table")).toBeNull();
    });
  }
});
