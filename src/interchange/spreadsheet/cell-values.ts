import { parseAmount } from "../../core/exact/amount-parse.js";
import type { Currency } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { type IsoDate, parseIsoDate } from "../../core/shared/date.js";
import { LIMITS } from "../../core/shared/limits.js";
import type { SheetCell } from "./sheet.js";

/**
 * Reading one cell as what its column holds (IMP-12..IMP-16). Each reader returns the
 * exact value or a sentence saying what is wrong; none goes through a binary float: a
 * numeric XLSX cell is read from the decimal text of its stored number.
 */
export type CellRead<T> = { ok: true; value: T } | { ok: false; why: string };

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const no = <T>(why: string): CellRead<T> => ({ ok: false, why });

function quoted(cell: SheetCell): string {
  return JSON.stringify(cell.text.length > 40 ? `${cell.text.slice(0, 37)}...` : cell.text);
}

/** Text without the spaces people put in numbers: plain, no-break and narrow no-break spaces. */
function withoutSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u202f\u2009']/g, "");
}

/**
 * A whole, non-negative number of shares (IMP-12): `1234567`, `1,234,567`, `1 234 567`,
 * `1.234.567`, or a numeric cell holding a whole number. A fraction of a share, a
 * negative count and an abbreviation (`12.5k`, `12,5k`, `1M`) are refused: a share count
 * is written in full.
 */
export function readShares(cell: SheetCell): CellRead<bigint> {
  if (cell.formulaProblem) return no(`holds ${cell.formulaProblem}, not a share count`);
  if (cell.date) return no(`holds a date (${cell.date}), not a share count`);
  let r: Rational | undefined;
  if (cell.number !== undefined) r = Rational.parse(cell.number);
  else {
    const raw = cell.text.trim();
    if (/^\(.*\)$/.test(raw) || /^[-−–]/.test(raw))
      return no(`${quoted(cell)} is negative: a share count is zero or more`);
    if (/\d\s*[kKmMbB]\b|\d\s*(?:mn|md|mds|mio|millions?|milliers?|thousands?)\b/i.test(raw))
      return no(
        `${quoted(cell)} is abbreviated: write the whole number of shares (12500, not 12.5k or 12,5k)`,
      );
    const s = withoutSpaces(raw);
    if (/^\d+$/.test(s)) r = Rational.parse(s);
    else if (/^\d{1,3}(,\d{3})+$/.test(s) || /^\d{1,3}(\.\d{3})+$/.test(s))
      r = Rational.parse(s.replace(/[.,]/g, ""));
    else if (/^\d+[.,]\d+$/.test(s))
      return no(`${quoted(cell)} is not a whole number of shares: a share count has no fraction`);
    else return no(`${quoted(cell)} is not a number of shares: expected a whole number such as 12500`);
  }
  if (!r) return no(`${quoted(cell)} is not a number of shares`);
  if (r.isNegative()) return no(`${quoted(cell)} is negative: a share count is zero or more`);
  if (!r.isInteger())
    return no(`${quoted(cell)} is not a whole number of shares: a share count has no fraction`);
  if (r.num > LIMITS.maxShares) return no(`${quoted(cell)} is above the limit of ${LIMITS.maxShares} shares`);
  return ok(r.num);
}

/** The exact decimal text of an amount or a number (the deal file's form). */
export function decimalText(r: Rational): string {
  return r.isTerminatingDecimal() ? r.toDecimalString(30) : r.toString();
}

export interface CellAmount {
  readonly amount: Rational;
  /** The currency the cell names, when it names one. */
  readonly currency: Currency | undefined;
}

/**
 * An amount of money (IMP-13): a numeric cell in the cap table's currency, or text read by
 * the project's amount parser (`$50B`, `1 234 567,89 €`, `USD 300m`, `2,5 M€`).
 */
export function readAmount(cell: SheetCell): CellRead<CellAmount> {
  if (cell.formulaProblem) return no(`holds ${cell.formulaProblem}, not an amount`);
  if (cell.date) return no(`holds a date (${cell.date}), not an amount`);
  if (cell.number !== undefined) {
    const r = Rational.parse(cell.number);
    if (!r) return no(`${quoted(cell)} is not an amount`);
    if (r.isNegative()) return no(`${quoted(cell)} is negative: an amount is zero or more`);
    return ok({ amount: r, currency: undefined });
  }
  const plain = Rational.parse(withoutSpaces(cell.text));
  if (plain) {
    if (plain.isNegative()) return no(`${quoted(cell)} is negative: an amount is zero or more`);
    return ok({ amount: plain, currency: undefined });
  }
  const parsed = parseAmount(cell.text, { defaultCurrency: "XXX" as Currency });
  if (!parsed.ok) return no(parsed.error);
  if (parsed.value.amount.isNegative()) return no(`${quoted(cell)} is negative: an amount is zero or more`);
  return ok({ amount: parsed.value.amount, currency: parsed.match.currency });
}

/** How to read dates written with slashes: day first (31/12/2025) or month first (12/31/2025). */
export type DateOrder = "dmy" | "mdy";

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The two numbers before the year of a slash date, to find the file's order. */
export function slashDateParts(cell: SheetCell): [number, number] | undefined {
  if (cell.date || cell.number !== undefined) return undefined;
  const m = SLASH_DATE.exec(cell.text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function isoFrom(year: number, month: number, day: number): IsoDate | undefined {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return parseIsoDate(text);
}

/**
 * A calendar date (IMP-14): a date cell, `2025-12-31`, `31.12.2025`, or a slash date read
 * in the file's order (`31/12/2025` day first, `12/31/2025` month first).
 */
export function readDate(cell: SheetCell, order: DateOrder | undefined): CellRead<IsoDate> {
  if (cell.formulaProblem) return no(`holds ${cell.formulaProblem}, not a date`);
  if (cell.date) return ok(cell.date);
  const s = cell.text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (iso) {
    const d = isoFrom(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? ok(d) : no(`${quoted(cell)} is not a calendar date`);
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (dotted) {
    const d = isoFrom(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
    return d ? ok(d) : no(`${quoted(cell)} is not a calendar date (day.month.year)`);
  }
  const slash = SLASH_DATE.exec(s);
  if (slash) {
    const [a, b, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    if (order === undefined) return no(`${quoted(cell)} can be read day first or month first`);
    const d = order === "dmy" ? isoFrom(y, b, a) : isoFrom(y, a, b);
    return d
      ? ok(d)
      : no(
          `${quoted(cell)} is not a calendar date (${order === "dmy" ? "day/month/year" : "month/day/year"})`,
        );
  }
  return no(`${quoted(cell)} is not a date: write it 2025-12-31, 31.12.2025 or 31/12/2025`);
}

/** A fraction: `20%`, `20 %`, `0.2`, or a number in a percentage-formatted cell. */
export function readFraction(cell: SheetCell): CellRead<Rational> {
  if (cell.formulaProblem) return no(`holds ${cell.formulaProblem}, not a percentage`);
  if (cell.number !== undefined) {
    const r = Rational.parse(cell.number);
    return r ? ok(r) : no(`${quoted(cell)} is not a percentage`);
  }
  const s = withoutSpaces(cell.text).replace(",", ".");
  const percent = s.endsWith("%");
  const r = Rational.parse(percent ? s.slice(0, -1) : s);
  if (!r) return no(`${quoted(cell)} is not a percentage: write it 20% or 0.2`);
  return ok(percent ? r.divInt(100n) : r);
}

/** A multiple: `1x`, `1.5x`, `1,5x`, `2`. */
export function readMultiple(cell: SheetCell): CellRead<Rational> {
  if (cell.number !== undefined) {
    const r = Rational.parse(cell.number);
    return r && !r.isNegative() ? ok(r) : no(`${quoted(cell)} is not a multiple`);
  }
  const s = withoutSpaces(cell.text).replace(/[x×]$/i, "").replace(",", ".");
  const r = Rational.parse(s);
  return r && !r.isNegative() ? ok(r) : no(`${quoted(cell)} is not a multiple such as 1x or 1.5x`);
}

/** A whole number in a range (seniority, months). */
export function readWhole(cell: SheetCell, min: number, max: number): CellRead<number> {
  const s = cell.number ?? withoutSpaces(cell.text);
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max)
    return no(`${quoted(cell)} is not a whole number from ${min} to ${max}`);
  return ok(Number(s));
}

/** A duration in months: `48`, `48 months`, `48 mois`, `4 years`, `4 ans`. */
export function readMonths(cell: SheetCell): CellRead<number> {
  if (cell.number !== undefined) return readWhole(cell, 0, 600);
  const m = /^(\d+)\s*(months?|mois|m|years?|yrs?|ans?|y)?$/i.exec(cell.text.trim());
  if (!m) return no(`${quoted(cell)} is not a number of months: write 48, 48 months or 4 years`);
  const n = Number(m[1]) * (m[2] && /^(y|ye|yr|an)/i.test(m[2]) ? 12 : 1);
  return n <= 600 ? ok(n) : no(`${quoted(cell)} is more than 600 months`);
}

function key(cell: SheetCell): string {
  return cell.text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9.,]+/g, " ")
    .trim();
}

export type Participation = "none" | "full" | { cap: string };

/** `none`, `full`, `non-participating`, `participating`, `capped at 3x`, `3x cap`, `plafonnée à 3x`. */
export function readParticipation(cell: SheetCell): CellRead<Participation> {
  const k = key(cell);
  if (
    /^(none|no|non|false|0|non participating|nonparticipating|non participatif|non participative|sans)$/.test(
      k,
    )
  )
    return ok("none");
  const cap = /(\d+(?:[.,]\d+)?)\s*x/.exec(k);
  if (cap && /cap|plafon/.test(k)) return ok({ cap: cap[1]!.replace(",", ".") });
  if (/^(full|yes|oui|true|1|participating|participatif|participative|full participation)$/.test(k))
    return ok("full");
  return no(`${quoted(cell)} is not a participation: write none, full or capped at 3x`);
}

/** individual or institution, from the words people use for holders. */
export function readHolderKind(cell: SheetCell): CellRead<"individual" | "institution"> {
  const k = key(cell);
  if (
    /\b(individual|person|natural person|founder|co founder|cofounder|employee|advisor|adviser|consultant|director|officer|angel|personne physique|fondateur|cofondateur|co fondateur|salarie|dirigeant|conseiller|mandataire|particulier|business angel)\b/.test(
      k,
    )
  )
    return ok("individual");
  if (
    /\b(fund|company|institution|institutional|corporation|corporate|entity|vc|venture|llc|inc|ltd|trust|legal entity|personne morale|societe|fonds|holding|investisseur institutionnel|sas|sa|sarl)\b/.test(
      k,
    )
  )
    return ok("institution");
  return no(`${quoted(cell)} is not a kind of holder: write individual, founder, employee, fund or company`);
}

export type SecurityKind = "stock" | "option" | "rsu" | "warrant" | "safe" | "note";

/** The kind of security: stock, option (BSPCE), RSU (AGA), warrant (BSA), SAFE (BSA AIR), note. */
export function readSecurity(cell: SheetCell): CellRead<SecurityKind> {
  const k = key(cell);
  if (/\b(bsa air|safe|safes)\b/.test(k)) return ok("safe");
  if (/\b(rsu|rsus|restricted stock units?|aga|actions gratuites)\b/.test(k)) return ok("rsu");
  if (/\b(options?|stock options?|iso|nso|nqso|bspce)\b/.test(k)) return ok("option");
  if (/\b(warrants?|bsa)\b/.test(k)) return ok("warrant");
  if (
    /\b(notes?|convertible|convertible notes?|convertible loans?|oc|obligations? convertibles?|kiss)\b/.test(
      k,
    )
  )
    return ok("note");
  if (/\b(stock|shares?|common|preferred|ordinary|equity|actions?|ordinaires?|parts?|titres?)\b/.test(k))
    return ok("stock");
  return no(`${quoted(cell)} is not a kind of security: write stock, option, warrant, SAFE or note`);
}

/** common or preferred, from a class-type cell. */
export function readClassType(cell: SheetCell): CellRead<"common" | "preferred"> {
  const k = key(cell);
  if (/\b(common|ordinary|ordinaires?|ao)\b/.test(k)) return ok("common");
  if (/\b(preferred|preference|pref|priorite|prioritaires?|adp)\b/.test(k)) return ok("preferred");
  return no(`${quoted(cell)} is not a class type: write common or preferred`);
}

/** The anti-dilution protections a class can have (SPEC ADJ-1, CLS-4). */
export type AntiDilution =
  | "none"
  | "broad_based_weighted_average"
  | "narrow_based_weighted_average"
  | "full_ratchet";

/**
 * An anti-dilution term as people write it (IMP-44): `none`, `broad-based weighted average`
 * (`broad`, `BBWA`, `moyenne pondérée large`), `narrow-based weighted average` (`narrow`,
 * `moyenne pondérée étroite`), `full ratchet` (`ratchet`, `cliquet intégral`).
 */
export function antiDilutionOfText(text: string): AntiDilution | undefined {
  const k = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (/^(none|no|non|aucune?|sans|false|0|n a)$/.test(k)) return "none";
  if (/^(full ratchet|ratchet|full|ratchet integral|cliquet|cliquet integral|clause de cliquet)$/.test(k))
    return "full_ratchet";
  if (
    /^(broad|broad based|broad based weighted average|bbwa|weighted average broad based|moyenne ponderee large|moyenne ponderee elargie|large)$/.test(
      k,
    )
  )
    return "broad_based_weighted_average";
  if (
    /^(narrow|narrow based|narrow based weighted average|nbwa|weighted average narrow based|moyenne ponderee etroite|moyenne ponderee restreinte|etroite)$/.test(
      k,
    )
  )
    return "narrow_based_weighted_average";
  return undefined;
}

export function readAntiDilution(cell: SheetCell): CellRead<AntiDilution> {
  const read = antiDilutionOfText(cell.text);
  return read !== undefined
    ? ok(read)
    : no(
        `${quoted(cell)} is not an anti-dilution term: write none, broad-based weighted average, narrow-based weighted average or full ratchet`,
      );
}

/** Whether a ledger row is outstanding: cancelled, transferred, exercised, converted rows are not. */
export function readOutstanding(cell: SheetCell): CellRead<boolean> {
  const k = key(cell);
  if (
    /^(outstanding|issued|active|current|en circulation|emis|emise|actif|active|valid|valide|granted|attribue)$/.test(
      k,
    )
  )
    return ok(true);
  if (
    /\b(cancel+ed|transferred|exercised|repurchased|converted|forfeited|expired|retired|surrendered|redeemed|annule|annulee|transfere|transferee|exerce|rachete|converti|expire|caduc|cede)\b/.test(
      k,
    )
  )
    return ok(false);
  return no(
    `${quoted(cell)} is not a status: write outstanding, cancelled, transferred, exercised or converted`,
  );
}
