import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { Deal } from "../../deal/build.js";
import { Fraction } from "../../deal/scalars.js";
import { modelReport } from "../../report/model-report.js";
import { jsonText, modelCsv } from "../../report/text-formats.js";
import type { RoundDraft } from "../app/drafts.js";
import { replaceHash } from "../app/routes.js";
import { type BeforeAfter, beforeAfterOption, dilutionOption, type Slice } from "../charts/options.js";
import { AmountField } from "../components/AmountField.js";
import { Chart } from "../components/Chart.js";
import { Pager, usePage } from "../components/Pager.js";
import { PercentField } from "../components/PercentField.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import {
  compareByDilution,
  compareByHoldingAfter,
  dilution,
  dilutionRatio,
  OWNERSHIP_BASES,
  type OwnershipBasis,
  ownership,
  ownershipRatio,
  type ProForma,
  type ProFormaRow,
  proForma,
} from "../engine/pro-forma.js";
import {
  type BasisSwitch,
  type FieldErrors,
  type PricingBasis,
  type Recompute,
  type RoundEdit,
  RoundSession,
  switchPricingBasis,
} from "../engine/round-session.js";
import { whatIfFromQuery, whatIfQuery } from "../engine/what-if-link.js";
import { download, fileStem } from "../export/download.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import {
  formatInteger,
  formatMoney,
  formatMoneyExactShort,
  formatMoneyShort,
  formatPercent,
  formatRatioPercent,
  type Locale,
} from "../i18n/number-format.js";

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
  readonly proForma: ProForma | undefined;
  /** performance.now() time of the exact recompute (priceRound and the pro forma views), in ms. */
  readonly ms: number;
}

/** Prices the edited round on the session's cached cap table and builds the pro forma; timed. */
export function compute(session: RoundSession, edit: RoundEdit): Computed {
  const started = performance.now();
  const result = session.recompute(edit);
  const pf = result.ok ? proForma(result.outcome, session.beforeView) : undefined;
  return { result, proForma: pf, ms: performance.now() - started };
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
            <li key={i}>{p.message}</li>
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
              example: formatMoneyShort(
                { kind: "money", currency: session.currency, amount: Rational.of(50_000_000_000n) },
                "en",
              ),
              example2: formatMoneyShort(
                { kind: "money", currency: session.currency, amount: Rational.of(40_000_000_000n) },
                "fr",
              ),
            })}
          </p>
          {session.deal.scenario && session.deal.roundsUncertain ? (
            <p className="notice" id="scenario-note">
              {t("fromScenario", {
                scenario: session.deal.scenario.name,
                claims: session.deal.scenario.claims.filter((c) => !c.startsWith("terms:")).join(", "),
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
                      amount: computedAmount ? formatMoneyShort(computedAmount, locale, 4) : "—",
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
          {shown?.proForma && shown.result.ok ? (
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
  const pf = computed.proForma!;
  const result = computed.result as Extract<Recompute, { ok: true }>;
  const money = (m: Money) => formatMoney(m, 2, locale);
  const short = (m: Money) => formatMoneyShort(m, locale, 2);
  const basisLabel = t(BASIS_LABEL[basis]);

  // The charts follow the figures and the table at a lower priority (React's deferred
  // value): while a slider moves, the numbers update at once and the charts as soon as the
  // page is idle, drawing the same exact outcome a moment later.
  const chartPf = useDeferredValue(pf);
  // Only the rows a chart draws get exact fractions; choosing them compares integer counts.
  const chartRows = useMemo<BeforeAfter[]>(() => {
    const pf = chartPf;
    const held = pf.rows.filter((r) => r.before[basis] > 0n || r.after[basis] > 0n);
    const name = (r: ProFormaRow) =>
      r.kind === "unallocated_pool" ? t("unallocatedPool", { name: r.name }) : r.name;
    const toChart = (r: ProFormaRow): BeforeAfter => ({
      name: name(r),
      before: ownership(r, pf, basis, "before"),
      after: ownership(r, pf, basis, "after"),
    });
    if (held.length <= CHART_ROWS + 1) return held.map(toChart);
    const sorted = [...held].sort(compareByHoldingAfter(basis));
    const rest = sorted.slice(CHART_ROWS);
    let before = 0n;
    let after = 0n;
    for (const r of rest) {
      before += r.before[basis];
      after += r.after[basis];
    }
    return [
      ...sorted.slice(0, CHART_ROWS).map(toChart),
      toChart({
        kind: "stakeholder",
        id: "",
        name: t("others", { count: rest.length }),
        before: { ...pf.totalsBefore, [basis]: before },
        after: { ...pf.totalsAfter, [basis]: after },
        invested: Rational.ZERO,
      }),
    ];
  }, [chartPf, basis, t]);

  const dilutionRows = useMemo<Slice[]>(() => {
    const pf = chartPf;
    const rows = pf.rows.filter((r) => r.kind === "stakeholder" && r.before[basis] > 0n);
    return [...rows]
      .sort(compareByDilution(basis))
      .slice(0, 10)
      .map((r) => ({ name: r.name, value: dilution(r, pf, basis) ?? Rational.ZERO }));
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

  const report = () => modelReport(session.deal, result.outcome, result.warnings);
  const stem = `${fileStem(session.deal.ledger.company.name)}-${fileStem(result.terms.id)}`;
  const [exportState, setExportState] = useState<string | undefined>();

  // Screen readers hear the outcome once the terms settle, not at every slider step.
  const summary = t("announce", {
    price: formatMoney(pf.pricePerShare, 4, locale),
    post: short(pf.postMoneyValuation),
    newMoney: short(pf.newMoney),
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
          <dd id="figure-price">{formatMoney(pf.pricePerShare, 4, locale)}</dd>
          {!pf.exactPricePerShare.amount.eq(pf.pricePerShare.amount) ? (
            <dd className="muted">
              {t("exactPrice", { price: formatMoney(pf.exactPricePerShare, 10, locale) })}
            </dd>
          ) : null}
        </div>
        <div>
          <dt>{t("preMoney")}</dt>
          <dd id="figure-pre-money" title={money(pf.preMoneyValuation)}>
            {short(pf.preMoneyValuation)}
          </dd>
        </div>
        <div>
          <dt>{t("newMoney")}</dt>
          <dd id="figure-new-money" title={money(pf.newMoney)}>
            {short(pf.newMoney)}
          </dd>
        </div>
        <div>
          <dt>{t("postMoney")}</dt>
          <dd id="figure-post-money" title={money(pf.postMoneyValuation)}>
            {short(pf.postMoneyValuation)}
          </dd>
          <dd className="muted" id="figure-post-money-exact">
            {money(pf.postMoneyValuation)}
          </dd>
        </div>
        <div>
          <dt>{t("newShares")}</dt>
          <dd>{formatInteger(pf.newShares, locale)}</dd>
        </div>
        {pf.conversionShares > 0n ? (
          <div>
            <dt>{t("conversionShares")}</dt>
            <dd>{formatInteger(pf.conversionShares, locale)}</dd>
          </div>
        ) : null}
        {pf.poolIncrease > 0n ? (
          <div>
            <dt>{t("poolIncrease")}</dt>
            <dd id="figure-pool-increase">{formatInteger(pf.poolIncrease, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="muted no-print recompute-time">{t("recomputeTime", { ms: computed.ms.toFixed(1) })}</p>
      {pf.oversubscribed ? <p className="notice warning">{t("oversubscribed")}</p> : null}
      {result.warnings.length > 0 ? (
        <div className="notice warning">
          <p>{t("warnings")}</p>
          <ul>
            {result.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id and keep their order.
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset className="export no-print" disabled={stale}>
        <legend>{t("exportTitle")}</legend>
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
        <button
          type="button"
          onClick={async () => {
            setExportState(t("exporting"));
            try {
              const { modelWorkbook } = await import("../export/xlsx.js");
              const buffer = await modelWorkbook(report());
              download(
                `${stem}.xlsx`,
                buffer,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              );
              setExportState(undefined);
            } catch (e) {
              setExportState(t("exportFailed", { message: e instanceof Error ? e.message : String(e) }));
            }
          }}
        >
          {t("exportXlsx")}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t("printSummary")}
        </button>
        {exportState ? <span role="status">{exportState}</span> : null}
      </fieldset>

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
      <Assumptions session={session} />
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

function HolderTable({ pf, basis }: { pf: ProForma; basis: OwnershipBasis }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<SortKey>("declared");
  const [filter, setFilter] = useState("");
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let list = pf.rows.filter(
      (r) =>
        (r.before[basis] > 0n || r.after[basis] > 0n) &&
        (needle === "" || r.name.toLowerCase().includes(needle)),
    );
    if (sort === "ownershipAfter")
      list = [...list].sort((a, b) =>
        a.after[basis] > b.after[basis] ? -1 : a.after[basis] < b.after[basis] ? 1 : 0,
      );
    if (sort === "dilution") {
      const d = new Map(list.map((r) => [r, dilution(r, pf, basis) ?? Rational.of(-2)]));
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
              <HolderRow key={`${r.kind}:${r.id}`} row={r} pf={pf} basis={basis} locale={locale} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              <td className="num">{formatInteger(pf.totalsBefore[basis], locale)}</td>
              <td />
              <td className="num">{formatInteger(pf.totalsAfter[basis], locale)}</td>
              <td />
              <td />
              <td className="num">{formatMoney(pf.newMoney, 2, locale)}</td>
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
  row: ProFormaRow;
  pf: ProForma;
  basis: OwnershipBasis;
  locale: Locale;
}) {
  const { t } = useI18n();
  // Integer formatting of count/total: exact, and cheap enough to redraw every row per slider step.
  const d = dilutionRatio(row, pf, basis);
  const name = row.kind === "unallocated_pool" ? t("unallocatedPool", { name: row.name }) : row.name;
  return (
    <tr data-id={row.id}>
      <th scope="row">{name}</th>
      <td className="num">{formatInteger(row.before[basis], locale)}</td>
      <td className="num">{formatRatioPercent(...ownershipRatio(row, pf, basis, "before"), 4, locale)}</td>
      <td className="num">{formatInteger(row.after[basis], locale)}</td>
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
      <td className="num">
        {row.invested.isZero()
          ? ""
          : formatMoney({ kind: "money", currency: pf.currency, amount: row.invested }, 2, locale)}
      </td>
    </tr>
  );
});

function ClassTable({ pf }: { pf: ProForma }) {
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
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="num">{n(c.before.outstanding)}</td>
                <td className="num">{n(c.after.outstanding)}</td>
                <td className="num">{n(c.before.asConverted)}</td>
                <td className="num">{n(c.after.asConverted)}</td>
                <td className="num">{n(c.before.fullyDiluted)}</td>
                <td className="num">{n(c.after.fullyDiluted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function Assumptions({ session }: { session: RoundSession }) {
  const { t } = useI18n();
  const fields = new Map<string, string[]>();
  for (const [path, id] of session.deal.assumedFields) fields.set(id, [...(fields.get(id) ?? []), path]);
  if (session.deal.assumptions.length === 0) return null;
  return (
    <section className="assumptions" aria-labelledby="assumptions-title">
      <h3 id="assumptions-title">{t("assumptions")}</h3>
      <dl>
        {session.deal.assumptions.map((a) => (
          <div key={a.id}>
            <dt>
              <code>{a.id}</code>
            </dt>
            <dd>
              {a.text}
              {a.source ? <span className="muted"> — {a.source}</span> : null}
              {fields.get(a.id)?.length ? (
                <span className="muted"> ({t("usedIn", { fields: fields.get(a.id)!.join(", ") })})</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
