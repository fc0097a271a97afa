import { type ReactNode, useCallback, useId, useMemo, useState } from "react";
import { type ExitBasis, exitBasisOf } from "../../app/exit.js";
import {
  type BreakpointExplanation,
  exitBreakpointsOf,
  exitIpoOf,
  exitWaterfallOf,
  type HolderInvested,
  holderFunctionOf,
  type WaterfallAtValue,
} from "../../app/exit-report.js";
import { exitTranchesAt, kinksOf, type Tranche } from "../../app/exit-tranches.js";
import { scenarioNames } from "../../app/scenarios-report.js";
import { parseAmount } from "../../core/exact/amount-parse.js";
import { compactMoney } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { ExitModel } from "../../core/exit/model.js";
import { evaluatePiecewise, type PiecewiseLinear } from "../../core/exit/piecewise.js";
import type { Deal } from "../../deal/build.js";
import { breakpointEventText } from "../../report/exit-report.js";
import { decimal } from "../../report/format.js";
import { explanationFr } from "../../report/fr.js";
import { payoutLinesOption, stackedBarsOption } from "../charts/options.js";
import { niceCeiling } from "../components/AmountField.js";
import { Chart } from "../components/Chart.js";
import { tickMoneyText } from "../components/MoneyCell.js";
import { ProblemText } from "../components/ProblemText.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { useI18n } from "../i18n/i18n.js";
import {
  formatDecimal,
  formatFixed,
  formatInteger,
  formatMoney,
  formatMoneyExactShort,
} from "../i18n/number-format.js";
import { positionStateText } from "../i18n/report-text.js";

const STANDARD_KEYS = { low: "scenarioLow", base: "scenarioBase", high: "scenarioHigh" } as const;

interface PayoutSeries {
  readonly id: string;
  readonly name: string;
  readonly fn: PiecewiseLinear;
}

type Parsed =
  | { readonly ok: true; readonly value: Rational }
  | { readonly ok: false; readonly error: string };

/**
 * Who receives what at an exit (`roundtable exit`), from the exit use case's typed reports
 * (src/app/exit.ts): each class's and holder's payout against the exit value, drawn through
 * its exact breakpoints (exitBreakpointsOf) and listed in a table, what happens at each in
 * the words of src/report (English as the CLI's JSON, French from fr.ts); the waterfall at
 * an exit value typed in (exitWaterfallOf), by tranche, with each holder's multiple on what
 * it invested (the exit statement's); and each holder's value at an IPO priced by a share
 * price or a pre-IPO valuation (exitIpoOf). For a deal with uncertain round amounts, the
 * rounds are those of a chosen scenario (low, base, high and the deal's own; base by
 * default), as `roundtable exit --scenario`.
 */
export function ExitView({ deal }: { deal: Deal }) {
  const { t } = useI18n();
  const ids = useId();
  const uncertain = deal.uncertainty?.roundsUncertain ?? false;
  const [scenario, setScenario] = useState("base");
  // As `roundtable exit --scenario`: the base scenario is the deal as loaded.
  const chosen = uncertain && scenario !== "base" ? scenario : undefined;
  const basis = useMemo(() => exitBasisOf(deal, { scenario: chosen }), [deal, chosen]);
  const scenarioSelector = uncertain ? (
    <div className="field">
      <label className="field-label" htmlFor={`${ids}-scenario`}>
        {t("exitScenario")}
      </label>
      <select id={`${ids}-scenario`} value={scenario} onChange={(e) => setScenario(e.currentTarget.value)}>
        {scenarioNames(deal).map((name) => (
          <option key={name} value={name}>
            {name in STANDARD_KEYS ? t(STANDARD_KEYS[name as keyof typeof STANDARD_KEYS]) : name}
          </option>
        ))}
      </select>
    </div>
  ) : null;
  if (!basis.ok) {
    return (
      <section aria-labelledby="exit-title">
        <h2 id="exit-title">{t("exit")}</h2>
        {scenarioSelector}
        <div className="notice error" role="alert">
          <p>{t("dealProblems")}</p>
          <ul>
            {basis.problems.map((p) => (
              <li key={p.message}>
                <ProblemText problem={p} />
              </li>
            ))}
          </ul>
        </div>
      </section>
    );
  }
  return <ExitModelView basis={basis.value} scenarioSelector={scenarioSelector} scenario={chosen} />;
}

function ExitModelView({
  basis,
  scenarioSelector,
  scenario,
}: {
  basis: ExitBasis;
  scenarioSelector: ReactNode;
  /** The scenario chosen, when not the deal as loaded: the file's `scenario` parameter. */
  scenario: string | undefined;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const { model, classNames } = basis;
  const currency = basis.company.currency;
  const money = (x: Rational, places = 0) =>
    formatMoney({ kind: "money", currency, amount: x }, places, locale);
  // An amount as a table shows it: compact as people read it, exact on hover (issue 16).
  const compact = (x: Rational) => compactMoney({ kind: "money", currency, amount: x }, locale);
  const [by, setBy] = useState<"class" | "holder">("class");

  const breakpoints = useMemo(() => exitBreakpointsOf(model, classNames), [model, classNames]);
  const eventText = (e: BreakpointExplanation) =>
    locale === "fr" ? explanationFr(e, currency) : breakpointEventText(e);
  const series = useMemo<{ classes: PayoutSeries[]; holders: PayoutSeries[] }>(
    () => ({
      classes: breakpoints.classFunctions.map((c) => ({
        id: c.subject.id,
        name: c.subject.name,
        fn: c.function,
      })),
      holders: breakpoints.holders.flatMap((h, i) => {
        const fn = holderFunctionOf(breakpoints, i);
        return fn ? [{ id: h.id, name: h.name, fn }] : [];
      }),
    }),
    [breakpoints],
  );

  const lastBreakpoint = breakpoints.breakpoints.at(-1)?.exitValue ?? Rational.ZERO;
  const defaultExit = niceCeiling(
    lastBreakpoint.isPositive() ? lastBreakpoint.mulInt(2n) : Rational.of(1_000_000n),
  );
  const [exitText, setExitText] = useState(() =>
    formatMoneyExactShort({ kind: "money", currency, amount: defaultExit }, locale),
  );
  const parse = useCallback(
    (text: string): Parsed => {
      const r = parseAmount(text, { defaultCurrency: currency });
      if (!r.ok) return { ok: false, error: r.error };
      if (r.value.currency !== currency) return { ok: false, error: t("exitWrongCurrency", { currency }) };
      if (r.value.amount.isNegative()) return { ok: false, error: t("exitNegative") };
      return { ok: true, value: r.value.amount };
    },
    [currency, t],
  );
  const exitValue = useMemo(() => parse(exitText), [parse, exitText]);
  const waterfall = useMemo(
    () => (exitValue.ok ? exitWaterfallOf(model, [exitValue.value]) : undefined),
    [model, exitValue],
  );

  const [ipoKind, setIpoKind] = useState<"price_per_share" | "pre_ipo_valuation">("pre_ipo_valuation");
  const [ipoText, setIpoText] = useState("");
  const ipoValue = useMemo(() => (ipoText.trim() === "" ? undefined : parse(ipoText)), [parse, ipoText]);
  const ipo = useMemo(() => {
    if (!ipoValue?.ok) return undefined;
    return exitIpoOf(
      model,
      ipoKind === "price_per_share"
        ? { kind: "price_per_share", price: ipoValue.value }
        : { kind: "pre_ipo_valuation", valuation: ipoValue.value },
    );
  }, [model, ipoKind, ipoValue]);

  const shown = by === "class" ? series.classes : series.holders;
  const xs = breakpoints.breakpoints.map((b) => b.exitValue);
  const end = [lastBreakpoint.mulInt(2n), exitValue.ok ? exitValue.value : Rational.ZERO].reduce((a, b) =>
    a.gt(b) ? a : b,
  );
  const points = [
    Rational.ZERO,
    ...xs.filter((x) => x.isPositive()),
    ...(end.gt(lastBreakpoint) ? [end] : []),
  ];
  const short = (x: number) => tickMoneyText(x, currency, locale);
  const chartTitle = by === "class" ? t("exitChartByClass") : t("exitChartByHolder");

  return (
    <section aria-labelledby={`${ids}-title`} className="exit">
      <h2 id={`${ids}-title`}>{t("exitTitle", { date: breakpoints.exitDate })}</h2>
      {scenarioSelector}
      <ReportFileButtons
        report="exit"
        query={{
          ...(scenario !== undefined ? { scenario } : {}),
          ...(exitValue.ok ? { at: exitValue.value.toDecimalString() } : {}),
        }}
      />
      <fieldset className="radio-group">
        <legend>{t("groupBy")}</legend>
        {(["class", "holder"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${ids}-by`}
              value={value}
              checked={by === value}
              onChange={() => setBy(value)}
            />
            {value === "holder" ? t("byHolder") : t("byClass")}
          </label>
        ))}
      </fieldset>
      <Chart
        title={chartTitle}
        height={340}
        option={payoutLinesOption(
          shown.map((s) => ({
            name: s.name,
            points: points.map((x) => [x.toNumber(), evaluatePiecewise(s.fn, x).toNumber()] as const),
          })),
          xs.map((x) => x.toNumber()),
          exitValue.ok ? exitValue.value.toNumber() : undefined,
          short,
        )}
        table={
          <table className="data compact" id="exit-curve-table">
            <caption>{chartTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t("exitValue")}</th>
                {shown.map((s) => (
                  <th scope="col" className="num" key={s.id}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((x) => (
                <tr key={x.toString()}>
                  <th scope="row" title={money(x)}>
                    {compact(x)}
                  </th>
                  {shown.map((s) => (
                    <td className="num" key={s.id} title={money(evaluatePiecewise(s.fn, x))}>
                      {compact(evaluatePiecewise(s.fn, x))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <ScrollRegion label={t("scrollableTable", { table: t("breakpointsTitle") })}>
        <table className="data" id="exit-breakpoints">
          <caption>{t("breakpointsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("exitValue")}
              </th>
              <th scope="col">{t("whatHappens")}</th>
              {breakpoints.classFunctions.map((c) => (
                <th scope="col" className="num" key={c.subject.id}>
                  {c.subject.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {breakpoints.breakpoints.map((b) => (
              <tr key={b.exitValue.toString()} data-exit-value={decimal(b.exitValue)}>
                <th scope="row" className="num" title={money(b.exitValue)}>
                  {compact(b.exitValue)}
                </th>
                <td>{b.events.map(eventText).join("; ") || t("exitStart")}</td>
                {b.classes.map((c) => (
                  <td className="num" key={c.shareClass.id} title={money(c.payout)}>
                    {compact(c.payout)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h3>{t("waterfallTitle")}</h3>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-exit`}>
          {t("exitValue")}
        </label>
        <input
          id={`${ids}-exit`}
          value={exitText}
          aria-invalid={exitValue.ok ? undefined : true}
          aria-describedby={exitValue.ok ? undefined : `${ids}-exit-error`}
          onChange={(e) => setExitText(e.currentTarget.value)}
        />
        {exitValue.ok ? null : (
          <p id={`${ids}-exit-error`} className="field-error">
            {exitValue.error}
          </p>
        )}
      </div>
      {waterfall?.ok && exitValue.ok ? (
        <>
          <Waterfall outcome={waterfall.value.outcomes[0]!} money={money} compact={compact} />
          <TrancheChart
            model={model}
            exitValue={exitValue.value}
            by={by}
            classNames={classNames}
            money={money}
            compact={compact}
            short={short}
          />
          <Multiples
            outcome={waterfall.value.outcomes[0]!}
            invested={basis.invested}
            holderFunctions={series.holders}
            money={money}
            compact={compact}
          />
        </>
      ) : waterfall && !waterfall.ok ? (
        <p className="field-error">
          {waterfall.problems.map((p) => (
            <ProblemText key={p.message} problem={p} />
          ))}
        </p>
      ) : null}

      <h3>{t("ipoTitle")}</h3>
      <fieldset className="radio-group">
        <legend>{t("ipoPricedBy")}</legend>
        {(["pre_ipo_valuation", "price_per_share"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${ids}-ipo-kind`}
              value={value}
              checked={ipoKind === value}
              onChange={() => setIpoKind(value)}
            />
            {value === "price_per_share" ? t("ipoPrice") : t("ipoValuation")}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-ipo`}>
          {ipoKind === "price_per_share" ? t("ipoPrice") : t("ipoValuation")}
        </label>
        <input
          id={`${ids}-ipo`}
          value={ipoText}
          aria-invalid={ipoValue && !ipoValue.ok ? true : undefined}
          aria-describedby={ipoValue && !ipoValue.ok ? `${ids}-ipo-error` : undefined}
          onChange={(e) => setIpoText(e.currentTarget.value)}
        />
        {ipoValue && !ipoValue.ok ? (
          <p id={`${ids}-ipo-error`} className="field-error">
            {ipoValue.error}
          </p>
        ) : null}
      </div>
      {ipo?.ok ? (
        <ScrollRegion label={t("scrollableTable", { table: t("ipoTitle") })}>
          <table className="data" id="exit-ipo">
            <caption>
              {t("ipoCaption", {
                price: money(ipo.value.pricePerShare, 4),
                valuation: compact(ipo.value.preIpoValuation),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("holder")}</th>
                <th scope="col" className="num">
                  {t("shares")}
                </th>
                <th scope="col" className="num">
                  {t("cash")}
                </th>
                <th scope="col" className="num">
                  {t("value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ipo.value.holders.map((h) => (
                <tr key={h.holder.id} data-holder={h.holder.id}>
                  <th scope="row">{h.holder.name}</th>
                  <td className="num">{formatDecimal(h.shares, 0, locale)}</td>
                  <td className="num" title={money(h.cash)}>
                    {compact(h.cash)}
                  </td>
                  <td className="num" title={money(h.value)}>
                    {compact(h.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : ipo ? (
        <p className="field-error">
          {ipo.problems.map((p) => (
            <ProblemText key={p.message} problem={p} />
          ))}
        </p>
      ) : null}
    </section>
  );
}

/** The waterfall at the chosen exit value by tranche, per class or per holder (SPEC WEB-19). */
function TrancheChart({
  model,
  exitValue,
  by,
  classNames,
  money,
  compact,
  short,
}: {
  model: ExitModel;
  exitValue: Rational;
  by: "class" | "holder";
  classNames: ReadonlyMap<string, string>;
  money: (x: Rational) => string;
  compact: (x: Rational) => string;
  short: (x: number) => string;
}) {
  const { t, locale } = useI18n();
  const split = useMemo(() => {
    const tranches = exitTranchesAt(model, exitValue, classNames);
    return tranches.ok ? tranches.value : undefined;
  }, [model, exitValue, classNames]);
  if (!split) return null;
  const rows = (by === "class" ? split.classes : split.holders).filter((r) => !r.total.isZero());
  const names = split.tranches.map((tr) =>
    tr.kind === "preference"
      ? t("tranchePreference", { rank: formatInteger(BigInt(tr.rank), locale) })
      : t(tr.kind === "participation" ? "trancheParticipation" : "trancheCommon"),
  );
  const title = t(by === "class" ? "trancheChartByClass" : "trancheChartByHolder", {
    value: compact(exitValue),
  });
  return (
    <Chart
      title={title}
      height={Math.max(240, 90 + rows.length * 34)}
      option={stackedBarsOption(
        rows.map((r) => ({ name: r.name, values: r.amounts.map((a) => a.toNumber()) })),
        names,
        short,
        TRANCHE_COLORS(split.tranches),
      )}
      table={
        <table className="data compact" id={`exit-tranches-table-${by}`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{by === "class" ? t("shareClass") : t("holder")}</th>
              {names.map((n) => (
                <th scope="col" className="num" key={n}>
                  {n}
                </th>
              ))}
              <th scope="col" className="num">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-row={r.id}>
                <th scope="row">{r.name}</th>
                {r.amounts.map((a, i) => (
                  <td className="num" key={names[i]} title={money(a)}>
                    {compact(a)}
                  </td>
                ))}
                <td className="num" title={money(r.total)}>
                  {compact(r.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** Preference levels in blues (the most senior darkest), participation in orange, common in green. */
function TRANCHE_COLORS(tranches: readonly Tranche[]): string[] {
  const blues = ["#1f4e79", "#2e6fa3", "#5b93c4", "#8db5da", "#b9d1e8"];
  return tranches.map((tr) =>
    tr.kind === "preference"
      ? (blues[Math.min(tr.rank - 1, blues.length - 1)] ?? "#8db5da")
      : tr.kind === "participation"
        ? "#e07b39"
        : "#3a9d5d",
  );
}

/**
 * Each holder's payout at the chosen exit value against what it invested (multiple on
 * invested capital = payout ÷ invested, exact, shown to two places, as the exit statement's
 * PDF and XLSX state it: `investedOf`), and the exit values where its payout changes slope.
 * A holder with shares of unknown price has no multiple.
 */
function Multiples({
  outcome,
  invested,
  holderFunctions,
  money,
  compact,
}: {
  outcome: WaterfallAtValue;
  invested: readonly HolderInvested[];
  holderFunctions: readonly PayoutSeries[];
  money: (x: Rational) => string;
  compact: (x: Rational) => string;
}) {
  const { t, locale } = useI18n();
  const investedBy = new Map(invested.map((h) => [h.holder.id, h.invested]));
  const rows = outcome.holders.filter((h) => {
    const put = investedBy.get(h.holder.id);
    return !h.total.isZero() || put === null || (put !== undefined && !put.isZero());
  });
  return (
    <ScrollRegion label={t("scrollableTable", { table: t("multiplesTitle") })}>
      <table className="data" id="exit-multiples">
        <caption>{t("multiplesAt", { value: compact(outcome.exitValue) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("holder")}</th>
            <th scope="col" className="num">
              {t("invested")}
            </th>
            <th scope="col" className="num">
              {t("payoutColumn")}
            </th>
            <th scope="col" className="num">
              {t("multipleColumn")}
            </th>
            <th scope="col">{t("holderBreakpoints")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => {
            const paid = h.total;
            const put = investedBy.get(h.holder.id);
            const fn = holderFunctions.find((f) => f.id === h.holder.id)?.fn;
            return (
              <tr key={h.holder.id} data-holder={h.holder.id}>
                <th scope="row">{h.holder.name}</th>
                <td className="num" title={put?.isPositive() ? money(put) : undefined}>
                  {put === null ? t("investedNotKnown") : put?.isPositive() ? compact(put) : "—"}
                </td>
                <td className="num" title={money(paid)}>
                  {compact(paid)}
                </td>
                <td className="num" data-cell="multiple">
                  {put?.isPositive() ? `${formatFixed(paid.div(put), 2, locale)}×` : "—"}
                </td>
                <td>
                  {fn
                    ? kinksOf(fn)
                        .map((x) => compact(x))
                        .join(", ") || "—"
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Waterfall({
  outcome,
  money,
  compact,
}: {
  outcome: WaterfallAtValue;
  money: (x: Rational, places?: number) => string;
  compact: (x: Rational) => string;
}) {
  const { t } = useI18n();
  const deductions = outcome.fees.add(outcome.debt).add(outcome.carveOut);
  return (
    <ScrollRegion label={t("scrollableTable", { table: t("waterfallTitle") })}>
      <table className="data" id="exit-waterfall">
        <caption>{t("waterfallAt", { value: compact(outcome.exitValue) })}</caption>
        <tbody>
          <tr data-row="deductions">
            <th scope="row">{t("feesDebtCarveOut")}</th>
            <td />
            <td className="num" title={money(deductions)}>
              {compact(deductions)}
            </td>
          </tr>
          <tr data-row="common-price">
            <th scope="row">{t("commonPrice")}</th>
            <td />
            <td className="num">{money(outcome.commonPrice, 4)}</td>
          </tr>
          {outcome.classes.map((c) => (
            <tr key={`class:${c.shareClass.id}`} data-class={c.shareClass.id}>
              <th scope="row">{t("classRow", { name: c.shareClass.name })}</th>
              <td>{positionStateText(c.state, t)}</td>
              <td className="num" title={money(c.payout)}>
                {compact(c.payout)}
              </td>
            </tr>
          ))}
          {outcome.holders
            .filter((h) => !h.total.isZero())
            .map((h) => (
              <tr key={`holder:${h.holder.id}`} data-holder={h.holder.id}>
                <th scope="row">{h.holder.name}</th>
                <td />
                <td className="num" title={money(h.total)}>
                  {compact(h.total)}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
