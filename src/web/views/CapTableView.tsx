import { useCallback, useMemo } from "react";
import { Rational } from "../../core/exact/rational.js";
import { runDeal } from "../../core/round/timeline.js";
import { type IsoDate, parseIsoDate } from "../../core/shared/date.js";
import type { Deal } from "../../deal/build.js";
import { type CapTableReport, type CapTableRow, capTableReport } from "../../report/captable-report.js";
import { href, type Route, replaceHash } from "../app/routes.js";
import { pieOption, type Slice, topAndOthers } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { Pager, usePage } from "../components/Pager.js";
import { ProblemText } from "../components/ProblemText.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { useI18n } from "../i18n/i18n.js";
import { formatInteger, formatMoney, formatPercent } from "../i18n/number-format.js";

type DealRoute = Extract<Route, { name: "deal" }>;

const fraction = (text: string) => Rational.parse(text) ?? Rational.ZERO;

/** The deal's last dated event: the date of a cap table asked for with no date (never the clock, SPEC OUT-3). */
function lastDealDate(deal: Deal): IsoDate {
  const dates = [
    ...deal.ledger.transactions.map((t) => t.date),
    ...deal.rounds.flatMap((r) => [r.date, ...r.closings.map((c) => c.date)]),
  ];
  return dates.reduce(
    (a, b) => (a > b ? a : b),
    deal.ledger.company.formationDate ?? ("1970-01-01" as IsoDate),
  );
}

/** The cap table as of a date: outstanding, as-converted and fully diluted, per holder or per class (capTableReport). */
export function CapTableView({ deal, route }: { deal: Deal; route: DealRoute }) {
  const { t, locale } = useI18n();
  const asOfText = route.query.get("asOf") ?? "";
  const asOf = asOfText === "" ? undefined : parseIsoDate(asOfText);
  const by = route.query.get("by") === "class" ? "class" : "holder";
  const setQuery = (name: string, value: string) => {
    const query = new URLSearchParams(route.query);
    if (value === "") query.delete(name);
    else query.set(name, value);
    replaceHash(href.capTable(route.workspace, route.deal, query));
  };

  const result = useMemo(() => {
    const run = runDeal(deal.ledger, deal.rounds, asOf ? { asOf } : {});
    if (!run.ok) return { ok: false as const, problems: run.problems };
    return { ok: true as const, report: capTableReport(run.value.final, asOf ?? lastDealDate(deal)) };
  }, [deal, asOf]);

  const rows: readonly CapTableRow[] = result.ok
    ? by === "holder"
      ? result.report.holders
      : result.report.classes
    : [];
  const page = usePage(rows, `${by}:${asOfText}`);
  const percent = (v: Rational) => formatPercent(v, 2, locale);
  const rowName = useCallback(
    (r: CapTableRow) =>
      r.kind === "unallocated_pool"
        ? t("unallocatedPool", { name: r.name.replace(/^Unallocated: /, "") })
        : r.name,
    [t],
  );

  const slices = useMemo<Slice[]>(() => {
    const all = rows.map((r) => ({ name: rowName(r), value: fraction(r.fullyDilutedFraction) }));
    return topAndOthers(
      all,
      8,
      (s) => s.value,
      (rest) => ({
        name: t("others", { count: rest.length }),
        value: Rational.sum(rest.map((s) => s.value)),
      }),
    );
  }, [rows, rowName, t]);

  const title = result.ok
    ? asOf
      ? t("capTableAsOf", { company: result.report.company, date: asOf })
      : t("capTableTitle", { company: result.report.company })
    : "";

  return (
    <section aria-labelledby="captable-title" className="captable">
      <h2 id="captable-title">{title || t("capTable")}</h2>
      <ReportFileButtons report="captable" query={asOf ? { asOf } : {}} />
      <div className="controls no-print">
        <div className="field">
          <label className="field-label" htmlFor="as-of">
            {t("asOf")}
          </label>
          <input
            id="as-of"
            type="date"
            value={asOf ?? ""}
            aria-describedby="as-of-help"
            onChange={(e) => setQuery("asOf", e.currentTarget.value)}
          />
          <p id="as-of-help" className="field-help">
            {t("asOfHelp")}
          </p>
        </div>
        <fieldset className="radio-group">
          <legend>{t("groupBy")}</legend>
          {(["holder", "class"] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="by"
                value={value}
                checked={by === value}
                onChange={() => setQuery("by", value === "holder" ? "" : value)}
              />
              {value === "holder" ? t("byHolder") : t("byClass")}
            </label>
          ))}
        </fieldset>
      </div>
      {!result.ok ? (
        <div className="notice error" role="alert">
          <p>{t("dealProblems")}</p>
          <ul>
            {result.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and keep their order.
              <li key={i}>
                <ProblemText problem={p} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <Chart
            title={t("capTableChart", { basis: t("fullyDiluted") })}
            option={pieOption(slices, percent)}
            table={
              <SliceTable
                slices={slices}
                caption={t("capTableChart", { basis: t("fullyDiluted") })}
                rowHeader={by === "holder" ? t("holder") : t("shareClass")}
              />
            }
          />
          <ScrollRegion
            label={t("scrollableTable", { table: by === "holder" ? t("byHolder") : t("byClass") })}
          >
            <CapTableTable report={result.report} rows={page.items} by={by} rowName={rowName} />
          </ScrollRegion>
          <Pager page={page.page} pages={page.pages} setPage={page.setPage} label={t("holdersTable")} />
          {result.report.totals.unconverted !== "0" ? (
            <p>
              {t("unconverted", {
                amount: formatMoney(
                  {
                    kind: "money",
                    currency: deal.ledger.company.currency,
                    amount: fraction(result.report.totals.unconverted),
                  },
                  2,
                  locale,
                ),
              })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function SliceTable({
  slices,
  caption,
  rowHeader,
}: {
  slices: readonly Slice[];
  caption: string;
  rowHeader: string;
}) {
  const { t, locale } = useI18n();
  return (
    <table className="data compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          <th scope="col" className="num">
            {t("fullyDiluted")}
          </th>
        </tr>
      </thead>
      <tbody>
        {slices.map((s) => (
          <tr key={s.name}>
            <th scope="row">{s.name}</th>
            <td className="num">{formatPercent(s.value, 4, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CapTableTable({
  report,
  rows,
  by,
  rowName,
}: {
  report: CapTableReport;
  rows: readonly CapTableRow[];
  by: "holder" | "class";
  rowName: (r: CapTableRow) => string;
}) {
  const { t, locale } = useI18n();
  const n = (text: string) => formatInteger(BigInt(text), locale);
  const p = (text: string) => formatPercent(fraction(text), 4, locale);
  return (
    <table className="data" id="captable-table">
      <caption>{by === "holder" ? t("byHolder") : t("byClass")}</caption>
      <thead>
        <tr>
          <th scope="col">{by === "holder" ? t("holder") : t("shareClass")}</th>
          <th scope="col" className="num">
            {t("outstanding")}
          </th>
          <th scope="col" className="num">
            {t("percentOf", { basis: t("outstanding") })}
          </th>
          <th scope="col" className="num">
            {t("asConverted")}
          </th>
          <th scope="col" className="num">
            {t("percentOf", { basis: t("asConverted") })}
          </th>
          <th scope="col" className="num">
            {t("fullyDiluted")}
          </th>
          <th scope="col" className="num">
            {t("percentOf", { basis: t("fullyDiluted") })}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.kind}:${r.id}`} data-id={r.id}>
            <th scope="row">{rowName(r)}</th>
            <td className="num">{n(r.outstanding)}</td>
            <td className="num">{p(r.outstandingFraction)}</td>
            <td className="num">{n(r.asConverted)}</td>
            <td className="num">{p(r.asConvertedFraction)}</td>
            <td className="num">{n(r.fullyDiluted)}</td>
            <td className="num">{p(r.fullyDilutedFraction)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("total")}</th>
          <td className="num">{n(report.totals.outstanding)}</td>
          <td />
          <td className="num">{n(report.totals.asConverted)}</td>
          <td />
          <td className="num">{n(report.totals.fullyDiluted)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
