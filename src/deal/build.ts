import { type Currency, convert, type ExchangeRate, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { Company } from "../core/ledger/company.js";
import type { Ledger, OptionPoolDefinition } from "../core/ledger/ledger.js";
import { checkClassStructure } from "../core/ledger/replay.js";
import type { ConversionPricePrecision } from "../core/ledger/security.js";
import type { ShareClass } from "../core/ledger/share-class.js";
import type { Stakeholder } from "../core/ledger/stakeholder.js";
import type { DebtIssuance, Transaction } from "../core/ledger/transaction.js";
import type { VestingSchedule } from "../core/ledger/vesting.js";
import type { PoolTopUp, RoundTerms } from "../core/round/terms.js";
import {
  poolId,
  roundId,
  type ShareClassId,
  securityId,
  shareClassId,
  stakeholderId,
  transactionId,
  vestingScheduleId,
} from "../core/shared/ids.js";
import {
  type FieldPath,
  fail,
  formatPath,
  ok,
  type Problem,
  problem,
  type Result,
} from "../core/shared/problem.js";
import type { Estimate } from "../core/uncertainty/estimate.js";
import { parseEstimate } from "../core/uncertainty/estimate-parse.js";
import { type QuantityId, quantityExpression } from "../core/uncertainty/quantity.js";
import type { AmountSource, RoundTemplate, TemplateInvestment } from "../core/uncertainty/round-template.js";
import { type ResolvedScenario, valuesOf } from "../core/uncertainty/scenario.js";
import { readMoneyFigure } from "./figures.js";
import type { AmountText, FigureText } from "./scalars.js";
import type { DealDocument, RoundDocument, ShareClassDocument, TransactionDocument } from "./schema.js";
import {
  buildUncertainty,
  type DealUncertainty,
  resolveDealScenario,
  roundQuantity,
  type TermsClaim,
  termsFromTemplate,
} from "./uncertain.js";

/** A labelled assumption: a figure the sources do not give, stated by the user. */
export interface Assumption {
  readonly id: string;
  readonly text: string;
  readonly source: string | undefined;
}

/** A deal ready for the engine: the ledger, the rounds in date order, and the assumptions. */
export interface Deal {
  readonly document: DealDocument;
  readonly ledger: Ledger;
  readonly rounds: readonly RoundTerms[];
  readonly assumptions: readonly Assumption[];
  /** Which fields are labelled assumptions: field path (as `rounds[0].preMoney`) → assumption id. */
  readonly assumedFields: ReadonlyMap<string, string>;
  /** The deal's claims, round templates and scenarios, when it has estimates or claims (DEAL-4). */
  readonly uncertainty: DealUncertainty | undefined;
  /** The scenario `rounds` were resolved in, when some round amount is uncertain. */
  readonly scenario: ResolvedScenario | undefined;
  /** The rounds with their amounts as sources (fixed, or a quantity), in date order. */
  readonly templates: readonly RoundTemplate[];
  /** The claims the rounds' own figures make (DEAL-4), for models that combine deals (workspaces). */
  readonly termsClaims: readonly TermsClaim[];
  /** Whether some round amount comes from a quantity. */
  readonly roundsUncertain: boolean;
}

/**
 * The deal with its rounds priced in a scenario (DEAL-4): each uncertain amount takes the
 * scenario's value; a deal whose rounds are all exact is returned as it is.
 */
export function withScenario(deal: Deal, name: string, warnings: readonly Problem[] = []): Result<Deal> {
  const u = deal.uncertainty;
  if (!u) {
    return name === "base"
      ? ok(deal, warnings)
      : fail("usage", `the deal has no uncertain figures; its only scenario is the deal itself`);
  }
  const resolved = resolveDealScenario(u, name);
  if (!resolved.ok) return resolved;
  const values = valuesOf(resolved.value);
  const rounds: RoundTerms[] = [];
  for (const template of u.templates) {
    const terms = termsFromTemplate(template, values, deal.ledger.company.currency);
    if (!terms.ok) return terms;
    rounds.push(terms.value);
  }
  return ok({ ...deal, rounds, scenario: u.roundsUncertain ? resolved.value : undefined }, [
    ...warnings,
    ...resolved.warnings,
  ]);
}

/** Collects problems while building, so that one run reports every broken reference. */
class Builder {
  readonly problems: Problem[] = [];
  readonly assumedFields = new Map<string, string>();
  readonly rates: ExchangeRate[];
  readonly currency: Currency;
  readonly assumptionIds: Set<string>;

  constructor(readonly doc: DealDocument) {
    this.currency = doc.company.currency as Currency;
    this.rates = doc.exchangeRates.map((r) => ({
      from: r.from as Currency,
      to: r.to as Currency,
      rate: r.rate,
    }));
    this.assumptionIds = new Set(doc.assumptions.map((a) => a.id));
  }

  report(code: Problem["code"], message: string, path: FieldPath): void {
    this.problems.push(problem(code, message, path));
  }

  /** An amount in the text's currency (or the company's), checked non-negative and convertible. */
  money(value: AmountText, path: FieldPath, what: string): Money {
    const currency = value.currency ?? this.currency;
    const result: Money = { kind: "money", currency, amount: value.amount };
    if (value.amount.isNegative())
      this.report("deal_invalid_field", `${what} must not be negative, got ${value.written}`, path);
    if (currency !== this.currency && convert(result, this.currency, this.rates) === undefined) {
      this.report(
        "currency_without_rate",
        `${what} is in ${currency}, and exchangeRates gives no rate between ${currency} and ${this.currency}`,
        path,
      );
    }
    if (value.assumption !== undefined) this.assumption(value.assumption, path);
    return result;
  }

  /** Records that the field at `path` is the labelled assumption `id` (DEAL-3). */
  assumption(id: string, path: FieldPath): void {
    if (!this.assumptionIds.has(id)) {
      this.report("deal_unknown_reference", `names unknown assumption "${id}"`, [...path, "assumption"]);
    } else {
      this.assumedFields.set(pathKey(path), id);
    }
  }

  optionalMoney(value: AmountText | undefined, path: FieldPath, what: string): Money | undefined {
    return value === undefined ? undefined : this.money(value, path, what);
  }

  fractionInRange(
    value: Rational | undefined,
    path: FieldPath,
    what: string,
    options: { allowOne: boolean },
  ) {
    if (value === undefined) return undefined;
    const tooHigh = options.allowOne ? value.gt(Rational.ONE) : value.gte(Rational.ONE);
    if (value.isNegative() || tooHigh) {
      const pct = value.mulInt(100n).toDecimalString(6);
      // DEAL-8: a bare number above 1 is most likely a percentage written without its sign
      // (`discount: 20`, `interestRate: 8`); the message says how to write it.
      const meant = value.gt(Rational.ONE)
        ? `; for ${value.toDecimalString(6)} percent, write ${value.toDecimalString(6)}% (or ${value.divInt(100n).toDecimalString(8)})`
        : "";
      this.report(
        "deal_invalid_field",
        `${what} is ${pct}%, outside 0% to 100%${options.allowOne ? "" : " (exclusive)"}${meant}`,
        path,
      );
    }
    return value;
  }

  checkUnique(items: readonly { id: string }[], section: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        this.report(
          "deal_duplicate_id",
          `${section}[${index}] repeats the id "${item.id}" of ${section}[${first}]`,
          [section, index, "id"],
        );
      } else {
        seen.set(item.id, index);
      }
    });
  }
}

export function pathKey(path: FieldPath): string {
  return formatPath(path);
}

function buildClass(
  b: Builder,
  c: ShareClassDocument | (Omit<ShareClassDocument, "type"> & { type: "preferred" }),
  path: FieldPath,
  firstCommon: ShareClassId | undefined,
): ShareClass {
  const preferred = c.type === "preferred";
  const oip = b.optionalMoney(c.originalIssuePrice, [...path, "originalIssuePrice"], "originalIssuePrice");
  const participation = c.preference?.participation;
  if (typeof participation === "object" && participation.cap.lt(Rational.ONE)) {
    b.report(
      "deal_invalid_field",
      `a participation cap of ${participation.cap.toDecimalString()}x is below 1x`,
      [...path, "preference", "participation", "cap"],
    );
  }
  if (
    !preferred &&
    (c.preference ||
      c.antiDilution ||
      c.dividends ||
      c.ipoRatchet ||
      c.convertsTo ||
      c.qualifiedIpoPrice ||
      c.qualifiedIpoMinProceeds)
  ) {
    b.report(
      "deal_invalid_field",
      "a common class has no preference, anti-dilution, dividends, conversion or qualified-IPO price or proceeds",
      path,
    );
  }
  const convertsTo = preferred ? (c.convertsTo ?? firstCommon) : undefined;
  if (preferred && convertsTo === undefined) {
    b.report(
      "deal_invalid_field",
      "a preferred class needs a common class to convert into; declare one",
      path,
    );
  }
  const pref = c.preference;
  return {
    kind: "share_class",
    id: shareClassId(c.id),
    name: c.name,
    type: c.type,
    authorizedShares: c.authorized,
    originalIssuePrice: oip,
    // CLS-2: a preferred class's conversion price starts at its original issue price; a
    // common class has none unless stated.
    conversionPrice:
      b.optionalMoney(c.conversionPrice, [...path, "conversionPrice"], "conversionPrice") ??
      (preferred ? oip : undefined),
    baseConversionRatio: c.conversionRatio ?? Rational.ONE,
    convertsTo: convertsTo === undefined ? undefined : shareClassId(convertsTo),
    preference: preferred
      ? {
          multiple: pref?.multiple ?? Rational.ONE,
          base: pref?.base ?? "original_issue_price",
          seniority: pref?.seniority ?? 1,
          participation:
            participation === undefined || participation === "none"
              ? { kind: "none" }
              : participation === "full"
                ? { kind: "full" }
                : { kind: "capped", capMultiple: participation.cap },
        }
      : undefined,
    // CLS-4: preferred defaults to broad-based weighted-average protection, as in the NVCA model charter.
    antiDilution: preferred ? (c.antiDilution ?? "broad_based_weighted_average") : "none",
    dividends: c.dividends
      ? {
          rate: b.fractionInRange(c.dividends.rate, [...path, "dividends", "rate"], "the dividend rate", {
            allowOne: true,
          })!,
          cumulative: c.dividends.cumulative,
        }
      : undefined,
    ipoRatchetMultiple: c.ipoRatchet,
    ...(c.qualifiedIpoPrice === undefined
      ? {}
      : {
          qualifiedIpoPrice: b.money(
            c.qualifiedIpoPrice,
            [...path, "qualifiedIpoPrice"],
            "qualifiedIpoPrice",
          ),
        }),
    ...(c.qualifiedIpoMinProceeds === undefined
      ? {}
      : {
          qualifiedIpoMinProceeds: b.money(
            c.qualifiedIpoMinProceeds,
            [...path, "qualifiedIpoMinProceeds"],
            "qualifiedIpoMinProceeds",
          ),
        }),
  };
}

const COMPOUNDING = { annually: 1, semiannually: 2, quarterly: 4, monthly: 12 } as const;

function buildTransaction(b: Builder, t: TransactionDocument, index: number): Transaction {
  const path: FieldPath = ["transactions", index];
  const id = transactionId(t.id ?? `t${index + 1}`);
  const base = { id, date: t.date, path };
  switch (t.type) {
    case "issue":
      return {
        ...base,
        type: "stock_issuance",
        security: securityId(t.security ?? id),
        holder: stakeholderId(t.holder),
        classId: shareClassId(t.class),
        shares: t.shares,
        pricePerShare: b.optionalMoney(t.price, [...path, "price"], "price"),
        investedAmount: b.optionalMoney(t.invested, [...path, "invested"], "invested"),
        vestingId: t.vesting === undefined ? undefined : vestingScheduleId(t.vesting),
        vestingStart: t.vestingStart,
      };
    case "grant":
      return {
        ...base,
        type: "option_grant",
        security: securityId(t.security ?? id),
        holder: stakeholderId(t.holder),
        poolId: t.pool === undefined ? undefined : poolId(t.pool),
        classId: t.class === undefined ? undefined : shareClassId(t.class),
        optionType: t.optionType,
        quantity: t.quantity,
        exercisePrice: b.money(t.exercisePrice, [...path, "exercisePrice"], "exercisePrice"),
        vestingId: t.vesting === undefined ? undefined : vestingScheduleId(t.vesting),
        vestingStart: t.vestingStart,
        expirationDate: t.expires,
      };
    case "warrant":
      return {
        ...base,
        type: "warrant_issuance",
        security: securityId(t.security ?? id),
        holder: stakeholderId(t.holder),
        classId: shareClassId(t.class),
        quantity: t.quantity,
        exercisePrice: b.money(t.exercisePrice, [...path, "exercisePrice"], "exercisePrice"),
        expirationDate: t.expires,
      };
    case "safe":
      return {
        ...base,
        type: "safe_issuance",
        security: securityId(t.security ?? id),
        holder: stakeholderId(t.holder),
        purchaseAmount: b.money(t.amount, [...path, "amount"], "amount"),
        safeType: t.safeType,
        valuationCap: b.optionalMoney(t.cap, [...path, "cap"], "cap"),
        discount: b.fractionInRange(t.discount, [...path, "discount"], "the SAFE discount", {
          allowOne: false,
        }),
        mfn: t.mfn,
        proRataRights: t.proRata,
        ...(t.shadowSeries === undefined ? {} : { shadowSeries: t.shadowSeries }),
        ...conversionPricePrecisionOf(t),
      };
    case "note":
      return {
        ...base,
        type: "note_issuance",
        security: securityId(t.security ?? id),
        holder: stakeholderId(t.holder),
        principal: b.money(t.principal, [...path, "principal"], "principal"),
        interestRate: b.fractionInRange(t.interestRate, [...path, "interestRate"], "the note interest rate", {
          allowOne: true,
        })!,
        interest:
          t.interest === "simple"
            ? { method: "simple" }
            : { method: "compound", periodsPerYear: COMPOUNDING[t.compounding] },
        maturityDate: t.maturity,
        valuationCap: b.optionalMoney(t.cap, [...path, "cap"], "cap"),
        capBasis: t.capBasis,
        discount: b.fractionInRange(t.discount, [...path, "discount"], "the note discount", {
          allowOne: false,
        }),
        proRataRights: t.proRata,
        ...(t.shadowSeries === undefined ? {} : { shadowSeries: t.shadowSeries }),
        ...conversionPricePrecisionOf(t),
      };
    case "exercise":
      return {
        ...base,
        type: "exercise",
        security: securityId(t.security),
        quantity: t.quantity,
        resultingSecurity: securityId(t.resultingSecurity ?? id),
      };
    case "transfer":
      return {
        ...base,
        type: "transfer",
        from: stakeholderId(t.from),
        to: stakeholderId(t.to),
        classId: shareClassId(t.class),
        shares: t.shares,
        security: t.security === undefined ? undefined : securityId(t.security),
        resultingSecurity: securityId(t.resultingSecurity ?? id),
        pricePerShare: b.optionalMoney(t.price, [...path, "price"], "price"),
      };
    case "cancel":
      return { ...base, type: "cancellation", security: securityId(t.security), quantity: t.quantity };
    case "repurchase":
      return {
        ...base,
        type: "repurchase",
        holder: stakeholderId(t.holder),
        classId: shareClassId(t.class),
        shares: t.shares,
        security: t.security === undefined ? undefined : securityId(t.security),
        pricePerShare: b.optionalMoney(t.price, [...path, "price"], "price"),
      };
    case "split":
      return {
        ...base,
        type: "split",
        classIds: t.classes?.map(shareClassId),
        numerator: t.ratio.numerator,
        denominator: t.ratio.denominator,
      };
    case "pool_increase":
      return { ...base, type: "pool_increase", poolId: poolId(t.pool), shares: t.shares };
    case "authorize":
      return {
        ...base,
        type: "authorized_shares_adjustment",
        classId: shareClassId(t.class),
        authorizedShares: t.authorized === "unlimited" ? undefined : t.authorized,
      };
    case "adjust_conversion_price":
      return {
        ...base,
        type: "conversion_price_adjustment",
        classId: shareClassId(t.class),
        conversionPrice: b.money(t.conversionPrice, [...path, "conversionPrice"], "conversionPrice"),
        reason: t.reason,
      };
    case "convert":
      return {
        ...base,
        type: "conversion",
        security: securityId(t.security),
        toClassId: t.to === undefined ? undefined : shareClassId(t.to),
        shares: t.shares,
        resultingSecurity: securityId(t.resultingSecurity ?? id),
      };
    case "tender":
      return {
        ...base,
        type: "tender",
        classId: shareClassId(t.class),
        pricePerShare: b.money(t.price, [...path, "price"], "price"),
        cap: t.cap,
        sellers: t.sellers.map((p) => ({ holder: stakeholderId(p.holder), shares: p.shares })),
        buyers: t.buyers.map((p) => ({ holder: stakeholderId(p.holder), shares: p.shares })),
        companyFirstRefusal: t.firstRefusal?.company,
        investorFirstRefusal: (t.firstRefusal?.investors ?? []).map((p) => ({
          holder: stakeholderId(p.holder),
          shares: p.shares,
        })),
        buyersClassId: t.buyersClass === undefined ? undefined : shareClassId(t.buyersClass),
      };
    case "debt": {
      const principal = b.money(t.principal, [...path, "principal"], "principal");
      const coverage = b.fractionInRange(
        t.warrantCoverage,
        [...path, "warrantCoverage"],
        "the warrant coverage",
        {
          allowOne: true,
        },
      );
      const stated = [t.warrantCoverage, t.warrantClass, t.warrantPrice].filter(
        (x) => x !== undefined,
      ).length;
      if (stated !== 0 && stated !== 3) {
        const missing =
          t.warrantCoverage === undefined
            ? "warrantCoverage"
            : t.warrantClass === undefined
              ? "warrantClass"
              : "warrantPrice";
        b.report(
          "deal_invalid_field",
          "warrant coverage needs warrantCoverage, warrantClass and warrantPrice together",
          [...path, missing],
        );
      }
      const exercisePrice = b.optionalMoney(t.warrantPrice, [...path, "warrantPrice"], "warrantPrice");
      let warrant: DebtIssuance["warrant"];
      if (coverage !== undefined && exercisePrice !== undefined && t.warrantClass !== undefined) {
        if (!exercisePrice.amount.isPositive()) {
          b.report("deal_invalid_field", "a warrant price must be positive", [...path, "warrantPrice"]);
        } else if (exercisePrice.currency !== principal.currency) {
          b.report("deal_invalid_field", "the warrant price and the principal must be in one currency", [
            ...path,
            "warrantPrice",
          ]);
        } else {
          warrant = {
            security: securityId(`${t.security ?? id}-warrant`),
            classId: shareClassId(t.warrantClass),
            // DEBT-2: coverage × principal ÷ exercise price, rounded down to whole shares.
            quantity: principal.amount.mul(coverage).div(exercisePrice.amount).floor(),
            exercisePrice,
            expirationDate: t.warrantExpires,
          };
        }
      }
      return {
        ...base,
        type: "debt_issuance",
        security: securityId(t.security ?? id),
        holder: stakeholderId(t.holder),
        principal,
        interestRate:
          b.fractionInRange(t.interestRate, [...path, "interestRate"], "the interest rate", {
            allowOne: true,
          }) ?? Rational.ZERO,
        interest: t.interest,
        finalPayment:
          b.fractionInRange(t.finalPayment, [...path, "finalPayment"], "the final payment", {
            allowOne: true,
          }) ?? Rational.ZERO,
        seniority: t.seniority,
        maturityDate: t.maturity,
        warrant,
      };
    }
    case "repay_debt":
      return { ...base, type: "debt_repayment", security: securityId(t.debt) };
    case "pay_to_play":
      return {
        ...base,
        type: "pay_to_play",
        classIds: t.classes.map(shareClassId),
        roundClassId: shareClassId(t.roundClass),
        offered: t.offered,
        since: t.since,
        shadowClassId: t.shadowClass === undefined ? undefined : shareClassId(t.shadowClass),
        ...(t.form === "partial" ? { form: "partial" as const } : {}),
      };
  }
}

/** Reads one figure of a round into an amount source: fixed when exact, a quantity otherwise (DEAL-4). */
function roundFigure(
  b: Builder,
  figure: FigureText | undefined,
  quantity: QuantityId,
  path: FieldPath,
  what: string,
  sink: RoundBuild,
): AmountSource | undefined {
  if (figure === undefined) return undefined;
  const read = readMoneyFigure(figure, b.currency, path);
  if (!("kind" in read)) {
    for (const p of read) b.problems.push({ ...p, path });
    return undefined;
  }
  if (figure.assumption !== undefined) b.assumption(figure.assumption, path);
  if (read.kind === "exact") {
    const money = b.money(
      {
        amount: read.value.amount,
        currency: read.value.currency,
        assumption: undefined,
        written: figure.kind === "text" ? figure.text : "",
      },
      path,
      what,
    );
    // A negative figure is already reported at its field; it has no estimate to claim.
    if (money.amount.isNegative()) return undefined;
    sink.termsClaims.push({ quantity, estimate: exactEstimate(money), path });
    return { kind: "fixed", value: money };
  }
  sink.termsClaims.push({ quantity, estimate: read.estimate, path });
  sink.uncertain = true;
  return { kind: "quantity", expression: quantityExpression(quantity) };
}

function exactEstimate(value: Money): Estimate {
  const parsed = parseEstimate(`${value.amount.toDecimalString(30)} ${value.currency}`, { unit: "money" });
  if (!parsed.ok) throw new Error(`an exact amount did not read back: ${parsed.problems[0]!.message}`);
  return parsed.value;
}

interface RoundBuild {
  readonly termsClaims: TermsClaim[];
  uncertain: boolean;
}

function buildRound(
  b: Builder,
  r: RoundDocument,
  index: number,
  firstCommon: ShareClassId | undefined,
  sink: RoundBuild,
  claimedQuantities: ReadonlySet<string>,
): RoundTemplate {
  const path: FieldPath = ["rounds", index];
  const pricings = (["preMoney", "postMoney", "pricePerShare"] as const).filter((k) => r[k] !== undefined);
  if (pricings.length > 1) {
    b.report(
      "round_invalid",
      `round ${r.name} states ${pricings.join(" and ")}: give exactly one of preMoney, postMoney or pricePerShare`,
      path,
    );
  }
  // Without a stated price, a valuation the claims speak of prices the round (DEAL-4).
  const claimedPricing = (["pre", "post", "price"] as const).find((k) =>
    claimedQuantities.has(roundQuantity[k](r.id)),
  );
  let key: "preMoney" | "postMoney" | "pricePerShare" = pricings[0] ?? "preMoney";
  let pricingSource: AmountSource | undefined;
  if (pricings.length === 0) {
    if (claimedPricing === undefined) {
      b.report(
        "round_invalid",
        `round ${r.name} states no price: give exactly one of preMoney, postMoney or pricePerShare, or a claim about its valuation`,
        path,
      );
    } else {
      key = claimedPricing === "pre" ? "preMoney" : claimedPricing === "post" ? "postMoney" : "pricePerShare";
      pricingSource = {
        kind: "quantity",
        expression: quantityExpression(roundQuantity[claimedPricing](r.id)),
      };
      sink.uncertain = true;
    }
  } else {
    const q =
      key === "preMoney"
        ? roundQuantity.pre(r.id)
        : key === "postMoney"
          ? roundQuantity.post(r.id)
          : roundQuantity.price(r.id);
    pricingSource = roundFigure(b, r[key], q, [...path, key], key, sink);
  }
  const basis = key === "preMoney" ? "pre_money" : key === "postMoney" ? "post_money" : "price_per_share";
  const closingIds = new Set(r.closings.map((c) => c.id));
  r.closings.forEach((c, i) => {
    if (c.date < r.date) {
      b.report("round_invalid", `closing "${c.id}" is dated ${c.date}, before the round's date ${r.date}`, [
        ...path,
        "closings",
        i,
        "date",
      ]);
    }
  });
  const investments: TemplateInvestment[] = r.investments.map((inv, i) => {
    const where: FieldPath = [...path, "investments", i];
    const quantity = roundQuantity.investment(r.id, inv.investor);
    if (inv.amount === undefined && !inv.proRata && !claimedQuantities.has(quantity)) {
      b.report(
        "round_invalid",
        `${inv.investor}'s investment states no amount and no claim is about it; give an amount, set proRata: true, or add a claim about ${quantity}`,
        where,
      );
    }
    if (inv.amount !== undefined && inv.proRata) {
      b.report(
        "round_invalid",
        `${inv.investor}'s investment gives an amount and proRata: true; give one of them`,
        where,
      );
    }
    if (inv.closing !== undefined && !closingIds.has(inv.closing)) {
      b.report("deal_unknown_reference", `names unknown closing "${inv.closing}"`, [...where, "closing"]);
    }
    let amount: AmountSource | undefined;
    if (inv.amount !== undefined)
      amount = roundFigure(b, inv.amount, quantity, [...where, "amount"], `${inv.investor}'s amount`, sink);
    else if (!inv.proRata) {
      amount = { kind: "quantity", expression: quantityExpression(quantity) };
      sink.uncertain = true;
    }
    return {
      investor: stakeholderId(inv.investor),
      amount,
      lead: inv.lead,
      proRata: inv.proRata,
      closing: inv.closing,
    };
  });
  let pool: PoolTopUp = { kind: "none" };
  if (r.pool) {
    if ("target" in r.pool) {
      b.fractionInRange(r.pool.target, [...path, "pool", "target"], "the pool target", { allowOne: false });
      pool = {
        kind: "target_fraction",
        poolId: poolId(r.pool.pool),
        fraction: r.pool.target,
        of: r.pool.of,
        inPreMoney: r.pool.inPreMoney,
      };
    } else {
      pool = {
        kind: "shares",
        poolId: poolId(r.pool.pool),
        shares: r.pool.shares,
        inPreMoney: r.pool.inPreMoney,
      };
    }
  }
  const c = r.conventions;
  return {
    terms: {
      id: roundId(r.id),
      name: r.name,
      date: r.date,
      newClass:
        typeof r.class === "string" ? undefined : buildClass(b, r.class, [...path, "class"], firstCommon),
      existingClassId: typeof r.class === "string" ? shareClassId(r.class) : undefined,
      conversionClassId: r.conversionClass === undefined ? undefined : shareClassId(r.conversionClass),
      oversubscription: r.oversubscription,
      pool,
      conventions: {
        convertibles: c.convertibles,
        pricePrecision: c.pricePrecision,
        shareRounding: c.shareRounding,
        noteInterestConverts: c.noteInterestConverts,
      },
      ...(r.payToPlay
        ? {
            payToPlay: {
              classIds: r.payToPlay.classes.map(shareClassId),
              offered: r.payToPlay.offered,
              shadowClassId:
                r.payToPlay.shadowClass === undefined ? undefined : shareClassId(r.payToPlay.shadowClass),
              form: r.payToPlay.form,
              path: [...path, "payToPlay"],
            },
          }
        : {}),
      closings: r.closings.map((cl, i) => ({
        id: cl.id,
        date: cl.date,
        ...(cl.pricePerShare === undefined
          ? {}
          : {
              pricePerShare: b.money(
                cl.pricePerShare,
                [...path, "closings", i, "pricePerShare"],
                "the tranche's price per share",
              ),
            }),
      })),
    },
    pricing: {
      basis,
      value: pricingSource ?? {
        kind: "fixed",
        value: { kind: "money", currency: b.currency, amount: Rational.ONE },
      },
    },
    investments,
    targetSize: roundFigure(b, r.target, roundQuantity.target(r.id), [...path, "target"], "target", sink),
  };
}

/**
 * Turns a validated deal document into the engine's records (SPEC DEAL-1): fills the
 * defaults, resolves currencies, checks ids are unique and every reference resolves.
 * Reports every problem found, not just the first.
 */
export interface BuildOptions {
  /** Quantities that claims outside this document name (a workspace's), so that figures may be left to them. */
  readonly externalClaims?: ReadonlySet<string>;
  /**
   * Build the records and the round templates only: a workspace resolves the rounds of all
   * its companies together. `rounds` is then empty unless every figure is exact.
   */
  readonly templatesOnly?: boolean;
}

export function buildDeal(doc: DealDocument, options: BuildOptions = {}): Result<Deal> {
  const b = new Builder(doc);
  b.checkUnique(doc.stakeholders, "stakeholders");
  b.checkUnique(doc.classes, "classes");
  b.checkUnique(doc.pools, "pools");
  b.checkUnique(doc.vesting, "vesting");
  b.checkUnique(doc.rounds, "rounds");
  b.checkUnique(doc.closedRounds, "closedRounds");
  // CLOSE-4: a modelled round may not take the id of a round already closed into the ledger.
  const closedIds = new Set(doc.closedRounds.map((r) => r.id));
  doc.rounds.forEach((r, i) => {
    if (closedIds.has(r.id))
      b.report(
        "deal_duplicate_id",
        `rounds[${i}] has the id "${r.id}" of a round already closed into the ledger (closedRounds); give it another id`,
        ["rounds", i, "id"],
      );
  });
  b.checkUnique(doc.assumptions, "assumptions");
  const txIds = doc.transactions.map((t, i) => ({ id: t.id ?? `t${i + 1}` }));
  b.checkUnique(txIds, "transactions");

  const company: Company = {
    name: doc.company.name,
    formationDate: doc.company.formed,
    currency: b.currency,
    exchangeRates: b.rates,
  };
  const stakeholderIds = new Set(doc.stakeholders.map((s) => s.id));
  const classIds = new Set(doc.classes.map((c) => c.id));
  const poolIds = new Set(doc.pools.map((p) => p.id));
  const firstCommon = doc.classes.find((c) => c.type === "common")?.id;
  const stakeholders: Stakeholder[] = doc.stakeholders.map((s) => ({
    kind: "stakeholder",
    id: stakeholderId(s.id),
    name: s.name,
    type: s.type,
    aliases: s.aliases,
  }));
  const classes = doc.classes.map((c, i) =>
    buildClass(b, c, ["classes", i], firstCommon === undefined ? undefined : shareClassId(firstCommon)),
  );
  const pools: OptionPoolDefinition[] = doc.pools.map((p, i) => {
    if (!classIds.has(p.class))
      b.report("deal_unknown_reference", `names unknown share class "${p.class}"`, ["pools", i, "class"]);
    return { id: poolId(p.id), name: p.name, classId: shareClassId(p.class), initialReserved: p.reserved };
  });
  const vestingSchedules: VestingSchedule[] = doc.vesting.map((v, i) => {
    if (v.cliffMonths > v.months) {
      b.report(
        "deal_invalid_field",
        `the cliff (${v.cliffMonths} months) is longer than the schedule (${v.months})`,
        ["vesting", i, "cliffMonths"],
      );
    }
    b.fractionInRange(
      v.acceleration.singleTrigger,
      ["vesting", i, "acceleration", "singleTrigger"],
      "acceleration",
      {
        allowOne: true,
      },
    );
    b.fractionInRange(
      v.acceleration.doubleTrigger,
      ["vesting", i, "acceleration", "doubleTrigger"],
      "acceleration",
      {
        allowOne: true,
      },
    );
    return {
      kind: "vesting_schedule",
      id: vestingScheduleId(v.id),
      name: v.name ?? v.id,
      months: v.months,
      cliffMonths: v.cliffMonths,
      intervalMonths: v.intervalMonths,
      acceleration: v.acceleration,
    };
  });
  const transactions = doc.transactions.map((t, i) => {
    if (t.assumption !== undefined) {
      if (!b.assumptionIds.has(t.assumption)) {
        b.report("deal_unknown_reference", `names unknown assumption "${t.assumption}"`, [
          "transactions",
          i,
          "assumption",
        ]);
      } else {
        b.assumedFields.set(pathKey(["transactions", i]), t.assumption);
      }
    }
    return buildTransaction(b, t, i);
  });
  const sink: RoundBuild = { termsClaims: [], uncertain: false };
  const claimed = new Set<string>(options.externalClaims ?? []);
  for (const c of doc.claims)
    for (const id of typeof c.about === "string" ? [c.about] : c.about) claimed.add(id);
  for (const sc of doc.scenarios) for (const id of Object.keys(sc.values ?? {})) claimed.add(id);
  // P2P-6: the classes a round's pay-to-play names are the deal's, or made by its rounds.
  const knownClasses = new Set([
    ...doc.classes.map((c) => c.id),
    ...doc.rounds.flatMap((r) => (typeof r.class === "string" ? [] : [r.class.id])),
  ]);
  const rounds = doc.rounds.map((r, i) => {
    const where: FieldPath = ["rounds", i];
    if (r.payToPlay) {
      const p2p = r.payToPlay;
      const at: FieldPath = [...where, "payToPlay"];
      p2p.classes.forEach((id, j) => {
        if (!knownClasses.has(id))
          b.report(
            "deal_unknown_reference",
            `round ${r.name}'s pay-to-play names unknown share class "${id}"; declare it under classes`,
            [...at, "classes", j],
          );
      });
      if (p2p.shadowClass !== undefined && !knownClasses.has(p2p.shadowClass))
        b.report(
          "deal_unknown_reference",
          `round ${r.name}'s pay-to-play re-designates into unknown share class "${p2p.shadowClass}"; declare it under classes`,
          [...at, "shadowClass"],
        );
      if (p2p.offered !== undefined && p2p.offered <= 0n)
        b.report("deal_invalid_field", `round ${r.name}'s pay-to-play offers no shares`, [...at, "offered"]);
      if (r.closings.length > 0)
        b.report(
          "round_invalid",
          `round ${r.name} has later closings and a pay-to-play term: which closings' purchases count is not modelled; write the pay-to-play as a pay_to_play transaction dated at the closing that counts`,
          [...at],
        );
    }
    r.investments.forEach((inv, j) => {
      if (!stakeholderIds.has(inv.investor)) {
        b.report(
          "deal_unknown_reference",
          `names unknown stakeholder "${inv.investor}"; declare it under stakeholders`,
          [...where, "investments", j, "investor"],
        );
      }
    });
    if (r.pool && !poolIds.has(r.pool.pool)) {
      b.report("deal_unknown_reference", `names unknown option pool "${r.pool.pool}"`, [
        ...where,
        "pool",
        "pool",
      ]);
    }
    return buildRound(
      b,
      r,
      i,
      firstCommon === undefined ? undefined : shareClassId(firstCommon),
      sink,
      claimed,
    );
  });
  const ledger: Ledger = { company, stakeholders, classes, pools, vestingSchedules, transactions };
  const structure = checkClassStructure(ledger);
  if (structure) b.problems.push(structure);
  if (b.problems.length > 0) return { ok: false, problems: b.problems };
  const templates = [...rounds].sort((x, y) =>
    x.terms.date < y.terms.date ? -1 : x.terms.date > y.terms.date ? 1 : 0,
  );
  const base = {
    document: doc,
    ledger,
    assumptions: doc.assumptions.map((a) => ({ id: a.id, text: a.text, source: a.source })),
    assumedFields: b.assumedFields,
    templates,
    termsClaims: sink.termsClaims,
    roundsUncertain: sink.uncertain,
  };
  const hasClaims = doc.claims.length > 0 || doc.sources.length > 0 || doc.scenarios.length > 0;
  if (options.templatesOnly && sink.uncertain)
    return ok({ ...base, rounds: [], uncertainty: undefined, scenario: undefined });
  if (!sink.uncertain && (!hasClaims || options.templatesOnly)) {
    const fixed = templates.map((t) => termsFromTemplate(t, new Map(), b.currency));
    const failed = fixed.find((t) => !t.ok);
    if (failed && !failed.ok) return failed;
    return ok({
      ...base,
      rounds: fixed.map((t) => (t as { value: RoundTerms }).value),
      uncertainty: undefined,
      scenario: undefined,
    });
  }
  // DEAL-4: a deal with estimates or claims resolves its rounds at the base scenario.
  const uncertainty = buildUncertainty(doc, templates, sink.termsClaims, b.currency, b.rates, sink.uncertain);
  if (!uncertainty.ok) return uncertainty;
  return withScenario(
    { ...base, rounds: [], uncertainty: uncertainty.value, scenario: undefined },
    "base",
    uncertainty.warnings,
  );
}

/** A SAFE's or note's own conversion-price precisions (ROUND-9), when it states any. */
function conversionPricePrecisionOf(t: {
  capPricePrecision?: {
    places: number;
    rounding: "up" | "down" | "half_up";
    sharesFromRoundedPrice: boolean;
  };
  discountPricePrecision?: {
    places: number;
    rounding: "up" | "down" | "half_up";
    sharesFromRoundedPrice: boolean;
  };
}): { conversionPricePrecision?: ConversionPricePrecision } {
  if (t.capPricePrecision === undefined && t.discountPricePrecision === undefined) return {};
  return {
    conversionPricePrecision: {
      ...(t.capPricePrecision ? { cap: t.capPricePrecision } : {}),
      ...(t.discountPricePrecision ? { discount: t.discountPricePrecision } : {}),
    },
  };
}
