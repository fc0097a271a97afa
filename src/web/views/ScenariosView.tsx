import { useId, useMemo, useState } from "react";
import { Rational } from "../../core/exact/rational.js";
import type { Deal } from "../../deal/build.js";
import { scenarioNames, scenariosReport } from "../../report/scenarios-report.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatPercent } from "../i18n/number-format.js";

const STANDARD_KEYS = { low: "scenarioLow", base: "scenarioBase", high: "scenarioHigh" } as const;

/**
 * The round priced in every scenario side by side (`roundtable scenarios`, scenariosReport):
 * low, base and high of the default reading, then the deal's own; round size, price,
 * pre- and post-money, and each holder's fully diluted ownership and dilution.
 */
export function ScenariosView({ deal }: { deal: Deal }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const [roundId, setRoundId] = useState<string | undefined>(deal.rounds.at(-1)?.id);
  const uncertain = deal.uncertainty?.roundsUncertain ?? false;
  const result = useMemo(
    () => (uncertain ? scenariosReport(deal, scenarioNames(deal), roundId) : undefined),
    [deal, uncertain, roundId],
  );
  const currency = deal.ledger.company.currency;
  // Whole units, as `roundtable scenarios` prints them: a scenario's figures are rarely round.
  const money = (text: string) =>
    formatMoney({ kind: "money", currency, amount: Rational.parse(text)! }, 0, locale);
  const price = (text: string) =>
    formatMoney({ kind: "money", currency, amount: Rational.parse(text)! }, 4, locale);
  const percent = (text: string) => formatPercent(Rational.parse(text)!, 4, locale);
  const scenarioName = (name: string) =>
    name in STANDARD_KEYS ? t(STANDARD_KEYS[name as keyof typeof STANDARD_KEYS]) : name;

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
  const holders = [...new Map(report.scenarios.flatMap((s) => s.holders).map((h) => [h.id, h])).values()];
  return (
    <section aria-labelledby={`${ids}-title`} className="scenarios">
      <h2 id={`${ids}-title`}>{t("scenariosOf", { round: report.round })}</h2>
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
          <caption>{t("scenariosOf", { round: report.round })}</caption>
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
                <td className="num" key={s.scenario}>
                  {money(s.roundSize)}
                </td>
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
                <td className="num" key={s.scenario}>
                  {money(s.preMoneyValuation)}
                </td>
              ))}
            </tr>
            <tr data-row="post-money">
              <th scope="row">{t("postMoney")}</th>
              {report.scenarios.map((s) => (
                <td className="num" key={s.scenario}>
                  {money(s.postMoneyValuation)}
                </td>
              ))}
            </tr>
            {holders.map((h) => (
              <tr key={h.id} data-row={`ownership:${h.id}`}>
                <th scope="row">{t("ownershipOf", { name: h.name })}</th>
                {report.scenarios.map((s) => {
                  const x = s.holders.find((y) => y.id === h.id);
                  return (
                    <td className="num" key={s.scenario}>
                      {percent(x?.fullyDilutedAfter ?? "0")}
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
      {report.scenarios.some((s) => s.claims.length > 0) ? (
        <details>
          <summary>{t("scenarioClaims")}</summary>
          <ul>
            {report.scenarios.map((s) => (
              <li key={s.scenario}>
                <strong>{scenarioName(s.scenario)}</strong>
                {t("colon")}
                {s.claims.join(", ")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
