import { type Currency, compactMoney, type Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, type Locale } from "../i18n/number-format.js";

/**
 * An amount written in full, to the dollar when whole and to the cent otherwise
 * ("$829,999,999,895", "$32,530,120,413.75"), or to `places` decimals when more are asked
 * (a price's four): what the title of a compact figure holds. Rounded half-even from the
 * exact value; every digit is in the JSON.
 */
export function exactMoneyText(value: Money, locale: Locale, places = 0): string {
  return formatMoney(value, value.amount.isInteger() ? places : Math.max(places, 2), locale);
}

/**
 * An amount as a person reads it in a table or a sentence (issue 16): the core's one
 * compact form ("$830B", "830 Md$"), never a second rounding of the interface's own.
 */
export function compactMoneyText(value: Money, locale: Locale): string {
  return compactMoney(value, locale);
}

/**
 * A chart's axis tick or tooltip from the float a chart library hands back: the compact
 * form of its six significant digits (a drawing's scale, not an exact figure).
 */
export function tickMoneyText(x: number, currency: Currency, locale: Locale): string {
  const amount = Number.isFinite(x) ? (Rational.parse(x.toPrecision(6)) ?? Rational.ZERO) : Rational.ZERO;
  return compactMoney({ kind: "money", currency, amount }, locale);
}

/**
 * A table cell holding an amount: compact as people read it, the exact amount in its
 * title (shown on hover, read by screen readers as the cell's description), as the exit
 * view's tables do. `header` makes it the row's header cell.
 */
export function MoneyCell({
  value,
  header = false,
  places = 0,
  cell,
}: {
  value: Money;
  header?: boolean;
  /** The cell's `data-cell`, naming what it holds for tests and styles ("payout"). */
  cell?: string;
  /** The least decimals of the exact amount in the title (a price's four). */
  places?: number;
}) {
  const { locale } = useI18n();
  const title = exactMoneyText(value, locale, places);
  const text = compactMoneyText(value, locale);
  return header ? (
    <th scope="row" className="num" title={title}>
      {text}
    </th>
  ) : (
    <td className="num" title={title} data-cell={cell}>
      {text}
    </td>
  );
}
