import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { noteBalance } from "../core/instruments/note-interest.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { type ConversionOutcome, priceRound } from "../core/round/price-round.js";
import { DEFAULT_CONVENTIONS, type RoundTerms } from "../core/round/terms.js";
import type { IsoDate } from "../core/shared/date.js";
import { roundId, shareClassId } from "../core/shared/ids.js";
import { ok, type Result } from "../core/shared/problem.js";
import type { Ref } from "./use-case.js";

/**
 * One SAFE or note not yet converted, as the cap table shows it before any priced round
 * (SAFE-7): what converts, its terms, and for a post-money SAFE with a cap the Company
 * Capitalization its cap price divides by and the ownership the cap implies.
 */
export interface ConvertibleRow {
  readonly security: string;
  readonly holder: Ref;
  readonly instrument: "safe" | "note";
  /** "post_money" or "pre_money" for a SAFE; a note's cap basis. */
  readonly capBasis: "post_money" | "pre_money";
  /** What converts: a SAFE's purchase amount, a note's principal and interest at the date (NOTE-1, NOTE-2). */
  readonly convertingAmount: Money;
  readonly valuationCap: Money | undefined;
  readonly discount: Rational | undefined;
  /**
   * A post-money SAFE with a cap (SAFE-2): the Company Capitalization at its cap (shares,
   * options, unallocated pool, and every converting security's shares at its conversion price),
   * the cap price (cap ÷ Company Capitalization), the shares it converts into at that price,
   * and the ownership the cap implies (purchase amount ÷ post-money cap, the YC post-money
   * safe's point: "the safe holder's ownership ... measured post-money").
   */
  readonly atCap:
    | {
        readonly companyCapitalization: Rational;
        readonly capPrice: Money;
        readonly shares: bigint;
        readonly impliedOwnership: Rational;
      }
    | undefined;
  /** With `--at-price`: the shares it would convert into in a priced round at that price (SAFE-4). */
  readonly atPrice:
    | {
        readonly basis: ConversionOutcome["basis"];
        readonly conversionPrice: Money;
        readonly shares: bigint;
      }
    | undefined;
}

/**
 * The SAFEs and notes outstanding on a cap table, each priced as a round would price it
 * (SAFE-7): a round is priced on the table, as the engine prices one (the same code as
 * `model`), selling nothing, at a price high enough that every capped instrument converts at
 * its cap, for the Company Capitalization; and, when asked, at the given price.
 */
export function convertiblesOf(
  table: CapTable,
  asOf: IsoDate,
  atPrice: Money | undefined,
): Result<readonly ConvertibleRow[]> {
  const instruments = [...table.securities.values()].filter(
    (s): s is Extract<typeof s, { kind: "safe" | "note" }> => s.kind === "safe" || s.kind === "note",
  );
  if (instruments.length === 0) return ok([]);
  const currency = table.company.currency;
  // Above every cap price and, after any discount below 100%, above it too: each capped
  // instrument converts at its cap. A cap price is at most the cap ÷ one share.
  const caps = instruments.map((s) => s.valuationCap?.amount ?? Rational.ZERO);
  const high = Rational.sum(caps).add(Rational.ONE).mulInt(1000n);
  // A table no round can be priced on (no common class, say) shows the instruments without it.
  const atCaps = priced(table, asOf, { kind: "money", currency, amount: high } as Money);
  const atGiven = atPrice ? priced(table, asOf, atPrice) : undefined;
  if (atGiven && !atGiven.ok) return atGiven;
  const rows = instruments.map((s): ConvertibleRow => {
    const holder = { id: s.holder as string, name: table.stakeholders.get(s.holder)?.name ?? s.holder };
    const capBasis = s.kind === "safe" ? s.safeType : s.capBasis;
    const converted = atCaps.ok ? atCaps.value.get(s.id) : undefined;
    const given = atGiven?.ok ? atGiven.value.get(s.id) : undefined;
    const cap = s.valuationCap;
    const atCap =
      capBasis === "post_money" && s.kind === "safe" && cap && converted?.basis === "cap"
        ? {
            companyCapitalization: cap.amount.div(converted.conversionPrice.amount),
            capPrice: converted.conversionPrice,
            shares: converted.shares,
            impliedOwnership: s.purchaseAmount.amount.div(cap.amount),
          }
        : undefined;
    return {
      security: s.id,
      holder,
      instrument: s.kind,
      capBasis,
      convertingAmount: s.kind === "safe" ? s.purchaseAmount : noteBalance(s, asOf),
      valuationCap: cap,
      discount: s.discount,
      atCap,
      atPrice: given
        ? { basis: given.basis, conversionPrice: given.conversionPrice, shares: given.shares }
        : undefined,
    };
  });
  return ok(rows);
}

/** The conversions of a round priced on the table at `price`, selling nothing, by security. */
function priced(table: CapTable, asOf: IsoDate, price: Money): Result<Map<string, ConversionOutcome>> {
  const terms: RoundTerms = {
    id: roundId("captable-at-price"),
    name: "a priced round",
    date: asOf,
    pricing: { basis: "price_per_share", value: price },
    newClass: {
      kind: "share_class",
      id: shareClassId("captable-at-price"),
      name: "Preferred",
      type: "preferred",
      authorizedShares: undefined,
      originalIssuePrice: undefined,
      conversionPrice: undefined,
      baseConversionRatio: Rational.ONE,
      convertsTo: [...table.classes.values()].find((c) => c.type === "common")?.id,
      preference: undefined,
      antiDilution: "none",
      dividends: undefined,
      ipoRatchetMultiple: undefined,
    },
    existingClassId: undefined,
    conversionClassId: undefined,
    investments: [],
    targetSize: undefined,
    oversubscription: "pro_rata_cutback",
    pool: { kind: "none" },
    conventions: DEFAULT_CONVENTIONS,
    closings: [],
  };
  const outcome = priceRound(table, terms);
  if (!outcome.ok) return outcome;
  return ok(new Map(outcome.value.conversions.map((c) => [c.security as string, c])));
}
