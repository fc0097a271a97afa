import { useId, useMemo, useState } from "react";
import { type ExposureReport, workspaceExposuresOf } from "../../app/flows-report.js";
import { parseAmount } from "../../core/exact/amount-parse.js";
import type { Currency, Money } from "../../core/exact/money.js";
import type { Workspace } from "../../deal/workspace.js";
import type { DealRecord } from "../api/contract.js";
import { useIncludedDeals } from "../app/use-included-deals.js";
import { groupedBarsOption } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { MoneyCell, tickMoneyText } from "../components/MoneyCell.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { Failed, Loading } from "../components/Status.js";
import { loadStoredWorkspace } from "../engine/workspace-load.js";
import { useI18n } from "../i18n/i18n.js";
import { formatPercent } from "../i18n/number-format.js";

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
    const reports = workspaceExposuresOf(ws, valuations);
    if (!reports.ok) return { ok: false as const, messages: reports.problems.map((p) => p.message) };
    return { ok: true as const, reports: reports.value };
  }, [ws, valuations]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);

  const short = (x: number) => tickMoneyText(x, currency, locale);

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
                  <tr key={r.investor.id} data-investor={r.investor.id}>
                    <th scope="row">{r.investor.name}</th>
                    <td className="num">{r.companies.length}</td>
                    <MoneyCell value={r.totals.invested} />
                    <MoneyCell value={r.totals.value} />
                    <MoneyCell value={r.totals.agreementRevenue} />
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
              value={chosen ?? computed.reports[0]!.investor.id}
              onChange={(e) => setChosen(e.currentTarget.value)}
            >
              {computed.reports.map((r) => (
                <option key={r.investor.id} value={r.investor.id}>
                  {r.investor.name}
                </option>
              ))}
            </select>
          </div>
          <InvestorExposure
            report={computed.reports.find((r) => r.investor.id === chosen) ?? computed.reports[0]!}
            short={short}
          />
        </>
      )}
    </section>
  );
}

function InvestorExposure({ report, short }: { report: ExposureReport; short: (x: number) => string }) {
  const { t, locale } = useI18n();
  const name = report.investor.name;
  const title = t("exposureOf", { name });
  // The table's own name, not the heading's words again just below it.
  const caption = t("exposureByCompany", { name });
  const chartTitle = t("exposureChart", { name });
  // The bars are drawn from floats (a drawing's scale); the table beside them is exact.
  const drawn = (m: Money | undefined) => (m === undefined ? 0 : Number(m.amount.toDecimalString(6)));
  const cell = (m: Money | undefined) =>
    m === undefined ? <td className="num">{t("unknown")}</td> : <MoneyCell value={m} />;
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
          <tr key={c.company.id} data-company={c.company.id}>
            <th scope="row">{c.company.name}</th>
            <td className="num">{formatPercent(c.ownership, 4, locale)}</td>
            {cell(c.invested)}
            {cell(c.valuation)}
            {cell(c.value)}
            <MoneyCell value={c.agreementRevenue} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("totalRow")}</th>
          <td />
          <MoneyCell value={report.totals.invested} />
          <td />
          <MoneyCell value={report.totals.value} />
          <MoneyCell value={report.totals.agreementRevenue} />
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
            companies: report.totals.investedUnknownIn.map((c) => c.name).join(", "),
          })}
        </p>
      ) : null}
      <Chart
        title={chartTitle}
        height={300}
        option={groupedBarsOption(
          report.companies.map((c) => c.company.name),
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
