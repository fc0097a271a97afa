import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { type ModelHolder, type ModelReport, type ModelTotals, modelReportOf } from "../../app/model.js";
import { claimNamer } from "../../app/names.js";
import {
  type BasisSwitch,
  type FieldErrors,
  type PricingBasis,
  type Recompute,
  type RoundEdit,
  RoundSession,
  switchPricingBasis,
} from "../../app/round-session.js";
import { compactMoney, type Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { Deal } from "../../deal/build.js";
import { Fraction } from "../../deal/scalars.js";
import { claimsBySource } from "../../report/format.js";
import { explanationFr } from "../../report/fr.js";
import { modelJson } from "../../report/model-report.js";
import { pricingText } from "../../report/model-text.js";
import { jsonText, modelCsv } from "../../report/text-formats.js";
import type { RoundDraft } from "../app/drafts.js";
import { replaceHash } from "../app/routes.js";
import { type BeforeAfter, beforeAfterOption, dilutionOption, type Slice } from "../charts/options.js";
import { AmountField } from "../components/AmountField.js";
import { Chart } from "../components/Chart.js";
import { Pager, usePage } from "../components/Pager.js";
import { PercentField } from "../components/PercentField.js";
import { ProblemText } from "../components/ProblemText.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { whatIfFromQuery, whatIfQuery } from "../engine/what-if-link.js";
import { download, fileStem } from "../export/download.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import {
  formatInteger,
  formatMoney,
  formatMoneyExactShort,
  formatMoneyForInput,
  formatPercent,
  formatRatioPercent,
  type Locale,
} from "../i18n/number-format.js";

/** The standard scenarios' names in the interface's language (one word per concept with the CLI's "scénario de base"). */
const SCENARIO_KEYS = { low: "scenarioLow", base: "scenarioBase", high: "scenarioHigh" } as const;

/** The three ways of counting a holding that the pro forma switches between. */
type OwnershipBasis = keyof ModelTotals;

const OWNERSHIP_BASES: readonly OwnershipBasis[] = ["fullyDiluted", "asConverted", "outstanding"];

/**
 * A holder's shares on a basis, before or after the round, read off the model's typed
 * report (a pool's unallocated options count only in the fully diluted column).
 */
function sharesOn(h: ModelHolder, basis: OwnershipBasis, when: "before" | "after"): bigint {
  const before = when === "before";
  switch (basis) {
    case "outstanding":
      return before ? h.sharesBefore : h.sharesAfter;
    case "asConverted":
      return before ? h.asConvertedSharesBefore : h.asConvertedSharesAfter;
    case "fullyDiluted":
      return before ? h.fullyDilutedSharesBefore : h.fullyDilutedSharesAfter;
  }
}

function totalOn(report: ModelReport, basis: OwnershipBasis, when: "before" | "after"): bigint {
  return (when === "before" ? report.round.totalsBefore : report.round.totalsAfter)[basis];
}

/** A holder's fraction of the total on a basis as integers (count, total): formatted without reducing. */
function ownershipRatio(
  h: ModelHolder,
  report: ModelReport,
  basis: OwnershipBasis,
  when: "before" | "after",
): [bigint, bigint] {
  return [sharesOn(h, basis, when), totalOn(report, basis, when)];
}

/**
 * Relative dilution 1 − (a/A)/(b/B) as integers (b·A − a·B, b·A); undefined for a holder
 * with nothing before, a new holder or a pool. On the fully diluted basis it is the
 * report's own `dilution`, written without reducing the fraction.
 */
function dilutionRatio(
  h: ModelHolder,
  report: ModelReport,
  basis: OwnershipBasis,
): [bigint, bigint] | undefined {
  const b = sharesOn(h, basis, "before");
  const bigA = totalOn(report, basis, "after");
  if (h.kind !== "stakeholder" || b === 0n || bigA === 0n) return undefined;
  const den = b * bigA;
  return [den - sharesOn(h, basis, "after") * totalOn(report, basis, "before"), den];
}

function ratio(r: [bigint, bigint]): Rational {
  return r[1] === 0n ? Rational.ZERO : Rational.of(r[0], r[1]);
}

/**
 * Orders holders by dilution, most diluted first, then those with no dilution (new holders,
 * pools). With the same totals for every row, a larger dilution is a smaller after/before:
 * compared as a₁·b₂ against a₂·b₁ in integers.
 */
function compareByDilution(basis: OwnershipBasis) {
  return (x: ModelHolder, y: ModelHolder): number => {
    const xb = x.kind === "stakeholder" ? sharesOn(x, basis, "before") : 0n;
    const yb = y.kind === "stakeholder" ? sharesOn(y, basis, "before") : 0n;
    if (xb === 0n || yb === 0n) return xb === yb ? 0 : xb === 0n ? 1 : -1;
    const left = sharesOn(x, basis, "after") * yb;
    const right = sharesOn(y, basis, "after") * xb;
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

/** Orders holders by their holding after the round, largest first (counts share one total). */
function compareByHoldingAfter(basis: OwnershipBasis) {
  return (a: ModelHolder, b: ModelHolder): number => {
    const x = sharesOn(a, basis, "after");
    const y = sharesOn(b, basis, "after");
    return x > y ? -1 : x < y ? 1 : 0;
  };
}

/** A row's display name: a stakeholder's name, or a pool's unallocated options in the interface's words. */
function holderName(
  h: ModelHolder,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
) {
  return h.kind === "unallocated_pool" && h.pool
    ? t("unallocatedPool", { name: h.pool.name })
    : h.holder.name;
}

/** Holders drawn one by one in the ownership chart; the others are summed into one bar. */
const CHART_ROWS = 9;
const BASES: readonly PricingBasis[] = ["pre_money", "post_money", "price_per_share"];
const BASIS_LABEL: Record<OwnershipBasis, MessageKey> = {
  fullyDiluted: "fullyDiluted",
  asConverted: "asConverted",
  outstanding: "outstanding",
};

export interface Computed {
  readonly result: Recompute;
  /** The model use case's typed pro forma of the priced round (what `roundtable model` reports). */
  readonly report: ModelReport | undefined;
  /** performance.now() time of the exact recompute (priceRound and the typed report), in ms. */
  readonly ms: number;
}

/**
 * Prices the edited round on the session's cached cap table and builds the model's typed
 * report of it (`modelReportOf`, the one pro-forma builder, given the cached view of the
 * table before the round); timed.
 */
export function compute(session: RoundSession, edit: RoundEdit): Computed {
  const started = performance.now();
  const result = session.recompute(edit);
  const report = result.ok
    ? modelReportOf(session.deal, result.outcome, result.warnings, session.beforeView)
    : undefined;
  return { result, report, ms: performance.now() - started };
}

export function RoundBuilder({
  deal,
  roundId,
  draft,
  onDraft,
  fileName,
  linkQuery,
}: {
  deal: Deal;
  roundId: string;
  draft: RoundDraft | undefined;
  onDraft: (draft: RoundDraft | undefined) => void;
  fileName: string;
  /** The route's query, which may hold a what-if link's state (WEB-AUTH-6). */
  linkQuery?: URLSearchParams;
}) {
  const { t } = useI18n();
  const opened = useMemo(() => RoundSession.open(deal, roundId), [deal, roundId]);
  if (!opened.ok) {
    return (
      <div className="notice error" role="alert">
        <p>{t("dealProblems")}</p>
        <ul>
          {opened.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and keep their order.
            <li key={i}>
              <ProblemText problem={p} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <Builder
      session={opened.session}
      draft={draft}
      onDraft={onDraft}
      fileName={fileName}
      {...(linkQuery ? { linkQuery } : {})}
    />
  );
}

/** The what-if as a link (WEB-AUTH-6): the address of this round with the fields' state in its query. */
function WhatIfLink({ edit }: { edit: RoundEdit }) {
  const { locale } = useI18n();
  const [shown, setShown] = useState<string>();
  const label = locale === "fr" ? "Lien vers ce scénario" : "Link to this what-if";
  return (
    <div className="what-if-link">
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          const [page] = window.location.href.split("#");
          const [path] = window.location.hash.split("?");
          const link = `${page}${path}?${whatIfQuery(edit)}`;
          setShown(link);
          try {
            await navigator.clipboard.writeText(link);
          } catch {
            // No clipboard (an insecure page, a test): the link is shown to copy by hand.
          }
        }}
      >
        {label}
      </button>
      {shown ? (
        <p className="field-help">
          <code className="invitation-link" id="what-if-link">
            {shown}
          </code>
        </p>
      ) : null}
    </div>
  );
}

function writer(locale: Locale) {
  return (value: Money) => formatMoneyExactShort(value, locale);
}

function Builder({
  session,
  draft,
  onDraft,
  fileName,
  linkQuery,
}: {
  session: RoundSession;
  draft: RoundDraft | undefined;
  onDraft: (draft: RoundDraft | undefined) => void;
  fileName: string;
  linkQuery?: URLSearchParams;
}) {
  const { t, locale } = useI18n();
  const initial = useMemo(
    () => draft?.initial ?? session.initialEdit(writer(locale)),
    [draft?.initial, session, locale],
  );
  // A what-if link shows its state until the reader moves something (WEB-AUTH-6).
  const linkText = linkQuery?.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: linkText stands for the query's content.
  const linked = useMemo(
    () => (linkQuery ? whatIfFromQuery(linkQuery, initial.amountTexts.length) : undefined),
    [linkText, initial.amountTexts.length],
  );
  const edit = linked ?? draft?.current ?? initial;
  const computed = useMemo(() => compute(session, edit), [session, edit]);
  const lastGood = useRef<Computed | undefined>(undefined);
  if (computed.result.ok) lastGood.current = computed;
  const shown = computed.result.ok ? computed : lastGood.current;
  const errors: FieldErrors = computed.result.ok ? {} : computed.result.errors;

  const setEdit = useCallback(
    (next: RoundEdit) => {
      onDraft({ initial, current: next });
      // The reader's own edit from here: the link's state leaves the address.
      if (linked) replaceHash(window.location.hash.split("?")[0] ?? "");
    },
    [onDraft, initial, linked],
  );
  const terms = session.baseTerms;
  const company = session.deal.ledger.company.name;
  const assumedFields = session.deal.assumedFields;
  const roundIndex = session.deal.document.rounds.findIndex((r) => r.id === terms.id);
  const assumptionOf = (field: string) => assumedFields.get(`rounds[${roundIndex}].${field}`);

  // The last switch of pricing basis, so that switching back restores the stated figure.
  const lastSwitch = useRef<BasisSwitch | undefined>(undefined);
  const switchBasis = (basis: PricingBasis) => {
    const outcome = shown?.result.ok ? shown.result.outcome : undefined;
    const derive = (to: PricingBasis) =>
      outcome
        ? formatMoneyExactShort(
            to === "pre_money"
              ? outcome.preMoneyValuation
              : to === "post_money"
                ? outcome.postMoneyValuation
                : outcome.pricePerShare,
            locale,
          )
        : undefined;
    const next = switchPricingBasis(edit, basis, derive, lastSwitch.current);
    lastSwitch.current = next.switched;
    setEdit(next.edit);
  };

  const readMoney = (text: string) => {
    const read = session.readAmount(text);
    return read.ok ? read.value : undefined;
  };
  const pricingKey =
    edit.basis === "pre_money" ? "preMoney" : edit.basis === "post_money" ? "postMoney" : "pricePerShare";
  const pricingAssumption = edit.basis === terms.pricing.basis ? assumptionOf(pricingKey) : undefined;
  const stakeholderName = (id: string) =>
    session.deal.ledger.stakeholders.find((s) => s.id === id)?.name ?? id;

  return (
    <div className="round-builder">
      <h2 className="print-only">{t("roundTitle", { company, round: terms.name })}</h2>
      <div className="builder-grid">
        <form className="terms no-print" aria-labelledby="terms-title" onSubmit={(e) => e.preventDefault()}>
          <h2 id="terms-title">{t("roundTerms")}</h2>
          <p id="amount-help" className="field-help">
            {t("typedHelp", {
              example: formatMoneyForInput(
                { kind: "money", currency: session.currency, amount: Rational.of(50_000_000_000n) },
                "en",
              ),
              example2: formatMoneyForInput(
                { kind: "money", currency: session.currency, amount: Rational.of(40_000_000_000n) },
                "fr",
              ),
            })}
          </p>
          {session.deal.scenario && session.deal.roundsUncertain ? (
            <p className="notice" id="scenario-note">
              {t("fromScenario", {
                scenario:
                  session.deal.scenario.name in SCENARIO_KEYS
                    ? t(
                        SCENARIO_KEYS[session.deal.scenario.name as keyof typeof SCENARIO_KEYS],
                      ).toLocaleLowerCase(locale)
                    : session.deal.scenario.name,
                // The claims by what they are about, grouped by source, as the reports name them.
                claims: claimsBySource(session.deal.scenario.claims.map(claimNamer(session.deal))).join("; "),
              })}
            </p>
          ) : null}
          <div className="field">
            <label className="field-label" htmlFor="pricing-basis">
              {t("pricingBasis")}
            </label>
            <select
              id="pricing-basis"
              value={edit.basis}
              onChange={(e) => switchBasis(e.currentTarget.value as PricingBasis)}
            >
              {BASES.map((b) => (
                <option key={b} value={b}>
                  {t(`basis_${b}`)}
                </option>
              ))}
            </select>
          </div>
          <AmountField
            // A new basis is a new quantity (a price, not a valuation): the slider's range starts afresh.
            key={edit.basis}
            id="pricing"
            label={t(`basis_${edit.basis}`)}
            text={edit.valueText}
            value={readMoney(edit.valueText)}
            currency={session.currency}
            onChange={(text) => setEdit({ ...edit, valueText: text })}
            helpId="amount-help"
            error={errors.pricing}
            note={pricingAssumption ? t("assumptionLabel", { id: pricingAssumption }) : undefined}
          />
          <fieldset className="investments">
            <legend>{t("investments")}</legend>
            {terms.investments.map((inv, i) => {
              const text = edit.amountTexts[i];
              const name = stakeholderName(inv.investor);
              if (text === null || text === undefined) {
                const computedAmount = shown?.result.ok
                  ? shown.result.outcome.investments[i]?.accepted
                  : undefined;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the investments keep their order; an investor may invest twice.
                  <p key={`${inv.investor}:${i}`} className="field-help">
                    {t("proRataComputed", {
                      investor: name,
                      amount: computedAmount ? formatMoneyForInput(computedAmount, locale, 4) : "—",
                    })}
                  </p>
                );
              }
              const assumption = assumptionOf(`investments[${i}].amount`);
              return (
                <AmountField
                  // biome-ignore lint/suspicious/noArrayIndexKey: the investments keep their order; an investor may invest twice.
                  key={`${inv.investor}:${i}`}
                  id={`amount-${i}`}
                  label={t("investorAmount", { investor: name })}
                  text={text}
                  value={readMoney(text)}
                  currency={session.currency}
                  onChange={(next) => {
                    const amountTexts = [...edit.amountTexts];
                    amountTexts[i] = next;
                    setEdit({ ...edit, amountTexts });
                  }}
                  error={errors[`amount:${i}`]}
                  helpId="amount-help"
                  note={assumption ? t("assumptionLabel", { id: assumption }) : undefined}
                />
              );
            })}
          </fieldset>
          {terms.pool.kind === "target_fraction" && edit.poolTargetText !== null ? (
            <PercentField
              id="pool-target"
              label={t("poolTarget")}
              text={edit.poolTargetText}
              value={(() => {
                const read = Fraction.safeParse(edit.poolTargetText);
                return read.success ? read.data : undefined;
              })()}
              onChange={(text) => setEdit({ ...edit, poolTargetText: text })}
              error={errors.poolTarget}
            />
          ) : terms.pool.kind === "shares" ? (
            <p className="field-help">
              {t("poolShares", { shares: formatInteger(terms.pool.shares, locale) })}
            </p>
          ) : (
            <p className="field-help">{t("noPool")}</p>
          )}
          <button type="button" className="secondary" onClick={() => onDraft(undefined)} disabled={!draft}>
            {t("resetRound")}
          </button>
          <WhatIfLink edit={edit} />
        </form>
        <section className="results" aria-labelledby="results-title">
          <h2 id="results-title" className="no-print">
            {t("results")}
          </h2>
          {errors.round ? (
            <div className="notice error" role="alert">
              <p>{t("cannotPrice")}</p>
              <p>{errors.round}</p>
            </div>
          ) : null}
          {shown?.report && shown.result.ok ? (
            <Results session={session} computed={shown} stale={!computed.result.ok} fileName={fileName} />
          ) : null}
        </section>
      </div>
    </div>
  );
}

function Results({
  session,
  computed,
  stale,
  fileName,
}: {
  session: RoundSession;
  computed: Computed;
  stale: boolean;
  fileName: string;
}) {
  const { t, locale } = useI18n();
  const [basis, setBasis] = useState<OwnershipBasis>("fullyDiluted");
  const pf = computed.report!;
  const r0 = pf.round;
  const result = computed.result as Extract<Recompute, { ok: true }>;
  const money = (m: Money) => formatMoney(m, 2, locale);
  // The figures as people read them, as the CLI, PDF and XLSX write them; exact on hover.
  const short = (m: Money) => compactMoney(m, locale);
  const basisLabel = t(BASIS_LABEL[basis]);

  // The charts follow the figures and the table at a lower priority (React's deferred
  // value): while a slider moves, the numbers update at once and the charts as soon as the
  // page is idle, drawing the same exact outcome a moment later.
  const chartPf = useDeferredValue(pf);
  // Only the rows a chart draws get exact fractions; choosing them compares integer counts.
  const chartRows = useMemo<BeforeAfter[]>(() => {
    const pf = chartPf;
    const held = pf.holders.filter(
      (h) => sharesOn(h, basis, "before") > 0n || sharesOn(h, basis, "after") > 0n,
    );
    const toChart = (h: ModelHolder): BeforeAfter => ({
      name: holderName(h, t),
      before: ratio(ownershipRatio(h, pf, basis, "before")),
      after: ratio(ownershipRatio(h, pf, basis, "after")),
    });
    if (held.length <= CHART_ROWS + 1) return held.map(toChart);
    const sorted = [...held].sort(compareByHoldingAfter(basis));
    const rest = sorted.slice(CHART_ROWS);
    let before = 0n;
    let after = 0n;
    for (const h of rest) {
      before += sharesOn(h, basis, "before");
      after += sharesOn(h, basis, "after");
    }
    return [
      ...sorted.slice(0, CHART_ROWS).map(toChart),
      {
        name: t("others", { count: rest.length }),
        before: ratio([before, totalOn(pf, basis, "before")]),
        after: ratio([after, totalOn(pf, basis, "after")]),
      },
    ];
  }, [chartPf, basis, t]);

  const dilutionRows = useMemo<Slice[]>(() => {
    const pf = chartPf;
    const rows = pf.holders.filter((h) => h.kind === "stakeholder" && sharesOn(h, basis, "before") > 0n);
    return [...rows]
      .sort(compareByDilution(basis))
      .slice(0, 10)
      .map((h) => {
        const d = dilutionRatio(h, pf, basis);
        return { name: h.holder.name, value: d ? ratio(d) : Rational.ZERO };
      });
  }, [chartPf, basis]);
  const ownershipOption = useMemo(
    () =>
      beforeAfterOption(chartRows, { before: t("before"), after: t("after") }, (v) =>
        formatPercent(v, 4, locale),
      ),
    [chartRows, t, locale],
  );
  const dilutionChartOption = useMemo(
    () => dilutionOption(dilutionRows, t("dilution"), (v) => formatPercent(v, 4, locale)),
    [dilutionRows, t, locale],
  );

  // The exports are the model's JSON of the report shown (what `roundtable model --format json` writes).
  const report = () => modelJson(pf);
  const stem = `${fileStem(session.deal.ledger.company.name)}-${fileStem(result.terms.id)}`;

  // Screen readers hear the outcome once the terms settle, not at every slider step.
  const summary = t("announce", {
    price: formatMoney(r0.pricePerShare, 4, locale),
    post: short(r0.postMoneyValuation),
    newMoney: short(r0.newMoney),
  });
  const announcement = useSettled(summary, 700);

  return (
    <div className={stale ? "stale" : undefined} data-recompute-ms={computed.ms.toFixed(3)}>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {stale ? (
        <p className="notice warning no-print" role="status">
          {t("staleResults")}
        </p>
      ) : null}
      <dl className="figures">
        <div>
          <dt>{t("pricePerShare")}</dt>
          <dd id="figure-price">{formatMoney(r0.pricePerShare, 4, locale)}</dd>
          {!r0.exactPricePerShare.amount.eq(r0.pricePerShare.amount) ? (
            <dd className="muted">
              {t("exactPrice", { price: formatMoney(r0.exactPricePerShare, 10, locale) })}
            </dd>
          ) : null}
        </div>
        <div>
          <dt>{t("preMoney")}</dt>
          <dd id="figure-pre-money" title={money(r0.preMoneyValuation)}>
            {short(r0.preMoneyValuation)}
          </dd>
        </div>
        <div>
          <dt>{t("newMoney")}</dt>
          <dd id="figure-new-money" title={money(r0.newMoney)}>
            {short(r0.newMoney)}
          </dd>
        </div>
        <div>
          <dt>{t("postMoney")}</dt>
          <dd id="figure-post-money" title={money(r0.postMoneyValuation)}>
            {short(r0.postMoneyValuation)}
          </dd>
          <dd className="muted" id="figure-post-money-exact">
            {money(r0.postMoneyValuation)}
          </dd>
        </div>
        <div>
          <dt>{t("newShares")}</dt>
          <dd>{formatInteger(r0.newShares, locale)}</dd>
        </div>
        {r0.conversionShares > 0n ? (
          <div>
            <dt>{t("conversionShares")}</dt>
            <dd>{formatInteger(r0.conversionShares, locale)}</dd>
          </div>
        ) : null}
        {r0.poolIncrease > 0n ? (
          <div>
            <dt>{t("poolIncrease")}</dt>
            <dd id="figure-pool-increase">{formatInteger(r0.poolIncrease, locale)}</dd>
          </div>
        ) : null}
      </dl>
      {r0.pricing.code === "valuation_differs_from_stated" ? (
        // Why the priced valuation is not the stated one, from the report's explanation
        // (ROUND-5, ROUND-6): the CLI's words in English, src/report/fr.ts's in French.
        <p className="muted no-print" id="pricing-note">
          {locale === "en"
            ? pricingText(r0.pricing, pf.company.currency, {})
                .trim()
                .replace(/^\((.*)\)$/, "$1")
            : explanationFr(r0.pricing, pf.company.currency)}
        </p>
      ) : null}
      <p className="muted no-print recompute-time">{t("recomputeTime", { ms: computed.ms.toFixed(1) })}</p>
      {r0.oversubscribed ? <p className="notice warning">{t("oversubscribed")}</p> : null}
      {result.warnings.length > 0 ? (
        <div className="notice warning">
          <p>{t("warnings")}</p>
          <ul>
            {result.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id and keep their order.
              <li key={i}>
                <ProblemText problem={w} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <ReportFileButtons
        report="model"
        query={{ round: result.terms.id }}
        disabled={stale}
        legend={t("exportTitle")}
        // The workbook of the pro forma shown, rendered in the page from its typed report by
        // the renderer the CLI and the server use (loaded when asked for): no server needed.
        document={async (context) => {
          const { proFormaDocument, proFormaFiguresOf } = await import("../../render/reports/pro-forma.js");
          return proFormaDocument(proFormaFiguresOf(pf), context);
        }}
      >
        <button
          type="button"
          onClick={() => download(`${stem}.csv`, modelCsv(report()), "text/csv;charset=utf-8")}
        >
          {t("exportCsv")}
        </button>
        <button
          type="button"
          onClick={() => download(`${stem}.json`, jsonText(report()), "application/json")}
        >
          {t("exportJson")}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t("printSummary")}
        </button>
      </ReportFileButtons>

      <fieldset className="radio-group no-print">
        <legend>{t("ownershipBasis")}</legend>
        {OWNERSHIP_BASES.map((b) => (
          <label key={b}>
            <input
              type="radio"
              name="ownership-basis"
              value={b}
              checked={basis === b}
              onChange={() => setBasis(b)}
            />
            {t(BASIS_LABEL[b])}
          </label>
        ))}
      </fieldset>

      <div className="charts">
        <Chart
          title={t("ownershipChart", { basis: basisLabel })}
          option={ownershipOption}
          table={<BeforeAfterTable rows={chartRows} caption={t("ownershipChart", { basis: basisLabel })} />}
          height={Math.max(220, chartRows.length * 34 + 60)}
        />
        <Chart
          title={t("dilutionChart", { basis: basisLabel })}
          option={dilutionChartOption}
          table={<DilutionTable rows={dilutionRows} caption={t("dilutionChart", { basis: basisLabel })} />}
          height={Math.max(160, dilutionRows.length * 28 + 40)}
        />
      </div>

      <HolderTable pf={pf} basis={basis} />
      <ClassTable pf={pf} />
      <Assumptions report={pf} />
      <p className="print-only muted">
        {t("printedOn")} {fileName}
      </p>
    </div>
  );
}

/** `value` once it has not changed for `delay` ms. */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

function BeforeAfterTable({ rows, caption }: { rows: readonly BeforeAfter[]; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <table className="data compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("holder")}</th>
          <th scope="col" className="num">
            {t("before")}
          </th>
          <th scope="col" className="num">
            {t("after")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{formatPercent(r.before, 4, locale)}</td>
            <td className="num">{formatPercent(r.after, 4, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DilutionTable({ rows, caption }: { rows: readonly Slice[]; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <table className="data compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("holder")}</th>
          <th scope="col" className="num">
            {t("dilution")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{formatPercent(r.value, 4, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type SortKey = "declared" | "ownershipAfter" | "dilution";

function HolderTable({ pf, basis }: { pf: ModelReport; basis: OwnershipBasis }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<SortKey>("declared");
  const [filter, setFilter] = useState("");
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let list = pf.holders.filter(
      (h) =>
        (sharesOn(h, basis, "before") > 0n || sharesOn(h, basis, "after") > 0n) &&
        (needle === "" || h.holder.name.toLowerCase().includes(needle)),
    );
    if (sort === "ownershipAfter") list = [...list].sort(compareByHoldingAfter(basis));
    if (sort === "dilution") {
      const d = new Map(list.map((h) => [h, ratio(dilutionRatio(h, pf, basis) ?? [-2n, 1n])]));
      list = [...list].sort((a, b) => d.get(b)!.cmp(d.get(a)!));
    }
    return list;
  }, [pf, basis, sort, filter]);
  const page = usePage(rows, `${sort}:${filter}:${basis}`);
  const basisLabel = t(BASIS_LABEL[basis]);
  return (
    <section className="holders" aria-labelledby="holders-title">
      <h3 id="holders-title">
        {t("holdersTable")} — {basisLabel}
      </h3>
      <div className="controls no-print">
        <div className="field">
          <label className="field-label" htmlFor="holder-sort">
            {t("sortBy")}
          </label>
          <select id="holder-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
            <option value="declared">{t("sortDeclared")}</option>
            <option value="ownershipAfter">{t("sortOwnershipAfter")}</option>
            <option value="dilution">{t("sortDilution")}</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="holder-filter">
            {t("filterHolders")}
          </label>
          <input
            id="holder-filter"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
        </div>
      </div>
      <ScrollRegion label={t("scrollableTable", { table: t("holdersTable") })}>
        <table className="data" id="holders-table">
          <thead>
            <tr>
              <th scope="col">{t("holder")}</th>
              <th scope="col" className="num">
                {t("sharesBefore")}
              </th>
              <th scope="col" className="num">
                {t("ownershipBefore")}
              </th>
              <th scope="col" className="num">
                {t("sharesAfter")}
              </th>
              <th scope="col" className="num">
                {t("ownershipAfter")}
              </th>
              <th scope="col" className="num">
                {t("dilution")}
              </th>
              <th scope="col" className="num">
                {t("invested")}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <HolderRow key={`${r.kind}:${r.holder.id}`} row={r} pf={pf} basis={basis} locale={locale} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              <td className="num">{formatInteger(totalOn(pf, basis, "before"), locale)}</td>
              <td />
              <td className="num">{formatInteger(totalOn(pf, basis, "after"), locale)}</td>
              <td />
              <td />
              <td className="num">{formatMoney(pf.round.newMoney, 2, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <Pager page={page.page} pages={page.pages} setPage={page.setPage} label={t("holdersTable")} />
    </section>
  );
}

const HolderRow = memo(function HolderRow({
  row,
  pf,
  basis,
  locale,
}: {
  row: ModelHolder;
  pf: ModelReport;
  basis: OwnershipBasis;
  locale: Locale;
}) {
  const { t } = useI18n();
  // Integer formatting of count/total: exact, and cheap enough to redraw every row per slider step.
  const d = dilutionRatio(row, pf, basis);
  const name = holderName(row, t);
  return (
    <tr data-id={row.holder.id} title={row.holder.id}>
      <th scope="row">{name}</th>
      <td className="num">{formatInteger(sharesOn(row, basis, "before"), locale)}</td>
      <td className="num">{formatRatioPercent(...ownershipRatio(row, pf, basis, "before"), 4, locale)}</td>
      <td className="num">{formatInteger(sharesOn(row, basis, "after"), locale)}</td>
      <td className="num" data-cell="ownership-after">
        {formatRatioPercent(...ownershipRatio(row, pf, basis, "after"), 4, locale)}
      </td>
      <td className="num" data-cell="dilution">
        {d === undefined
          ? row.kind === "stakeholder"
            ? t("newHolder")
            : ""
          : formatRatioPercent(d[0], d[1], 4, locale)}
      </td>
      <td className="num">{row.invested.amount.isZero() ? "" : formatMoney(row.invested, 2, locale)}</td>
    </tr>
  );
});

function ClassTable({ pf }: { pf: ModelReport }) {
  const { t, locale } = useI18n();
  const n = (v: bigint) => formatInteger(v, locale);
  return (
    <section className="classes" aria-labelledby="classes-title">
      <h3 id="classes-title">{t("classesTable")}</h3>
      <ScrollRegion label={t("scrollableTable", { table: t("classesTable") })}>
        <table className="data" id="classes-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t("shareClass")}
              </th>
              <th scope="colgroup" colSpan={2} className="num">
                {t("outstanding")}
              </th>
              <th scope="colgroup" colSpan={2} className="num">
                {t("asConverted")}
              </th>
              <th scope="colgroup" colSpan={2} className="num">
                {t("fullyDiluted")}
              </th>
            </tr>
            <tr>
              {[0, 1, 2].flatMap((i) => [
                <th key={`b${i}`} scope="col" className="num">
                  {t("before")}
                </th>,
                <th key={`a${i}`} scope="col" className="num">
                  {t("after")}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {pf.classes.map((c) => (
              <tr key={c.shareClass.id} title={c.shareClass.id}>
                <th scope="row">{c.shareClass.name}</th>
                <td className="num">{n(c.issuedBefore)}</td>
                <td className="num">{n(c.issuedAfter)}</td>
                <td className="num">{n(c.asConvertedSharesBefore)}</td>
                <td className="num">{n(c.asConvertedSharesAfter)}</td>
                <td className="num">{n(c.fullyDilutedSharesBefore)}</td>
                <td className="num">{n(c.fullyDilutedSharesAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The assumptions the deal states, with the fields each gives named by what they are (the path on hover). */
function Assumptions({ report }: { report: ModelReport }) {
  const { t } = useI18n();
  if (report.assumptions.length === 0) return null;
  return (
    <section className="assumptions" aria-labelledby="assumptions-title">
      <h3 id="assumptions-title">{t("assumptions")}</h3>
      <dl>
        {report.assumptions.map((a) => (
          <div key={a.id}>
            <dt>
              <code>{a.id}</code>
            </dt>
            <dd>
              {a.text}
              {a.source ? <span className="muted"> — {a.source}</span> : null}
              {a.fields.length > 0 ? (
                <span className="muted" title={a.fields.map((f) => f.id).join(", ")}>
                  {" "}
                  ({t("usedIn", { fields: a.fields.map((f) => f.name).join(", ") })})
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
