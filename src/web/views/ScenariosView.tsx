import { useId, useMemo, useState } from "react";
import {
  type ScenarioColumn,
  type ScenariosReport,
  scenarioNames,
  scenariosReportOf,
} from "../../app/scenarios-report.js";
import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { Deal } from "../../deal/build.js";
import { groupedBarsOption } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { MoneyCell, tickMoneyText } from "../components/MoneyCell.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatPercent } from "../i18n/number-format.js";
import { scenarioLabel } from "../i18n/value-format.js";

/**
 * The round priced in every scenario side by side (`roundtable scenarios`): the typed
 * scenarios report of the application layer (`scenariosReportOf`, exact `Money` and
 * `Rational`), low, base and high of the default reading, then the deal's own; round size,
 * price, pre- and post-money, and each holder's fully diluted ownership and dilution.
 */
export function ScenariosView({ deal }: { deal: Deal }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const [roundId, setRoundId] = useState<string | undefined>(deal.rounds.at(-1)?.id);
  const uncertain = deal.uncertainty?.roundsUncertain ?? false;
  const result = useMemo(
    () =>
      uncertain ? scenariosReportOf(deal, scenarioNames(deal), roundId, { investments: true }) : undefined,
    [deal, uncertain, roundId],
  );
  // Amounts compact, as `roundtable scenarios` prints them, the exact amount in each cell's
  // title (MoneyCell); the price to four places; fractions as percentages to four.
  const price = (value: Money) => formatMoney(value, 4, locale);
  const percent = (value: Rational) => formatPercent(value, 4, locale);
  const scenarioName = (name: string) => scenarioLabel(name, t);

  if (!uncertain || !result) {
    return (
      <section aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t("scenariosTitle")}</h2>
        <p>{t("scenariosAllExact")}</p>
      </section>
    );
  }
  if (!result.ok) {
    return (
      <section aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t("scenariosTitle")}</h2>
        <div className="notice error" role="alert">
          <p>{t("dealProblems")}</p>
          <ul>
            {result.problems.map((p) => (
              <li key={p.message} lang="en">
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      </section>
    );
  }
  const report = result.value;
  const holders = holdersOf(report);
  return (
    <section aria-labelledby={`${ids}-title`} className="scenarios">
      <h2 id={`${ids}-title`}>{t("scenariosOf", { round: report.round.name })}</h2>
      <ReportFileButtons report="scenarios" query={roundId ? { round: roundId } : {}} />
      {deal.rounds.length > 1 ? (
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-round`}>
            {t("roundToCompare")}
          </label>
          <select id={`${ids}-round`} value={roundId} onChange={(e) => setRoundId(e.currentTarget.value)}>
            {deal.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p>{t("scenariosIntro")}</p>
      <ScrollRegion label={t("scrollableTable", { table: t("scenariosTitle") })}>
        <table className="data" id="scenarios-table">
          <caption>{t("scenariosOf", { round: report.round.name })}</caption>
          <thead>
            <tr>
              <td />
              {report.scenarios.map((s) => (
                <th scope="col" className="num" key={s.scenario} data-scenario={s.scenario}>
                  {scenarioName(s.scenario)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr data-row="round-size">
              <th scope="row">{t("roundSize")}</th>
              {report.scenarios.map((s) => (
                <MoneyCell key={s.scenario} value={s.roundSize} />
              ))}
            </tr>
            <tr data-row="price">
              <th scope="row">{t("pricePerShare")}</th>
              {report.scenarios.map((s) => (
                <td className="num" key={s.scenario}>
                  {price(s.pricePerShare)}
                </td>
              ))}
            </tr>
            <tr data-row="pre-money">
              <th scope="row">{t("preMoney")}</th>
              {report.scenarios.map((s) => (
                <MoneyCell key={s.scenario} value={s.preMoneyValuation} />
              ))}
            </tr>
            <tr data-row="post-money">
              <th scope="row">{t("postMoney")}</th>
              {report.scenarios.map((s) => (
                <MoneyCell key={s.scenario} value={s.postMoneyValuation} />
              ))}
            </tr>
            {holders.map((h) => (
              <tr key={h.id} data-row={`ownership:${h.id}`}>
                <th scope="row">{t("ownershipOf", { name: h.name })}</th>
                {report.scenarios.map((s) => {
                  const x = s.holders.find((y) => y.holder.id === h.id);
                  return (
                    <td className="num" key={s.scenario}>
                      {percent(ownershipIn(s, h.id))}
                      {x?.dilution ? (
                        <span className="sub"> ({t("dilutionOf", { value: percent(x.dilution) })})</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ScenarioCharts report={report} scenarioName={scenarioName} price={price} percent={percent} />
      {report.scenarios.some((s) => s.claims.length > 0) ? (
        <details>
          <summary>{t("scenarioClaims")}</summary>
          <ul>
            {report.scenarios.map((s) => (
              <li key={s.scenario}>
                <strong>{scenarioName(s.scenario)}</strong>
                {t("colon")}
                {s.claims.map((c) => (locale === "fr" ? (c.nameFr ?? c.name) : c.name)).join(", ")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** Every holder of any scenario, once, in the order they first appear. */
function holdersOf(report: ScenariosReport) {
  return [
    ...new Map(report.scenarios.flatMap((s) => s.holders).map((h) => [h.holder.id, h.holder])).values(),
  ];
}

/** A holder's fully diluted ownership after the round in a scenario (none when it holds nothing there). */
function ownershipIn(scenario: ScenarioColumn, holder: string): Rational {
  return scenario.holders.find((x) => x.holder.id === holder)?.fullyDilutedAfter ?? Rational.ZERO;
}

/**
 * The scenarios drawn (SPEC WEB-19): each holder's ownership after the round and each
 * investor's amount as grouped bars (one bar per scenario), and the price per share per
 * scenario; every chart with the table of its exact figures.
 */
function ScenarioCharts({
  report,
  scenarioName,
  price,
  percent,
}: {
  report: ScenariosReport;
  scenarioName: (name: string) => string;
  price: (value: Money) => string;
  percent: (value: Rational) => string;
}) {
  const { t, locale } = useI18n();
  const currency = report.company.currency;
  const short = (x: number) => tickMoneyText(x, currency, locale);
  const names = report.scenarios.map((s) => scenarioName(s.scenario));
  const holders = holdersOf(report).filter((h) =>
    report.scenarios.some((s) => !ownershipIn(s, h.id).isZero()),
  );
  const investors = [
    ...new Map(
      report.scenarios.flatMap((s) => s.investments ?? []).map((i) => [i.investor.id, i.investor.name]),
    ),
  ];
  const paid = (scenario: ScenarioColumn, investor: string) =>
    Rational.sum(
      (scenario.investments ?? []).filter((i) => i.investor.id === investor).map((i) => i.paid.amount),
    );
  const ownershipTitle = t("scenarioOwnershipChart");
  const priceTitle = t("scenarioPriceChart");
  const amountTitle = t("scenarioAmountChart");
  const pct = (x: number) => `${formatPercentNumber(x, locale)}`;
  /** A chart's table: texts as given, amounts compact with the exact amount in the title. */
  const table = (caption: string, rows: { id: string; name: string; cells: (string | Money)[] }[]) => (
    <table className="data compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          {names.map((n) => (
            <th scope="col" className="num" key={n}>
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            {r.cells.map((c, i) =>
              typeof c === "string" ? (
                <td className="num" key={names[i]}>
                  {c}
                </td>
              ) : (
                <MoneyCell key={names[i]} value={c} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="charts">
      <Chart
        title={ownershipTitle}
        height={320}
        option={groupedBarsOption(
          holders.map((h) => h.name),
          report.scenarios.map((s, i) => ({
            name: names[i]!,
            values: holders.map((h) => ownershipIn(s, h.id).mulInt(100n).toNumber()),
          })),
          pct,
        )}
        table={table(
          ownershipTitle,
          holders.map((h) => ({
            id: h.id,
            name: h.name,
            cells: report.scenarios.map((s) => percent(ownershipIn(s, h.id))),
          })),
        )}
      />
      <Chart
        title={priceTitle}
        height={280}
        option={groupedBarsOption(
          names,
          [
            {
              name: t("pricePerShare"),
              values: report.scenarios.map((s) => s.pricePerShare.amount.toNumber()),
            },
          ],
          (x) =>
            formatMoney(
              { kind: "money", currency, amount: Rational.parse(x.toFixed(2)) ?? Rational.ZERO },
              2,
              locale,
            ),
        )}
        table={table(priceTitle, [
          {
            id: "price",
            name: t("pricePerShare"),
            cells: report.scenarios.map((s) => price(s.pricePerShare)),
          },
          {
            id: "post-money",
            name: t("postMoney"),
            cells: report.scenarios.map((s) => s.postMoneyValuation),
          },
        ])}
      />
      {investors.length > 0 ? (
        <Chart
          title={amountTitle}
          height={320}
          option={groupedBarsOption(
            investors.map(([, name]) => name),
            report.scenarios.map((s, i) => ({
              name: names[i]!,
              values: investors.map(([id]) => paid(s, id).toNumber()),
            })),
            short,
          )}
          table={table(
            amountTitle,
            investors.map(([id, name]) => ({
              id,
              name,
              cells: report.scenarios.map((s) => ({ kind: "money", currency, amount: paid(s, id) }) as Money),
            })),
          )}
        />
      ) : null}
    </div>
  );
}

/** An axis label in percent (a float of the chart's axis, for drawing only). */
function formatPercentNumber(x: number, locale: string): string {
  return locale === "fr" ? `${String(x).replace(".", ",")}\u00a0%` : `${x}%`;
}
