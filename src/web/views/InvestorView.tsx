import { useId, useMemo, useState } from "react";
import { investedInDeal } from "../../app/exit.js";
import { type Currency, compactMoney, type Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { Deal } from "../../deal/build.js";
import type { InvestorOwnership, InvestorPayouts } from "../../report/investor-read.js";
import type { ApiResult } from "../api/data-access.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { groupedBarsOption } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { MoneyCell, tickMoneyText } from "../components/MoneyCell.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { SharedDocumentsList } from "../components/SharedDocuments.js";
import { Failed, Loading } from "../components/Status.js";
import { useI18n } from "../i18n/i18n.js";
import { formatFixed, formatPercent } from "../i18n/number-format.js";
import { scenarioLabel } from "../i18n/value-format.js";

/**
 * An investor's own view of a stored deal (SPEC WEB-23): from the server's investor routes
 * (WEB-21), its holders' ownership before and after the round and their dilution in every
 * scenario, and their payouts at the exit values typed, each with its multiple on the
 * capital it invested (counted from the investor's own document by `investedInDeal`, as the
 * exit statement and the exit view count it, REP-6). Nothing here is about another holder: the server sends the investor's rows only.
 */
export function InvestorView({
  workspace,
  dealId,
  deal,
}: {
  workspace: string;
  dealId: string;
  /** The investor's own document, loaded (where its invested amounts come from), when it loads. */
  deal: Deal | undefined;
}) {
  const { t } = useI18n();
  const ids = useId();
  const data = useDataAccess();
  const asStated = t("myAsStated");
  const [scenarios, reloadScenarios] = useApi(async (): Promise<ApiResult<InvestorOwnership>> => {
    const report = await data.scenariosReport(workspace, dealId);
    if (report.ok || report.status >= 500 || [401, 403, 404].includes(report.status)) return report;
    // A deal whose round amounts are all exact has one scenario, the deal as stated: the
    // server's model report (its own holders only) gives the same figures.
    const model = await data.modelReport(workspace, dealId);
    if (!model.ok) return model;
    return {
      ok: true,
      value: {
        company: model.value.company,
        scenarios: [{ scenario: asStated, holders: model.value.holders }],
      },
    };
  }, [data, workspace, dealId, asStated]);
  // What each holder invested as the exit statement counts it (`investedOf`, REP-6): null
  // when a lot's price is unknown, so that no multiple is stated on a partial base.
  const invested = useMemo(() => {
    const counted = deal ? investedInDeal(deal) : undefined;
    return new Map<string, Rational | null>(
      counted?.ok ? counted.value.invested.map((h) => [h.holder.id, h.invested]) : [],
    );
  }, [deal]);
  const currency =
    deal?.ledger.company.currency ??
    (scenarios.state === "ok" ? scenarios.value.company.currency : ("USD" as Currency));

  return (
    <section aria-labelledby={`${ids}-title`} className="investor-view">
      <h2 id={`${ids}-title`}>{t("myPosition")}</h2>
      <p>{t("myPositionIntro")}</p>
      {scenarios.state === "loading" ? (
        <Loading />
      ) : scenarios.state === "failed" ? (
        <Failed failure={scenarios.failure} onRetry={reloadScenarios} />
      ) : (
        <OwnScenarios report={scenarios.value} />
      )}
      <OwnExit workspace={workspace} dealId={dealId} invested={invested} currency={currency} />
      <SharedDocumentsList workspace={workspace} />
    </section>
  );
}

function OwnScenarios({ report }: { report: InvestorOwnership }) {
  const { t, locale } = useI18n();
  const percent = (value: Rational) => formatPercent(value, 4, locale);
  const holders = report.scenarios[0]?.holders ?? [];
  const title = t("myDilutionTitle");
  const table = (id: string) => (
    <table className="data" id={id}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("scenarioColumn")}</th>
          <th scope="col">{t("holder")}</th>
          <th scope="col" className="num">
            {t("before")}
          </th>
          <th scope="col" className="num">
            {t("after")}
          </th>
          <th scope="col" className="num">
            {t("dilution")}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.scenarios.flatMap((s) =>
          s.holders.map((h) => (
            <tr key={`${s.scenario}/${h.holder.id}`} data-scenario={s.scenario} data-holder={h.holder.id}>
              <th scope="row">{scenarioLabel(s.scenario, t)}</th>
              <td>{h.holder.name}</td>
              <td className="num">{percent(h.fullyDilutedBefore)}</td>
              <td className="num">{percent(h.fullyDilutedAfter)}</td>
              <td className="num">{h.dilution === null ? "—" : percent(h.dilution)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
  if (holders.length === 0) return <p>{t("myPositionNoHoldings")}</p>;
  return (
    <>
      <ScrollRegion label={t("scrollableTable", { table: title })}>
        {table("investor-scenarios")}
      </ScrollRegion>
      <Chart
        title={t("myOwnershipChart")}
        height={Math.max(240, 120 + holders.length * 40)}
        option={groupedBarsOption(
          holders.map((h) => h.holder.name),
          report.scenarios.map((s) => ({
            name: scenarioLabel(s.scenario, t),
            // The chart draws floats; the table beside it states the exact figures.
            values: holders.map(
              (h) => s.holders.find((x) => x.holder.id === h.holder.id)?.fullyDilutedAfter.toNumber() ?? 0,
            ),
          })),
          (x) => formatPercent(Rational.parse(x.toPrecision(6)) ?? Rational.ZERO, 2, locale),
        )}
        table={table("investor-scenarios-chart-table")}
      />
    </>
  );
}

function OwnExit({
  workspace,
  dealId,
  invested,
  currency,
}: {
  workspace: string;
  dealId: string;
  invested: ReadonlyMap<string, Rational | null>;
  currency: Currency;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const data = useDataAccess();
  const [text, setText] = useState("");
  const [asked, setAsked] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<ApiResult<InvestorPayouts> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The currency the server's answer states, else the deal's.
  const shown = outcome?.ok ? outcome.value.currency : currency;
  const money = (x: Rational): Money => ({ kind: "money", currency: shown, amount: x });
  const short = (x: number) => tickMoneyText(x, shown, locale);

  const show = async () => {
    const at = text.trim();
    if (at === "") return;
    setBusy(true);
    const result = await data.exitAt(workspace, dealId, at);
    setBusy(false);
    setAsked(at);
    setOutcome(result);
  };
  const error =
    outcome && !outcome.ok && outcome.status !== 401 && outcome.status < 500 && outcome.status !== 403
      ? outcome.error.message
      : undefined;
  const fieldId = `${ids}-at`;
  const rows =
    outcome?.ok === true
      ? outcome.value.outcomes.flatMap((o) =>
          o.holders.map((h) => {
            const total = h.total;
            const put = invested.get(h.holder.id);
            return {
              key: `${o.exitValue.toDecimalString(18)}/${h.holder.id}`,
              exitValue: o.exitValue,
              holder: h.holder.id,
              name: h.holder.name,
              total,
              invested: put,
              multiple: put?.isPositive() ? total.div(put) : undefined,
            };
          }),
        )
      : [];
  const holders = [...new Map(rows.map((r) => [r.holder, r.name])).entries()];
  const exitValues = outcome?.ok === true ? outcome.value.outcomes.map((o) => o.exitValue) : [];
  const title = t("myPayoutTitle");
  const table = (id: string) => (
    <table className="data" id={id}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("exitValueColumn")}</th>
          <th scope="col">{t("holder")}</th>
          <th scope="col" className="num">
            {t("payoutColumn")}
          </th>
          <th scope="col" className="num">
            {t("investedColumn")}
          </th>
          <th scope="col" className="num">
            {t("multipleColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-exit={r.exitValue.toDecimalString(18)} data-holder={r.holder}>
            <MoneyCell header value={money(r.exitValue)} />
            <td>{r.name}</td>
            <MoneyCell value={money(r.total)} cell="payout" />
            {r.invested === undefined ? (
              <td className="num">{t("unknown")}</td>
            ) : r.invested === null ? (
              <td className="num">{t("investedNotKnown")}</td>
            ) : r.invested.isPositive() ? (
              <MoneyCell value={money(r.invested)} cell="invested" />
            ) : (
              <td className="num">—</td>
            )}
            <td className="num" data-cell="multiple">
              {r.multiple ? `${formatFixed(r.multiple, 2, locale)}×` : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="investor-exit">
      <h3>{t("myPayoutHeading")}</h3>
      <form
        className="controls"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={fieldId}>
            {t("myExitValues")}
          </label>
          <input
            id={fieldId}
            value={text}
            placeholder={t("myExitValuesPlaceholder")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : `${fieldId}-help`}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <p id={`${fieldId}-help`} className="field-help">
            {t("myExitValuesHelp")}
          </p>
          {error ? (
            <p id={`${fieldId}-error`} className="field-error" lang="en">
              {error}
            </p>
          ) : null}
        </div>
        <div className="buttons">
          <button type="submit" disabled={busy || text.trim() === ""}>
            {t("myShowPayouts")}
          </button>
        </div>
      </form>
      {outcome && !outcome.ok && !error ? <Failed failure={outcome} onRetry={() => void show()} /> : null}
      {outcome?.ok && asked ? (
        <>
          <ScrollRegion label={t("scrollableTable", { table: title })}>
            {table("investor-payouts")}
          </ScrollRegion>
          {holders.length > 0 ? (
            <Chart
              title={t("myPayoutChart")}
              height={Math.max(240, 120 + exitValues.length * 30)}
              option={groupedBarsOption(
                exitValues.map((v) => compactMoney(money(v), locale)),
                holders.map(([id, name]) => ({
                  name,
                  values: rows.filter((r) => r.holder === id).map((r) => r.total.toNumber()),
                })),
                short,
              )}
              table={table("investor-payouts-chart-table")}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
