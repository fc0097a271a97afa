import { useEffect, useId, useMemo, useRef, useState } from "react";
import { quantityNamer } from "../../app/names.js";
import { type Currency, compactMoney } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { LIMITS } from "../../core/shared/limits.js";
import { templateQuantities } from "../../core/uncertainty/round-template.js";
import type { Deal } from "../../deal/build.js";
import { fanOption, histogramOption } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { tickMoneyText } from "../components/MoneyCell.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import type { SimulationReport } from "../engine/simulation-job.js";
import { type RunningSimulation, startSimulation } from "../engine/simulation-runner.js";
import { useI18n } from "../i18n/i18n.js";
import { formatInteger, formatMoney, formatPercent, type Locale } from "../i18n/number-format.js";

type Statistics = SimulationReport["roundSize"];

type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly done: number; readonly runs: number }
  | { readonly kind: "done"; readonly report: SimulationReport }
  | { readonly kind: "failed"; readonly messages: readonly string[] }
  | { readonly kind: "cancelled" };

interface Metric {
  readonly id: string;
  readonly label: string;
  readonly unit: "money" | "price" | "fraction";
  readonly stats: Statistics;
}

const r = (text: string) => Rational.parse(text) ?? Rational.ZERO;

function formatStatistic(text: string, unit: Metric["unit"], currency: Currency, locale: Locale): string {
  const amount = r(text);
  if (unit === "fraction") return formatPercent(amount, 4, locale);
  if (unit === "price") return formatMoney({ kind: "money", currency, amount }, 4, locale);
  // A statistic of sampled floats (OUT-4), compact as the CLI's simulate writes it.
  return compactMoney({ kind: "money", currency, amount }, locale);
}

/**
 * The seeded Monte Carlo of `roundtable simulate`, run in a Web Worker with its progress
 * and a cancel: percentiles of the round's figures and of every holder's ownership, fan
 * charts (P5–P95, P25–P75, P50) of every holder's ownership and of the price per share,
 * and a histogram of one figure with its P5, P50 and P95, each beside a table of the same
 * figures (SPEC WEB-13).
 * The round (when several are uncertain) and the scenario whose claims are sampled (the
 * deal's named scenarios; the default reading by default) are chosen as `simulate --round`
 * and `--scenario` choose them. The same seed, runs, round and scenario give the CLI's
 * numbers (SPEC UNC-SIM-4).
 */
export function SimulationView({ deal, documentText }: { deal: Deal; documentText: string }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const currency = deal.ledger.company.currency;
  const [runsText, setRunsText] = useState("10000");
  const [seedText, setSeedText] = useState("1");
  const [state, setState] = useState<RunState>({ kind: "idle" });
  const [metricId, setMetricId] = useState("postMoney");
  const uncertainRounds = useMemo(
    () =>
      (deal.uncertainty?.templates ?? []).filter((t) => templateQuantities(t).length > 0).map((t) => t.terms),
    [deal],
  );
  const namedScenarios = deal.uncertainty?.scenarios.map((s) => s.name) ?? [];
  const [roundId, setRoundId] = useState<string>(() => uncertainRounds.at(-1)?.id ?? "");
  const [scenario, setScenario] = useState<string>("");
  const running = useRef<RunningSimulation | undefined>(undefined);
  useEffect(() => () => running.current?.cancel(), []);

  const runs = Number(runsText.replaceAll("_", ""));
  const runsError =
    /^\d[\d_]*$/.test(runsText) && runs >= 1 && runs <= LIMITS.simulationRuns
      ? undefined
      : t("runsInvalid", { max: formatInteger(BigInt(LIMITS.simulationRuns), locale) });
  const seedError = /^\d+$/.test(seedText) ? undefined : t("seedInvalid");

  if (!deal.uncertainty?.roundsUncertain) {
    return (
      <section aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t("monteCarlo")}</h2>
        <p>{t("simulationAllExact")}</p>
      </section>
    );
  }

  const start = () => {
    if (runsError || seedError) return;
    running.current?.cancel();
    setState({ kind: "running", done: 0, runs });
    const handle = startSimulation(
      {
        documentText,
        fileName: "deal.json",
        runs,
        seed: seedText,
        ...(roundId === "" ? {} : { roundId }),
        ...(scenario === "" ? {} : { scenario }),
      },
      (done, total) => setState((s) => (s.kind === "running" ? { kind: "running", done, runs: total } : s)),
    );
    running.current = handle;
    void handle.outcome.then((outcome) => {
      if (running.current !== handle) return;
      running.current = undefined;
      setState(outcome.kind === "done" ? { kind: "done", report: outcome.report } : outcome);
    });
  };
  const cancel = () => {
    running.current?.cancel();
  };

  return (
    <section aria-labelledby={`${ids}-title`} className="simulation">
      <h2 id={`${ids}-title`}>{t("monteCarlo")}</h2>
      <p>{t("simulationIntro")}</p>
      <div className="controls">
        {uncertainRounds.length > 1 ? (
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-round`}>
              {t("simulationRound")}
            </label>
            <select id={`${ids}-round`} value={roundId} onChange={(e) => setRoundId(e.currentTarget.value)}>
              {uncertainRounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {namedScenarios.length > 0 ? (
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-scenario`}>
              {t("simulationScenario")}
            </label>
            <select
              id={`${ids}-scenario`}
              value={scenario}
              onChange={(e) => setScenario(e.currentTarget.value)}
            >
              <option value="">{t("simulationDefaultReading")}</option>
              {namedScenarios.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-runs`}>
            {t("simulationRuns")}
          </label>
          <input
            id={`${ids}-runs`}
            inputMode="numeric"
            value={runsText}
            aria-invalid={runsError ? true : undefined}
            aria-describedby={runsError ? `${ids}-runs-error` : undefined}
            onChange={(e) => setRunsText(e.currentTarget.value.trim())}
          />
          {runsError ? (
            <p id={`${ids}-runs-error`} className="field-error">
              {runsError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-seed`}>
            {t("simulationSeed")}
          </label>
          <input
            id={`${ids}-seed`}
            inputMode="numeric"
            value={seedText}
            aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? `${ids}-seed-error` : undefined}
            onChange={(e) => setSeedText(e.currentTarget.value.trim())}
          />
          {seedError ? (
            <p id={`${ids}-seed-error`} className="field-error">
              {seedError}
            </p>
          ) : null}
        </div>
      </div>
      <div className="buttons">
        <button
          type="button"
          onClick={start}
          disabled={state.kind === "running" || runsError !== undefined || seedError !== undefined}
        >
          {t("simulationRun")}
        </button>
        <button type="button" className="secondary" onClick={cancel} disabled={state.kind !== "running"}>
          {t("simulationCancel")}
        </button>
      </div>
      {state.kind === "running" ? (
        <div className="field" aria-live="polite">
          <label className="field-label" htmlFor={`${ids}-progress`}>
            {t("simulationProgress", {
              done: formatInteger(BigInt(state.done), locale),
              runs: formatInteger(BigInt(state.runs), locale),
            })}
          </label>
          <progress id={`${ids}-progress`} max={state.runs} value={state.done} />
        </div>
      ) : null}
      {state.kind === "cancelled" ? <p role="status">{t("simulationCancelled")}</p> : null}
      {state.kind === "failed" ? (
        <div className="notice error" role="alert">
          <ul>
            {state.messages.map((m) => (
              <li key={m} lang="en">
                {m}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.kind === "done" ? (
        <ReportFileButtons
          report="simulate"
          // The run shown: its runs, seed, round and scenario, as `simulate`'s flags.
          query={{
            runs: String(state.report.runs),
            seed: String(state.report.seed),
            round: state.report.round,
            ...(scenario === "" ? {} : { scenario }),
          }}
        />
      ) : null}
      {state.kind === "done" ? (
        <SimulationResult
          report={state.report}
          deal={deal}
          currency={currency}
          metricId={metricId}
          onMetric={setMetricId}
        />
      ) : null}
    </section>
  );
}

function SimulationResult({
  report,
  deal,
  currency,
  metricId,
  onMetric,
}: {
  report: SimulationReport;
  deal: Deal;
  currency: Currency;
  metricId: string;
  onMetric: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  // Each quantity by what it is (its typed reference and display name), as the layer names it.
  const quantity = useMemo(() => quantityNamer(deal), [deal]);
  const metrics = useMemo<Metric[]>(
    () => [
      { id: "roundSize", label: t("roundSize"), unit: "money", stats: report.roundSize },
      { id: "postMoney", label: t("postMoney"), unit: "money", stats: report.postMoneyValuation },
      { id: "pricePerShare", label: t("pricePerShare"), unit: "price", stats: report.pricePerShare },
      ...report.quantities
        .map((q) => ({ q, named: quantity(q.quantity) }))
        .filter(({ named }) => named.ref?.kind === "investment")
        .map(
          ({ q, named }): Metric => ({ id: q.quantity, label: named.name, unit: "money", stats: q.value }),
        ),
      ...report.holders.map(
        (h): Metric => ({
          id: `holder:${h.holder}`,
          label: t("ownershipOf", { name: h.name }),
          unit: "fraction",
          stats: h.ownership,
        }),
      ),
    ],
    [report, t, quantity],
  );
  const metric = metrics.find((m) => m.id === metricId) ?? metrics[1]!;
  const format = (text: string, unit: Metric["unit"]) => formatStatistic(text, unit, currency, locale);
  const histogram = metric.stats.histogram;
  const chartFormat = (x: number) =>
    metric.unit === "fraction"
      ? formatPercent(Rational.parse(x.toPrecision(6)) ?? Rational.ZERO, 2, locale)
      : metric.unit === "price"
        ? formatMoney(
            { kind: "money", currency, amount: Rational.parse(x.toPrecision(6)) ?? Rational.ZERO },
            2,
            locale,
          )
        : tickMoneyText(x, currency, locale);
  const bins = histogram
    ? histogram.counts.map((count, i) => {
        const min = r(histogram.min);
        const width = r(histogram.max)
          .sub(min)
          .div(Rational.of(BigInt(histogram.counts.length)));
        return {
          bin: i + 1,
          from: min.add(width.mulInt(BigInt(i))),
          to: min.add(width.mulInt(BigInt(i + 1))),
          count,
        };
      })
    : [];
  const title = t("histogramOf", { metric: metric.label });

  return (
    <div className="simulation-result">
      <p id="simulation-summary">
        {t("simulationSummary", {
          runs: formatInteger(BigInt(report.runs), locale),
          seed: report.seed,
          valid: formatInteger(BigInt(report.valid), locale),
        })}
      </p>
      <ScrollRegion label={t("scrollableTable", { table: t("percentiles") })}>
        <table className="data" id="simulation-table">
          <caption>{t("percentiles")}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col" className="num">
                P5
              </th>
              <th scope="col" className="num">
                P50
              </th>
              <th scope="col" className="num">
                P95
              </th>
              <th scope="col" className="num">
                {t("mean")}
              </th>
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => (
              <tr key={m.id} data-metric={m.id}>
                <th scope="row">{m.label}</th>
                <td className="num">{format(m.stats.p5, m.unit)}</td>
                <td className="num">{format(m.stats.p50, m.unit)}</td>
                <td className="num">{format(m.stats.p95, m.unit)}</td>
                <td className="num">{format(m.stats.mean, m.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {report.failures.map((f) => (
        <p key={f.reason}>{t("simulationFailures", { count: f.count, reason: f.reason })}</p>
      ))}
      <SimulationFans report={report} currency={currency} />
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-metric`}>
          {t("histogramMetric")}
        </label>
        <select id={`${ids}-metric`} value={metric.id} onChange={(e) => onMetric(e.currentTarget.value)}>
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      {histogram ? (
        <Chart
          title={title}
          option={histogramOption(
            { min: Number(histogram.min), max: Number(histogram.max), counts: histogram.counts },
            [
              { name: "P5", value: Number(metric.stats.p5) },
              { name: "P50", value: Number(metric.stats.p50) },
              { name: "P95", value: Number(metric.stats.p95) },
            ],
            chartFormat,
            t("scenarioCount"),
          )}
          table={
            <table className="data compact" id="histogram-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("binFrom")}</th>
                  <th scope="col">{t("binTo")}</th>
                  <th scope="col" className="num">
                    {t("scenarioCount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bins.map((b) => (
                  <tr key={b.bin}>
                    <td className="num">{format(b.from.toDecimalString(18), metric.unit)}</td>
                    <td className="num">{format(b.to.toDecimalString(18), metric.unit)}</td>
                    <td className="num">{formatInteger(BigInt(b.count), locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          afterTable={
            <table className="data compact" id="histogram-percentiles">
              <caption>{t("histogramPercentiles", { metric: metric.label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("percentileColumn")}</th>
                  <th scope="col" className="num">
                    {t("valueColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {PERCENTILES.map((p) => (
                  <tr key={p}>
                    <th scope="row">{p.toUpperCase()}</th>
                    <td className="num">{format(metric.stats[p], metric.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      ) : null}
    </div>
  );
}

/** The percentiles a fan chart draws, from the outer band's low end to its high end. */
const PERCENTILES = ["p5", "p25", "p50", "p75", "p95"] as const;

/** Drawing coordinates of a report's decimal statistic (floats for drawing only, WEB-1). */
const drawn = (text: string) => Number(text);

/**
 * Fan charts of the simulated outcome (SPEC WEB-13): every holder's ownership after the
 * round and the price per share, each as its P5–P95 band, its P25–P75 band and its median,
 * read from the report's statistics; the table beside each lists the five percentiles
 * exactly as the report writes them.
 */
function SimulationFans({ report, currency }: { report: SimulationReport; currency: Currency }) {
  const { t, locale } = useI18n();
  const labels = { outer: t("fanOuter"), inner: t("fanInner"), median: t("fanMedian") };
  const percent = (x: number) => formatPercent(Rational.parse(x.toPrecision(6)) ?? Rational.ZERO, 2, locale);
  const price = (x: number) =>
    formatMoney(
      { kind: "money", currency, amount: Rational.parse(x.toPrecision(6)) ?? Rational.ZERO },
      2,
      locale,
    );
  const band = (stats: readonly Statistics[], name: string) => ({
    name,
    p5: stats.map((s) => drawn(s.p5)),
    p25: stats.map((s) => drawn(s.p25)),
    p50: stats.map((s) => drawn(s.p50)),
    p75: stats.map((s) => drawn(s.p75)),
    p95: stats.map((s) => drawn(s.p95)),
  });
  const holders = report.holders;
  const ownershipTitle = t("fanOwnership");
  const priceTitle = t("fanPrice");
  const table = (
    id: string,
    caption: string,
    rows: readonly { key: string; name: string; stats: Statistics }[],
    unit: Metric["unit"],
  ) => (
    <table className="data compact" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          {PERCENTILES.map((p) => (
            <th key={p} scope="col" className="num">
              {p.toUpperCase()}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-fan={row.key}>
            <th scope="row">{row.name}</th>
            {PERCENTILES.map((p) => (
              <td key={p} className="num">
                {formatStatistic(row.stats[p], unit, currency, locale)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="charts simulation-fans">
      <Chart
        title={ownershipTitle}
        height={Math.max(200, 110 + holders.length * 30)}
        option={fanOption(
          holders.map((h) => h.name),
          band(
            holders.map((h) => h.ownership),
            ownershipTitle,
          ),
          labels,
          percent,
        )}
        table={table(
          "fan-ownership-table",
          ownershipTitle,
          holders.map((h) => ({ key: h.holder, name: h.name, stats: h.ownership })),
          "fraction",
        )}
      />
      <Chart
        title={priceTitle}
        height={170}
        option={fanOption([t("pricePerShare")], band([report.pricePerShare], priceTitle), labels, price)}
        table={table(
          "fan-price-table",
          priceTitle,
          [{ key: "pricePerShare", name: t("pricePerShare"), stats: report.pricePerShare }],
          "price",
        )}
      />
    </div>
  );
}
