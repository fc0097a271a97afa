// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exit } from "../../../src/app/exit.js";
import { parseInput } from "../../../src/app/use-case.js";
import { compactMoney } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { loadDeal } from "../../../src/deal/load.js";
import {
  exitAtReport,
  exitBreakpointsReport,
  exitIpoReport,
  exitModelOf,
  exitTermsOf,
} from "../../../src/report/exit-report.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { formatFixed, formatMoney, type Locale } from "../../../src/web/i18n/number-format.js";
import { cli } from "../../support/cli.js";
import { exampleFiles, exampleText } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

/** The exit model `roundtable exit examples/seed-to-series-a.yaml` builds. */
function cliModel() {
  const loaded = loadDeal(exampleText("seed-to-series-a"), "seed-to-series-a.yaml");
  if (!loaded.ok) throw new Error("load");
  const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
  if (!run.ok) throw new Error("run");
  const model = exitModelOf(run.value.final, exitTermsOf(loaded.deal, undefined));
  if (!model.ok) throw new Error("model");
  return model.value;
}

const usd = (text: string, locale: Locale, places = 0) =>
  formatMoney({ kind: "money", currency: "USD" as never, amount: Rational.parse(text)! }, places, locale);
/** An amount as the tables show it: compact, the exact amount in the cell's title. */
const short = (text: string, locale: Locale) =>
  compactMoney({ kind: "money", currency: "USD" as never, amount: Rational.parse(text)! }, locale);
const cells = (row: Element) => [...row.querySelectorAll("th, td")].map((c) => c.textContent);
/** A row's cells, each amount by its exact value (the cell's title), other cells by their text. */
const exactCells = (row: Element) =>
  [...row.querySelectorAll("th, td")].map((c) => c.getAttribute("title") ?? c.textContent);

beforeEach(() => {
  localStorage.clear();
  window.location.hash = href.view("examples", "seed-to-series-a", "exit");
});
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-15 exit", () => {
  it("WEB-15 lists the exact breakpoints with each class's payout there, as `exit --breakpoints` reports them", async () => {
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    const table = await screen.findByRole("table", {
      name: "Breakpoints: exit values where the split of the next dollar changes",
    });
    const report = exitBreakpointsReport(cliModel());
    expect(report.breakpoints.length).toBeGreaterThan(3);
    const rows = [...table.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.getAttribute("data-exit-value"))).toEqual(
      report.breakpoints.map((b) => b.exitValue),
    );
    report.breakpoints.forEach((b, i) => {
      expect(exactCells(rows[i]!)).toEqual([
        usd(b.exitValue, "en"),
        b.events.join("; ") || "start",
        ...b.classes.map((c) => usd(c.payout, "en")),
      ]);
    });
    // The first preference is paid in full at the CLI's first breakpoint: the SAFEs' shadow
    // series prefer their conversion prices, about their purchase amounts (SAFE-6).
    expect(exactCells(rows[1]!)[0]).toBe("$6,429,360");
    // What a reader sees is compact; the exact amount is the cell's title (issue 16).
    report.breakpoints.forEach((b, i) => {
      expect(cells(rows[i]!)[0]).toBe(short(b.exitValue, "en"));
      expect(cells(rows[i]!).slice(2)).toEqual(b.classes.map((c) => short(c.payout, "en")));
    });
    expect(cells(rows[1]!)[0]).toBe("$6.43M");

    // The chart's table: the lines pass through every breakpoint at the report's payouts.
    const payoutChart = screen.getByRole("figure", { name: /^Payout per class against the exit value/ });
    fireEvent.click(within(payoutChart).getByRole("button", { name: "Show as a table" }));
    const curve = document.getElementById("exit-curve-table")!;
    const byValue = new Map(
      [...curve.querySelectorAll("tbody tr")].map((tr) => [
        tr.querySelector("th")!.getAttribute("title"),
        exactCells(tr).slice(1),
      ]),
    );
    for (const b of report.breakpoints) {
      expect(byValue.get(usd(b.exitValue, "en"))).toEqual(b.classes.map((c) => usd(c.payout, "en")));
    }
  });

  it("WEB-15 the waterfall at a typed exit value and an IPO by valuation are the exit report's; French formats", async () => {
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    const input = (await screen.findByLabelText("Valeur de sortie")) as HTMLInputElement;
    fireEvent.change(input, { target: { value: "20 M$" } });
    const model = cliModel();
    const at = exitAtReport(model, [Rational.parse("20000000")!]);
    if (!at.ok) throw new Error("at");
    const outcome = at.value.outcomes[0]!;
    const table = await screen.findByRole("table", { name: `Cascade à ${short("20000000", "fr")}` });
    for (const h of outcome.holders.filter((x) => x.total !== "0")) {
      expect(exactCells(table.querySelector(`tr[data-holder="${h.id}"]`)!)).toEqual([
        h.name,
        "",
        usd(h.total, "fr"),
      ]);
    }
    for (const c of outcome.classes) {
      expect(exactCells(table.querySelector(`tr[data-class="${c.id}"]`)!).at(-1)).toBe(usd(c.payout, "fr"));
    }
    // An unreadable value is shown under the field.
    fireEvent.change(input, { target: { value: "beaucoup" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toBeTruthy();

    fireEvent.change(
      screen.getByLabelText("Valorisation avant introduction", { selector: "input:not([type])" }),
      {
        target: { value: "100 M$" },
      },
    );
    const ipo = exitIpoReport(model, { kind: "pre_ipo_valuation", valuation: Rational.parse("100000000")! });
    if (!ipo.ok) throw new Error("ipo");
    const ipoTable = document.getElementById("exit-ipo")!;
    for (const h of ipo.value.holders) {
      expect(exactCells(ipoTable.querySelector(`tr[data-holder="${h.id}"]`)!).slice(2)).toEqual([
        usd(h.cash, "fr"),
        usd(h.value, "fr"),
      ]);
    }
  });

  it("WEB-15 an uncertain deal's exit in a chosen scenario is `exit --scenario`'s, to the unit", async () => {
    window.location.hash = href.view("examples", "openai-round", "exit");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    const select = (await screen.findByLabelText(
      "Scenario of the rounds’ uncertain amounts",
    )) as HTMLSelectElement;
    expect(select.value).toBe("base");
    expect([...select.options].map((o) => o.value)).toEqual([
      "low",
      "base",
      "high",
      "version-40",
      "version-60",
    ]);
    const rowsOf = () =>
      [...document.querySelectorAll("#exit-breakpoints tbody tr")].map((r) =>
        r.getAttribute("data-exit-value"),
      );
    const json = async (args: string[]) => {
      const r = await cli(["exit", "examples/openai-round.yaml", ...args, "--format", "json"]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const base = await json(["--breakpoints"]);
    expect(rowsOf()).toEqual(base.breakpoints.map((b: { exitValue: string }) => b.exitValue));

    fireEvent.change(select, { target: { value: "high" } });
    const high = await json(["--breakpoints", "--scenario", "high"]);
    // The high scenario's breakpoints are not the base's.
    expect(high.breakpoints.map((b: { exitValue: string }) => b.exitValue)).not.toEqual(
      base.breakpoints.map((b: { exitValue: string }) => b.exitValue),
    );
    const rows = [...document.querySelectorAll("#exit-breakpoints tbody tr")];
    expect(rows.map((r) => r.getAttribute("data-exit-value"))).toEqual(
      high.breakpoints.map((b: { exitValue: string }) => b.exitValue),
    );
    high.breakpoints.forEach(
      (b: { exitValue: string; events: string[]; classes: { payout: string }[] }, i: number) => {
        expect(exactCells(rows[i]!)).toEqual([
          usd(b.exitValue, "en"),
          b.events.join("; ") || "start",
          ...b.classes.map((c) => usd(c.payout, "en")),
        ]);
      },
    );

    fireEvent.change(screen.getByLabelText("Exit value"), { target: { value: "$1T" } });
    const at = await json(["--at", "1000000000000", "--scenario", "high"]);
    const outcome = at.outcomes[0];
    const table = await screen.findByRole("table", { name: "Waterfall at $1T" });
    for (const h of outcome.holders.filter((x: { total: string }) => x.total !== "0")) {
      expect(exactCells(table.querySelector(`tr[data-holder="${h.id}"]`)!)).toEqual([
        h.name,
        "",
        usd(h.total, "en"),
      ]);
    }
    for (const c of outcome.classes) {
      expect(exactCells(table.querySelector(`tr[data-class="${c.id}"]`)!).at(-1)).toBe(usd(c.payout, "en"));
    }
  });

  it("WEB-15 in French, the breakpoints' events and the waterfall's states are French, the figures the CLI's", async () => {
    window.location.hash = href.view("examples", "down-round", "exit");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    const table = await screen.findByRole("table", {
      name: "Points de rupture : valeurs de sortie où la répartition du dollar suivant change",
    });
    const json = async (args: string[]) => {
      const r = await cli(["exit", "examples/down-round.yaml", ...args, "--format", "json"]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const report = await json(["--breakpoints"]);
    const row = (exitValue: string) => {
      const tr = table.querySelector(`tr[data-exit-value="${exitValue}"]`)!;
      const b = report.breakpoints.find((x: { exitValue: string }) => x.exitValue === exitValue);
      expect(exactCells(tr)).toEqual([
        usd(exitValue, "fr"),
        expect.any(String),
        ...b.classes.map((c: { payout: string }) => usd(c.payout, "fr")),
      ]);
      expect(tr.querySelector("td")!.getAttribute("lang")).toBeNull();
      return tr.querySelector("td")!.textContent;
    };
    expect(row("0")).toBe("début");
    expect(row("6000000")).toBe("préférences payées : Series B Preferred");
    expect(row("12900000")).toBe("préférences payées : Series A Preferred, Series A-1 Preferred (bridge)");
    expect(row("14900000")).toBe(
      "préférences payées : Seed Preferred; les actions ordinaires commencent à recevoir de la valeur",
    );
    expect(row("15500000")).toBe("changements : options Common au prix d’exercice de 0,1");
    expect(row("23160000")).toBe("changements : Series A-1 Preferred (bridge), Series B Preferred");
    // One wording for every face: the CLI's French text words each breakpoint as the page does.
    const text = await cli(["exit", "examples/down-round.yaml", "--breakpoints", "--lang", "fr"]);
    expect(text.code).toBe(0);
    const words = [...table.querySelectorAll("tbody tr td:first-of-type")].map((td) => td.textContent);
    expect(words).toHaveLength(report.breakpoints.length);
    for (const w of words) expect(text.stdout).toContain(`  ${w}\n`);

    fireEvent.change(screen.getByLabelText("Valeur de sortie"), { target: { value: "30 M$" } });
    const at = (await json(["--at", "30000000"])).outcomes[0];
    const waterfall = await screen.findByRole("table", { name: `Cascade à ${short("30000000", "fr")}` });
    const states = { common: "ordinaire", converts: "convertit", takes_preference: "prend sa préférence" };
    expect(new Set(at.classes.map((c: { state: string }) => c.state))).toEqual(new Set(Object.keys(states)));
    for (const c of at.classes) {
      expect(exactCells(waterfall.querySelector(`tr[data-class="${c.id}"]`)!).slice(1)).toEqual([
        states[c.state as keyof typeof states],
        usd(c.payout, "fr"),
      ]);
    }
  });

  it("WEB-15 in English, the events worded from their structure are the CLI's text", async () => {
    window.location.hash = href.view("examples", "down-round", "exit");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    await screen.findByRole("table", {
      name: "Breakpoints: exit values where the split of the next dollar changes",
    });
    const r = await cli(["exit", "examples/down-round.yaml", "--breakpoints", "--format", "json"]);
    const report = JSON.parse(r.stdout);
    const texts = [...document.querySelectorAll("#exit-breakpoints tbody tr td:first-of-type")].map(
      (td) => td.textContent,
    );
    expect(texts).toEqual(
      report.breakpoints.map((b: { events: string[] }) => b.events.join("; ") || "start"),
    );
    expect(texts).toContain("changes: Common options at 0.1");
    fireEvent.change(screen.getByLabelText("Exit value"), { target: { value: "$30M" } });
    const waterfall = await screen.findByRole("table", { name: "Waterfall at $30M" });
    expect(cells(waterfall.querySelector('tr[data-class="seed"]')!)[1]).toBe("converts");
    expect(cells(waterfall.querySelector('tr[data-class="series-a"]')!)[1]).toBe("takes preference");
  });

  it("WEB-15 each holder's invested amount and multiple are the exit statement's (the PDF's and XLSX's), in both languages", async () => {
    const loaded = loadDeal(exampleText("seed-to-series-a"), "seed-to-series-a.yaml");
    if (!loaded.ok) throw new Error("load");
    const input = parseInput(exit, { statement: "true", at: "30000000" });
    if (!input.ok) throw new Error("input");
    const statement = await exit.run(loaded.deal, input.value);
    if (!statement.ok || statement.value.kind !== "statement") throw new Error("statement");
    const { waterfall, invested } = statement.value;
    const outcome = waterfall.outcomes[0]!;
    for (const locale of ["en", "fr"] as const) {
      render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale={locale} />);
      const field = await screen.findByLabelText(locale === "en" ? "Exit value" : "Valeur de sortie");
      fireEvent.change(field, { target: { value: locale === "en" ? "$30M" : "30 M$" } });
      const table = await screen.findByRole("table", {
        name:
          locale === "en"
            ? "Each holder's multiple on invested capital at $30M (payout ÷ invested)"
            : `Multiple sur le capital investi de chaque détenteur à ${short("30000000", "fr")} (produit ÷ investi)`,
      });
      let withMultiple = 0;
      for (const h of outcome.holders) {
        const put = invested.find((x) => x.holder.id === h.holder.id)!.invested;
        const row = table.querySelector(`tr[data-holder="${h.holder.id}"]`);
        if (h.total.isZero() && put?.isZero()) {
          expect(row, h.holder.id).toBeNull();
          continue;
        }
        const [name, investedCell, payout, multiple] = exactCells(row!);
        expect(name).toBe(h.holder.name);
        expect(payout).toBe(usd(h.total.toDecimalString(), locale));
        if (put === null) expect(investedCell).toBe(locale === "en" ? "unknown" : "inconnu");
        else if (put.isPositive()) {
          expect(investedCell).toBe(usd(put.toDecimalString(), locale));
          expect(multiple).toBe(`${formatFixed(h.total.div(put), 2, locale)}×`);
          withMultiple += 1;
        } else expect(multiple).toBe("—");
      }
      // The preferred investors have a multiple: the test does not pass on an empty table.
      expect(withMultiple).toBeGreaterThanOrEqual(3);
      cleanup();
    }
  });
});
