import { useId, useMemo, useState } from "react";
import { parseAmount } from "../../core/exact/amount-parse.js";
import type { Currency, Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { Workspace } from "../../deal/workspace.js";
import { exposureReport, flowModelOf } from "../../report/flows-report.js";
import type { DealRecord } from "../api/contract.js";
import { useIncludedDeals } from "../app/use-included-deals.js";
import { groupedBarsOption } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { Failed, Loading } from "../components/Status.js";
import { loadStoredWorkspace } from "../engine/workspace-load.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatMoneyShort, formatPercent } from "../i18n/number-format.js";

type ExposureReport = ReturnType<typeof exposureReport>;

/**
 * A workspace's exposure (`roundtable exposure`, exposureReport; SPEC WEB-22): for each
 * investor, its stakes in the workspace's companies — ownership, the amount invested, the
 * value of the stake at a valuation and the revenue its agreements bring it — loaded as
 * the capital flows are (the `file:` companies are the workspace's other stored deals).
 */
export function ExposureView({ workspace, record }: { workspace: string; record: DealRecord }) {
  const { t } = useI18n();
  const [included, reload] = useIncludedDeals(workspace, record);
  const loaded = useMemo(() => {
    if (included.state !== "ok") return undefined;
    const result = loadStoredWorkspace(record, included.value);
    return result.ok
      ? { ok: true as const, workspace: result.workspace }
      : { ok: false as const, messages: result.diagnostics.map((d) => d.message) };
  }, [record, included]);

  if (included.state === "loading") return <Loading />;
  if (included.state === "failed") return <Failed failure={included.failure} onRetry={reload} />;
  if (!loaded) return <Loading />;
  if (!loaded.ok) return <Problems title={t("dealInvalid")} messages={loaded.messages} />;
  return <WorkspaceExposure ws={loaded.workspace} />;
}

function Problems({ title, messages }: { title: string; messages: readonly string[] }) {
  return (
    <div className="notice error" role="alert">
      <h2>{title}</h2>
      <ul>
        {messages.map((m) => (
          <li key={m} lang="en">
            {m}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The valuation fields' texts, read by the amount parser (AMT-1): the valuations, or each field's message. */
function readValuations(
  texts: Readonly<Record<string, string>>,
  currency: Currency,
): { valuations: Map<string, Money>; errors: Map<string, string> } {
  const valuations = new Map<string, Money>();
  const errors = new Map<string, string>();
  for (const [company, text] of Object.entries(texts)) {
    if (text.trim() === "") continue;
    const read = parseAmount(text.trim(), { defaultCurrency: currency });
    if (read.ok) valuations.set(company, read.value);
    else errors.set(company, read.error);
  }
  return { valuations, errors };
}

function WorkspaceExposure({ ws }: { ws: Workspace }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const currency = ws.currency;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const { valuations, errors } = useMemo(() => readValuations(texts, currency), [texts, currency]);
  const computed = useMemo(() => {
    const model = flowModelOf(ws, valuations);
    if (!model.ok) return { ok: false as const, messages: model.problems.map((p) => p.message) };
    // The investors: every holder of a stake or of an investment in one of the companies.
    const investors = [...new Set(model.value.holdings.map((h) => h.holder))];
    const reports = investors
      .map((investor) => exposureReport(ws, model.value, investor))
      .filter((r) => r.companies.length > 0);
    return { ok: true as const, reports };
  }, [ws, valuations]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);

  const money = (text: string | null) =>
    text === null
      ? t("unknown")
      : formatMoney({ kind: "money", currency, amount: Rational.parse(text)! }, 0, locale);
  const short = (x: number) =>
    formatMoneyShort(
      { kind: "money", currency, amount: Rational.parse(x.toPrecision(6)) ?? Rational.ZERO },
      locale,
      1,
    );

  return (
    <section aria-labelledby={`${ids}-title`} className="exposure">
      <h2 id={`${ids}-title`}>{t("exposure")}</h2>
      <p>{t("exposureIntro")}</p>
      <fieldset className="controls exposure-valuations">
        <legend>{t("valuationColumn")}</legend>
        <p id={`${ids}-valuation-help`} className="field-help">
          {t("exposureValuationHelp")}
        </p>
        {ws.companies.map((c) => {
          const id = `${ids}-valuation-${c.id}`;
          const error = errors.get(c.id);
          return (
            <div className="field" key={c.id}>
              <label className="field-label" htmlFor={id}>
                {t("exposureValuation", { company: c.name })}
              </label>
              <input
                id={id}
                data-company={c.id}
                value={texts[c.id] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${ids}-valuation-help`}
                onChange={(e) => setTexts({ ...texts, [c.id]: e.currentTarget.value })}
              />
              {error ? (
                <p id={`${id}-error`} className="field-error" lang="en">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      {!computed.ok ? (
        <Problems title={t("dealInvalid")} messages={computed.messages} />
      ) : computed.reports.length === 0 ? (
        <p>{t("noExposure")}</p>
      ) : (
        <>
          <ScrollRegion label={t("scrollableTable", { table: t("exposureOverview") })}>
            <table className="data" id="exposure-overview">
              <caption>{t("exposureOverview")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("exposureInvestor")}</th>
                  <th scope="col" className="num">
                    {t("exposureCompanies")}
                  </th>
                  <th scope="col" className="num">
                    {t("investedColumn")}
                  </th>
                  <th scope="col" className="num">
                    {t("stakeValueColumn")}
                  </th>
                  <th scope="col" className="num">
                    {t("agreementRevenueColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {computed.reports.map((r) => (
                  <tr key={r.investor} data-investor={r.investor}>
                    <th scope="row">{r.name}</th>
                    <td className="num">{r.companies.length}</td>
                    <td className="num">{money(r.totals.invested)}</td>
                    <td className="num">{money(r.totals.value)}</td>
                    <td className="num">{money(r.totals.agreementRevenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-investor`}>
              {t("exposureInvestor")}
            </label>
            <select
              id={`${ids}-investor`}
              value={chosen ?? computed.reports[0]!.investor}
              onChange={(e) => setChosen(e.currentTarget.value)}
            >
              {computed.reports.map((r) => (
                <option key={r.investor} value={r.investor}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <InvestorExposure
            report={computed.reports.find((r) => r.investor === chosen) ?? computed.reports[0]!}
            money={money}
            short={short}
          />
        </>
      )}
    </section>
  );
}

function InvestorExposure({
  report,
  money,
  short,
}: {
  report: ExposureReport;
  money: (text: string | null) => string;
  short: (x: number) => string;
}) {
  const { t, locale } = useI18n();
  const title = t("exposureOf", { name: report.name });
  // The table's own name, not the heading's words again just below it.
  const caption = t("exposureByCompany", { name: report.name });
  const chartTitle = t("exposureChart", { name: report.name });
  const drawn = (text: string | null) => (text === null ? 0 : Number(text));
  const table = (id: string) => (
    <table className="data" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("companyColumn")}</th>
          <th scope="col" className="num">
            {t("ownershipColumn")}
          </th>
          <th scope="col" className="num">
            {t("investedColumn")}
          </th>
          <th scope="col" className="num">
            {t("valuationColumn")}
          </th>
          <th scope="col" className="num">
            {t("stakeValueColumn")}
          </th>
          <th scope="col" className="num">
            {t("agreementRevenueColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.companies.map((c) => (
          <tr key={c.company} data-company={c.company}>
            <th scope="row">{c.name}</th>
            <td className="num">{formatPercent(Rational.parse(c.ownership)!, 4, locale)}</td>
            <td className="num">{money(c.invested)}</td>
            <td className="num">{money(c.valuation)}</td>
            <td className="num">{money(c.value)}</td>
            <td className="num">{money(c.agreementRevenue)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("totalRow")}</th>
          <td />
          <td className="num">{money(report.totals.invested)}</td>
          <td />
          <td className="num">{money(report.totals.value)}</td>
          <td className="num">{money(report.totals.agreementRevenue)}</td>
        </tr>
      </tfoot>
    </table>
  );
  return (
    <div className="exposure-investor">
      <h3>{title}</h3>
      <ScrollRegion label={t("scrollableTable", { table: caption })}>{table("exposure-table")}</ScrollRegion>
      {report.totals.investedUnknownIn.length > 0 ? (
        <p>
          {t("investedUnknown", {
            companies: report.totals.investedUnknownIn
              .map((id) => report.companies.find((c) => c.company === id)?.name ?? id)
              .join(", "),
          })}
        </p>
      ) : null}
      <Chart
        title={chartTitle}
        height={300}
        option={groupedBarsOption(
          report.companies.map((c) => c.name),
          [
            { name: t("investedColumn"), values: report.companies.map((c) => drawn(c.invested)) },
            { name: t("stakeValueColumn"), values: report.companies.map((c) => drawn(c.value)) },
            {
              name: t("agreementRevenueColumn"),
              values: report.companies.map((c) => drawn(c.agreementRevenue)),
            },
          ],
          short,
        )}
        table={table("exposure-chart-table")}
      />
    </div>
  );
}
