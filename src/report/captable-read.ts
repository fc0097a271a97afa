import type { CapTableReport, CapTableRow } from "../app/captable.js";
import { Rational } from "../core/exact/rational.js";
import {
  type At,
  currencyCode,
  exact,
  field,
  has,
  isoDate,
  type JsonRead,
  keys,
  list,
  moneyIn,
  oneOf,
  readJson,
  refuse,
  text,
  whole,
} from "./json-read.js";

/**
 * The cap table's ownership as the API serves it (GET …/captable, `capTableJson`): the
 * company, the date, the holders' and classes' rows and the totals, typed. An investor's
 * answer has its own holders only and the totals only where the owner shares them
 * (AUTH-7), so the totals may be absent. The SAFEs, notes, debts and what-ifs the JSON may
 * add are not read: their JSON does not carry every figure's currency or the claims a
 * what-if set aside, and the web's cap table shows the ownership only.
 */
export type CapTableOwnership = Omit<
  CapTableReport,
  "totals" | "whatIf" | "convertibles" | "atPrice" | "debts"
> & {
  readonly totals?: CapTableReport["totals"];
};

/** The ownership part of a typed cap table report: what `capTableOwnershipFromJson` reads back. */
export function capTableOwnershipOf(report: CapTableReport): CapTableOwnership {
  const { whatIf: _w, convertibles: _c, atPrice: _p, debts: _d, ...ownership } = report;
  return ownership;
}

const KINDS = ["stakeholder", "unallocated_pool", "class"] as const;
/** One unit of the 18th decimal place, the places of a report's decimals (OUT-1). */
const LAST_PLACE = Rational.of(1n, 10n ** 18n);

/**
 * The typed cap table of the API's JSON (`capTableJson`, SPEC FD-1..FD-4, OUT-2): share
 * counts as bigints, fractions exact. With the totals, each fraction is the exact quotient
 * of its count by the total (the JSON's decimals are those rounded to 18 places so that a
 * column sums to exactly 1, OUT-2); without them (an investor's answer) it is the decimal
 * as written. A JSON that is not a cap table gives a message naming the field.
 */
export function capTableOwnershipFromJson(json: unknown): JsonRead<CapTableOwnership> {
  return readJson("the cap table the server answered", json, (root) => {
    const currency = currencyCode(field(root, "currency"));
    const totals = has(root, "totals")
      ? (() => {
          const t = field(root, "totals");
          return {
            outstanding: whole(field(t, "outstanding")),
            asConverted: whole(field(t, "asConverted")),
            fullyDiluted: whole(field(t, "fullyDiluted")),
            unconverted: moneyIn(currency, field(t, "unconverted")),
          };
        })()
      : undefined;
    const fractionOf = (row: At, name: string, count: bigint, total: bigint | undefined): Rational => {
      const at = field(row, name);
      const written = exact(at);
      if (total === undefined) return written;
      const quotient = total === 0n ? Rational.ZERO : Rational.of(count, total);
      // Rounded to 18 places, the decimal is less than one unit of the last place away.
      if (!written.sub(quotient).abs().lt(LAST_PLACE))
        refuse(at, `the count's fraction of the total (${quotient.toDecimalString(18)})`);
      return quotient;
    };
    const rowOf = (row: At): CapTableRow => {
      const outstanding = whole(field(row, "outstanding"));
      const asConverted = whole(field(row, "asConverted"));
      const fullyDiluted = whole(field(row, "fullyDiluted"));
      const byClass = field(row, "sharesByClass");
      return {
        kind: oneOf(field(row, "kind"), KINDS),
        subject: { id: text(field(row, "id")), name: text(field(row, "name")) },
        outstanding,
        asConverted,
        fullyDiluted,
        outstandingFraction: fractionOf(row, "outstandingFraction", outstanding, totals?.outstanding),
        asConvertedFraction: fractionOf(row, "asConvertedFraction", asConverted, totals?.asConverted),
        fullyDilutedFraction: fractionOf(row, "fullyDilutedFraction", fullyDiluted, totals?.fullyDiluted),
        ...(has(row, "optionsVested") || has(row, "optionsUnvested")
          ? {
              options: {
                vested: whole(field(row, "optionsVested")),
                unvested: whole(field(row, "optionsUnvested")),
              },
            }
          : {}),
        ...(byClass.value !== undefined
          ? {
              sharesByClass: new Map(keys(byClass).map((c) => [c, whole(field(byClass, c))])),
            }
          : {}),
      };
    };
    return {
      company: { name: text(field(root, "company")), currency },
      asOf: isoDate(field(root, "asOf")),
      holders: list(field(root, "holders"), rowOf),
      classes: list(field(root, "classes"), rowOf),
      ...(totals ? { totals } : {}),
    };
  });
}
