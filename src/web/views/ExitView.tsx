import { type ReactNode, useCallback, useId, useMemo, useState } from "react";
import { parseAmount } from "../../core/exact/amount-parse.js";
import { Rational } from "../../core/exact/rational.js";
import { classPayoutFunction, exitBreakpoints, holderPayoutFunction } from "../../core/exit/breakpoints.js";
import type { ExitModel } from "../../core/exit/model.js";
import { evaluatePiecewise, type PiecewiseLinear } from "../../core/exit/piecewise.js";
import { waterfallAt } from "../../core/exit/waterfall.js";
import type { ShareClass } from "../../core/ledger/share-class.js";
import { investedByHolder } from "../../core/ledger/views.js";
import { runDeal } from "../../core/round/timeline.js";
import { shareClassId, stakeholderId } from "../../core/shared/ids.js";
import { type Deal, withScenario } from "../../deal/build.js";
import {
  exitAtReport,
  exitBreakpointsReport,
  exitIpoReport,
  exitModelOf,
  exitTermsOf,
} from "../../report/exit-report.js";
import { scenarioNames } from "../../report/scenarios-report.js";
import { payoutLinesOption, stackedBarsOption } from "../charts/options.js";
import { niceCeiling } from "../components/AmountField.js";
import { Chart } from "../components/Chart.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { exitTranches, kinksOf, type Tranche } from "../engine/exit-tranches.js";
import { useI18n } from "../i18n/i18n.js";
import {
  formatDecimal,
  formatFixed,
  formatInteger,
  formatMoney,
  formatMoneyExactShort,
  formatMoneyShort,
} from "../i18n/number-format.js";
import { exitEventText, positionStateText } from "../i18n/report-text.js";

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
 * Who receives what at an exit (`roundtable exit`): each class's and holder's payout
 * against the exit value, drawn through its exact breakpoints (exitBreakpointsReport) and
 * listed in a table; the waterfall at an exit value typed in (exitAtReport); and each
 * holder's value at an IPO priced by a share price or a pre-IPO valuation (exitIpoReport).
 * For a deal with uncertain round amounts, the rounds are those of a chosen scenario (low,
 * base, high and the deal's own; base by default), as `roundtable exit --scenario`.
 */
export function ExitView({ deal }: { deal: Deal }) {
  const { t } = useI18n();
  const ids = useId();
  const currency = deal.ledger.company.currency;
  const uncertain = deal.uncertainty?.roundsUncertain ?? false;
  const [scenario, setScenario] = useState("base");
  const prepared = useMemo(() => {
    // As `roundtable exit --scenario`: the base scenario is the deal as loaded.
    const chosen =
      !uncertain || scenario === "base" ? { ok: true as const, value: deal } : withScenario(deal, scenario);
    if (!chosen.ok) return { ok: false as const, messages: chosen.problems.map((p) => p.message) };
    const inScenario = chosen.value;
    const run = runDeal(inScenario.ledger, inScenario.rounds);
    if (!run.ok) return { ok: false as const, messages: run.problems.map((p) => p.message) };
    const model = exitModelOf(run.value.final, exitTermsOf(inScenario, undefined));
    if (!model.ok) return { ok: false as const, messages: model.problems.map((p) => p.message) };
    return {
      ok: true as const,
      model: model.value,
      classes: [...run.value.final.classes.values()],
      invested: investedByHolder(run.value.final),
    };
  }, [deal, uncertain, scenario]);
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
  if (!prepared.ok) {
    return (
      <section aria-labelledby="exit-title">
        <h2 id="exit-title">{t("exit")}</h2>
        {scenarioSelector}
        <div className="notice error" role="alert">
          <p>{t("dealProblems")}</p>
          <ul>
            {prepared.messages.map((m) => (
              <li key={m} lang="en">
                {m}
              </li>
            ))}
          </ul>
        </div>
      </section>
    );
  }
  return (
    <ExitModelView
      model={prepared.model}
      currency={currency}
      classNames={prepared.classes}
      invested={prepared.invested}
      scenarioSelector={scenarioSelector}
      scenario={uncertain && scenario !== "base" ? scenario : undefined}
    />
  );
}

function ExitModelView({
  model,
  currency,
  classNames,
  invested,
  scenarioSelector,
  scenario,
}: {
  model: ExitModel;
  currency: Deal["ledger"]["company"]["currency"];
  classNames: readonly ShareClass[];
  invested: ReadonlyMap<string, Rational>;
  scenarioSelector: ReactNode;
  /** The scenario chosen, when not the deal as loaded: the file's `scenario` parameter. */
  scenario: string | undefined;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const money = (x: Rational, places = 0) =>
    formatMoney({ kind: "money", currency, amount: x }, places, locale);
  const moneyText = (text: string, places = 0) => money(Rational.parse(text)!, places);
  const [by, setBy] = useState<"class" | "holder">("class");

  const breakpoints = useMemo(() => exitBreakpointsReport(model, { eventDetails: true }), [model]);
  const className = useCallback(
    (id: string) => classNames.find((k) => k.id === id)?.name ?? id,
    [classNames],
  );
  const series = useMemo<{ classes: PayoutSeries[]; holders: PayoutSeries[] }>(() => {
    const bp = exitBreakpoints(model);
    return {
      classes: breakpoints.classFunctions.flatMap((c) => {
        const fn = classPayoutFunction(bp, shareClassId(c.id));
        const name = classNames.find((k) => k.id === c.id)?.name ?? c.id;
        return fn ? [{ id: c.id, name, fn }] : [];
      }),
      holders: breakpoints.holderFunctions.map((h) => ({
        id: h.id,
        name: h.name,
        fn: holderPayoutFunction(bp, stakeholderId(h.id)),
      })),
    };
  }, [model, breakpoints, classNames]);

  const lastBreakpoint = Rational.parse(breakpoints.breakpoints.at(-1)?.exitValue ?? "0")!;
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
    () => (exitValue.ok ? exitAtReport(model, [exitValue.value]) : undefined),
    [model, exitValue],
  );

  const [ipoKind, setIpoKind] = useState<"price_per_share" | "pre_ipo_valuation">("pre_ipo_valuation");
  const [ipoText, setIpoText] = useState("");
  const ipoValue = useMemo(() => (ipoText.trim() === "" ? undefined : parse(ipoText)), [parse, ipoText]);
  const ipo = useMemo(() => {
    if (!ipoValue?.ok) return undefined;
    return exitIpoReport(
      model,
      ipoKind === "price_per_share"
        ? { kind: "price_per_share", price: ipoValue.value }
        : { kind: "pre_ipo_valuation", valuation: ipoValue.value },
    );
  }, [model, ipoKind, ipoValue]);

  const shown = by === "class" ? series.classes : series.holders;
  const xs = breakpoints.breakpoints.map((b) => Rational.parse(b.exitValue)!);
  const end = [lastBreakpoint.mulInt(2n), exitValue.ok ? exitValue.value : Rational.ZERO].reduce((a, b) =>
    a.gt(b) ? a : b,
  );
  const points = [
    Rational.ZERO,
    ...xs.filter((x) => x.isPositive()),
    ...(end.gt(lastBreakpoint) ? [end] : []),
  ];
  const short = (x: number) =>
    formatMoneyShort(
      { kind: "money", currency, amount: Rational.parse(x.toPrecision(6)) ?? Rational.ZERO },
      locale,
      1,
    );
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
                  <th scope="row">{money(x)}</th>
                  {shown.map((s) => (
                    <td className="num" key={s.id}>
                      {money(evaluatePiecewise(s.fn, x))}
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
                <th scope="col" className="num" key={c.id}>
                  {classNames.find((k) => k.id === c.id)?.name ?? c.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {breakpoints.breakpoints.map((b) => (
              <tr key={b.exitValue} data-exit-value={b.exitValue}>
                <th scope="row" className="num">
                  {moneyText(b.exitValue)}
                </th>
                <td>
                  {(b.eventDetails ?? []).map((e) => exitEventText(e, t, locale, className)).join("; ") ||
                    t("exitStart")}
                </td>
                {b.classes.map((c) => (
                  <td className="num" key={c.id}>
                    {moneyText(c.payout)}
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
          <Waterfall outcome={waterfall.value.outcomes[0]!} moneyText={moneyText} classNames={classNames} />
          <TrancheChart
            model={model}
            exitValue={exitValue.value}
            by={by}
            className={className}
            money={money}
            short={short}
          />
          <Multiples
            outcome={waterfall.value.outcomes[0]!}
            invested={invested}
            holderFunctions={series.holders}
            money={money}
          />
        </>
      ) : waterfall && !waterfall.ok ? (
        <p className="field-error">{waterfall.problems.map((p) => p.message).join("; ")}</p>
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
                price: moneyText(ipo.value.pricePerShare, 4),
                valuation: moneyText(ipo.value.preIpoValuation),
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
                <tr key={h.id} data-holder={h.id}>
                  <th scope="row">{h.name}</th>
                  <td className="num">{formatDecimal(Rational.parse(h.shares)!, 0, locale)}</td>
                  <td className="num">{moneyText(h.cash)}</td>
                  <td className="num">{moneyText(h.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : ipo ? (
        <p className="field-error" lang="en">
          {ipo.problems.map((p) => p.message).join("; ")}
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
  className,
  money,
  short,
}: {
  model: ExitModel;
  exitValue: Rational;
  by: "class" | "holder";
  className: (id: string) => string;
  money: (x: Rational) => string;
  short: (x: number) => string;
}) {
  const { t, locale } = useI18n();
  const split = useMemo(() => {
    const outcome = waterfallAt(model, exitValue);
    return outcome.ok ? exitTranches(model, outcome.value, className) : undefined;
  }, [model, exitValue, className]);
  if (!split) return null;
  const rows = (by === "class" ? split.classes : split.holders).filter((r) => !r.total.isZero());
  const names = split.tranches.map((tr) =>
    tr.kind === "preference"
      ? t("tranchePreference", { rank: formatInteger(BigInt(tr.rank), locale) })
      : t(tr.kind === "participation" ? "trancheParticipation" : "trancheCommon"),
  );
  const title = t(by === "class" ? "trancheChartByClass" : "trancheChartByHolder", {
    value: money(exitValue),
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
                  <td className="num" key={names[i]}>
                    {money(a)}
                  </td>
                ))}
                <td className="num">{money(r.total)}</td>
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
 * invested capital = payout ÷ invested, exact, shown to two places), and the exit values
 * where its payout changes slope.
 */
function Multiples({
  outcome,
  invested,
  holderFunctions,
  money,
}: {
  outcome: Outcome;
  invested: ReadonlyMap<string, Rational>;
  holderFunctions: readonly PayoutSeries[];
  money: (x: Rational) => string;
}) {
  const { t, locale } = useI18n();
  const rows = outcome.holders.filter((h) => h.total !== "0" || invested.has(h.id));
  return (
    <ScrollRegion label={t("scrollableTable", { table: t("multiplesTitle") })}>
      <table className="data" id="exit-multiples">
        <caption>{t("multiplesAt", { value: money(Rational.parse(outcome.exitValue)!) })}</caption>
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
            const paid = Rational.parse(h.total)!;
            const put = invested.get(h.id);
            const fn = holderFunctions.find((f) => f.id === h.id)?.fn;
            return (
              <tr key={h.id} data-holder={h.id}>
                <th scope="row">{h.name}</th>
                <td className="num">{put ? money(put) : "—"}</td>
                <td className="num">{money(paid)}</td>
                <td className="num" data-cell="multiple">
                  {put?.isPositive() ? `${formatFixed(paid.div(put), 2, locale)}×` : "—"}
                </td>
                <td>
                  {fn
                    ? kinksOf(fn)
                        .map((x) => money(x))
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

type Outcome = Extract<ReturnType<typeof exitAtReport>, { ok: true }>["value"]["outcomes"][number];

function Waterfall({
  outcome,
  moneyText,
  classNames,
}: {
  outcome: Outcome;
  moneyText: (text: string, places?: number) => string;
  classNames: readonly ShareClass[];
}) {
  const { t } = useI18n();
  const deductions = Rational.parse(outcome.fees)!
    .add(Rational.parse(outcome.debt)!)
    .add(Rational.parse(outcome.carveOut)!);
  return (
    <ScrollRegion label={t("scrollableTable", { table: t("waterfallTitle") })}>
      <table className="data" id="exit-waterfall">
        <caption>{t("waterfallAt", { value: moneyText(outcome.exitValue) })}</caption>
        <tbody>
          <tr data-row="deductions">
            <th scope="row">{t("feesDebtCarveOut")}</th>
            <td />
            <td className="num">{moneyText(deductions.toDecimalString(18))}</td>
          </tr>
          <tr data-row="common-price">
            <th scope="row">{t("commonPrice")}</th>
            <td />
            <td className="num">{moneyText(outcome.commonPrice, 4)}</td>
          </tr>
          {outcome.classes.map((c) => (
            <tr key={`class:${c.id}`} data-class={c.id}>
              <th scope="row">
                {t("classRow", { name: classNames.find((k) => k.id === c.id)?.name ?? c.name })}
              </th>
              <td>{positionStateText(c.state, t)}</td>
              <td className="num">{moneyText(c.payout)}</td>
            </tr>
          ))}
          {outcome.holders
            .filter((h) => h.total !== "0")
            .map((h) => (
              <tr key={`holder:${h.id}`} data-holder={h.id}>
                <th scope="row">{h.name}</th>
                <td />
                <td className="num">{moneyText(h.total)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
