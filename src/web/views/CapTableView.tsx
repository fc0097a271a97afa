import { useCallback, useMemo, useRef } from "react";
import type { CapTableRow } from "../../app/captable.js";
import { compactMoney, type Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { ErrorCode } from "../../core/shared/errors.js";
import type { CapTableOwnership } from "../../report/captable-read.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { capTableDate, type EarlyCapTable } from "../app/early-cap-table.js";
import { href, replaceHash } from "../app/routes.js";
import { pieOption, type Slice, topAndOthers } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { DateField, dateText } from "../components/DateField.js";
import { exactMoneyText } from "../components/MoneyCell.js";
import { Pager, usePage } from "../components/Pager.js";
import { ProblemText } from "../components/ProblemText.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { Loading } from "../components/Status.js";
import { useI18n } from "../i18n/i18n.js";
import { formatInteger, formatPercent } from "../i18n/number-format.js";
import type { DealRoute } from "./DealFrame.js";

/** The cap table report a view draws, or the messages of why there is none. */
export type CapTableResult =
  | { readonly ok: true; readonly report: CapTableOwnership }
  | {
      readonly ok: false;
      readonly problems: readonly { readonly code: ErrorCode; readonly message: string }[];
    };

/**
 * The stored deal's cap table as the server computes it (GET …/captable, the report of
 * `roundtable captable`): the deal page's first view draws it without loading the deal
 * format's loader or the engine (SPEC WEB-20). The page uses it while no unsaved edit is
 * held; with edits, the cap table is computed in the page from the edited document.
 */
export function StoredCapTableView({
  route,
  version,
  early,
}: {
  route: DealRoute;
  version: number;
  early?: EarlyCapTable | undefined;
}) {
  const data = useDataAccess();
  const asOf = capTableDate(route);
  // The page's early request, when for this date: its answer if already come, else awaited once.
  const answered = early && early.asOf === asOf ? early.settled : undefined;
  const unused = useRef(answered ? undefined : early);
  // A new stored version (a save) asks again.
  const [report] = useApi(
    () => {
      const asked = unused.current;
      unused.current = undefined;
      return asked && asked.asOf === asOf
        ? asked.answer
        : data.capTableReport(route.workspace, route.deal, asOf);
    },
    [data, route.workspace, route.deal, asOf, version],
    answered,
  );
  const result = useMemo<CapTableResult | undefined>(
    () =>
      report.state === "loading"
        ? undefined
        : report.state === "ok"
          ? { ok: true, report: report.value }
          : {
              ok: false,
              problems: report.failure.error.problems?.map((p) => ({
                code: p.code as ErrorCode,
                message: p.message,
              })) ?? [
                { code: report.failure.error.code as ErrorCode, message: report.failure.error.message },
              ],
            },
    [report],
  );
  return <CapTableView route={route} result={result} />;
}

/** The cap table as of a date: outstanding, as-converted and fully diluted, per holder or per class (the captable report). */
export function CapTableView({ route, result }: { route: DealRoute; result: CapTableResult | undefined }) {
  const { t, locale } = useI18n();
  const asOf = capTableDate(route);
  const by = route.query.get("by") === "class" ? "class" : "holder";
  const setQuery = (name: string, value: string) => {
    const query = new URLSearchParams(route.query);
    if (value === "") query.delete(name);
    else query.set(name, value);
    replaceHash(href.capTable(route.workspace, route.deal, query));
  };

  const rows: readonly CapTableRow[] = result?.ok
    ? by === "holder"
      ? result.report.holders
      : result.report.classes
    : [];
  const page = usePage(rows, `${by}:${asOf ?? ""}`);
  const percent = (v: Rational) => formatPercent(v, 2, locale);
  const rowName = useCallback(
    (r: CapTableRow) =>
      r.kind === "unallocated_pool"
        ? t("unallocatedPool", { name: r.subject.name.replace(/^Unallocated: /, "") })
        : r.subject.name,
    [t],
  );

  const slices = useMemo<Slice[]>(() => {
    const all = rows.map((r) => ({ name: rowName(r), value: r.fullyDilutedFraction }));
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

  const title = result?.ok
    ? asOf
      ? t("capTableAsOf", { company: result.report.company.name, date: dateText(asOf, locale) })
      : t("capTableTitle", { company: result.report.company.name })
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
          <DateField
            id="as-of"
            value={asOf ?? ""}
            describedBy="as-of-help"
            onChange={(iso) => setQuery("asOf", iso)}
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
      {result === undefined ? (
        <Loading />
      ) : !result.ok ? (
        <div className="notice error" role="alert">
          <p>{t("dealProblems")}</p>
          <ul>
            {result.problems.map((problem, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and keep their order.
              <li key={i}>
                <ProblemText problem={problem} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <Chart
            title={t("capTableChart")}
            option={pieOption(slices, percent)}
            table={
              <SliceTable
                slices={slices}
                caption={t("capTableChart")}
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
          {result.report.totals && !result.report.totals.unconverted.amount.isZero() ? (
            <UnconvertedNote amount={result.report.totals.unconverted} />
          ) : null}
        </>
      )}
    </section>
  );
}

/** What SAFEs and notes hold unconverted: compact in the sentence, the exact amount on hover. */
function UnconvertedNote({ amount }: { amount: Money }) {
  const { t, locale } = useI18n();
  return (
    <p title={exactMoneyText(amount, locale)}>{t("unconverted", { amount: compactMoney(amount, locale) })}</p>
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
  report: CapTableOwnership;
  rows: readonly CapTableRow[];
  by: "holder" | "class";
  rowName: (r: CapTableRow) => string;
}) {
  const { t, locale } = useI18n();
  const n = (count: bigint) => formatInteger(count, locale);
  const p = (value: Rational) => formatPercent(value, 4, locale);
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
          <tr key={`${r.kind}:${r.subject.id}`} data-id={r.subject.id}>
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
      {report.totals ? (
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
      ) : null}
    </table>
  );
}
