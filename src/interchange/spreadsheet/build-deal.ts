import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import { antiDilutionOfText, decimalText } from "./cell-values.js";
import type { ClassDefinition, Holding, PlacedAmount, SheetContents } from "./holdings.js";
import { nameKey } from "./holdings.js";
import type { ClassTermsText } from "./mapping.js";
import type { ProblemList } from "./problems.js";
import type { CellPlace } from "./sheet.js";

/**
 * Building the deal document from what the sheet says (IMP-60..IMP-68): stakeholders and
 * classes in the order they first appear, ids made from names, one transaction per
 * holding in date order, each with a note naming the row it comes from. A figure the deal
 * needs and the sheet lacks (a date, an exercise price, an interest rate) stands in as a
 * labelled assumption, never silently.
 */
export interface BuildOptions {
  readonly company: string;
  /** The cap table's currency, when given; otherwise the one the amounts name, else USD. */
  readonly currency: string | undefined;
  /** The date of undated holdings. */
  readonly date: IsoDate | undefined;
  /** The company's date of formation, when given (IMP-66). */
  readonly formed?: IsoDate | undefined;
  /** Class terms from the mapping file, by class name. */
  readonly classTerms: Readonly<Record<string, ClassTermsText>>;
  readonly sourceName: string;
}

export interface BuiltDocument {
  readonly document: Record<string, unknown>;
  /** The place in the sheet of each transaction, by index, to locate the loader's problems. */
  readonly transactionPlaces: readonly CellPlace[];
  /** Stakeholder id by holder name key; class id by class name key. */
  readonly holderIds: ReadonlyMap<string, string>;
  readonly classIds: ReadonlyMap<string, string>;
  readonly poolId: string | undefined;
}

/** An id from a name: `Marie Dupont` → `marie-dupont`, unique among `taken`. */
export function idFromName(name: string, taken: Set<string>, fallback: string): string {
  const base =
    name
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const COMMON_NAME =
  /^(common|common stock|common shares|ordinary|ordinary shares|actions ordinaires|ordinaires|ao)$/;

export function buildDocument(
  contents: SheetContents,
  options: BuildOptions,
  problems: ProblemList,
): BuiltDocument {
  // The currency: given, or the one the amounts name.
  const named = new Set<string>();
  const amounts: PlacedAmount[] = [];
  for (const h of contents.holdings)
    for (const a of [h.price, h.amount, h.strike, h.valuationCap]) if (a) amounts.push(a);
  for (const d of contents.classes.values()) if (d.originalIssuePrice) amounts.push(d.originalIssuePrice);
  for (const a of amounts) if (a.currency) named.add(a.currency);
  const currency = options.currency ?? (named.size > 0 ? [...named][0]! : "USD");
  for (const a of amounts)
    if (a.currency && a.currency !== currency)
      problems.error(
        "import_invalid_cell",
        a.place,
        `is in ${a.currency} but the cap table is in ${currency}: write every amount in one currency, or import with --currency ${a.currency}`,
      );
  const money = (a: PlacedAmount | undefined): string | undefined => (a ? decimalText(a.amount) : undefined);
  const exact = (r: Rational | undefined): string | undefined => (r ? decimalText(r) : undefined);

  // Stakeholders, in the order they first appear.
  const holderIds = new Map<string, string>();
  const stakeholders: Record<string, unknown>[] = [];
  const holderKinds = new Map<string, { kind: string; place: CellPlace }>();
  const takenHolders = new Set<string>();
  for (const h of contents.holdings) {
    const key = nameKey(h.holder);
    if (!holderIds.has(key)) {
      const id = idFromName(h.holder, takenHolders, `holder-${holderIds.size + 1}`);
      holderIds.set(key, id);
      stakeholders.push({ id, name: h.holder.replace(/\s+/g, " ").trim() });
    }
    if (h.holderKind) {
      const earlier = holderKinds.get(key);
      if (!earlier) holderKinds.set(key, { kind: h.holderKind, place: h.holderPlace });
      else if (earlier.kind !== h.holderKind)
        problems.error(
          "import_conflicting_values",
          h.holderPlace,
          `${h.holder} is ${h.holderKind === "individual" ? "an individual" : "an institution"} here but ${earlier.kind === "individual" ? "an individual" : "an institution"} in row ${earlier.place.row}`,
        );
    }
  }
  for (const s of stakeholders) {
    const kind = holderKinds.get(nameKey(String(s.name)));
    if (kind) s.type = kind.kind;
  }

  // Classes: those holdings name, then the pool's.
  const classOrder: { name: string; place: CellPlace }[] = [];
  const seenClass = new Set<string>();
  const addClass = (name: string, place: CellPlace) => {
    const key = nameKey(name);
    if (seenClass.has(key)) return;
    seenClass.add(key);
    classOrder.push({ name: name.replace(/\s+/g, " ").trim(), place });
  };
  for (const c of contents.declaredClasses ?? []) addClass(c.name, c.place);
  for (const h of contents.holdings)
    if (h.className !== undefined) addClass(h.className, h.classPlace ?? h.place);
  if (contents.pool?.className !== undefined) addClass(contents.pool.className, contents.pool.place);
  const mappingTerms = new Map(Object.entries(options.classTerms).map(([k, v]) => [nameKey(k), v]));

  const classIds = new Map<string, string>();
  const takenClasses = new Set<string>();
  const classes: Record<string, unknown>[] = [];
  let firstCommon: string | undefined;
  const needsCommon =
    contents.holdings.some(
      (h) => h.className === undefined && h.security !== "safe" && h.security !== "note",
    ) ||
    (contents.pool !== undefined && contents.pool.className === undefined);
  for (const { name, place } of classOrder) {
    const key = nameKey(name);
    const id = idFromName(name, takenClasses, `class-${classes.length + 1}`);
    classIds.set(key, id);
    const sheet: ClassDefinition | undefined = contents.classes.get(key);
    const mapped = mappingTerms.get(key);
    const stated = sheet !== undefined || mapped !== undefined;
    const preferenceStated =
      sheet?.preferenceMultiple !== undefined ||
      sheet?.participation !== undefined ||
      sheet?.seniority !== undefined ||
      sheet?.antiDilution !== undefined ||
      mapped?.preferenceMultiple !== undefined ||
      mapped?.participation !== undefined ||
      mapped?.seniority !== undefined ||
      mapped?.antiDilution !== undefined;
    const type = sheet?.type ?? mapped?.type ?? (preferenceStated ? "preferred" : "common");
    if (!stated && !COMMON_NAME.test(key))
      problems.warn(
        "import_class_undefined",
        place,
        `class "${name}" has no definition in the sheet (no class type, preference, participation or seniority); it is imported as common stock. State its terms in those columns, or in the mapping file's classes: section`,
      );
    const entry: Record<string, unknown> = { id, name, type };
    if (type === "preferred") {
      const oip =
        money(sheet?.originalIssuePrice) ??
        mapped?.originalIssuePrice ??
        uniquePrice(
          contents.holdings.filter((h) => h.className !== undefined && nameKey(h.className) === key),
        );
      if (oip !== undefined) entry.originalIssuePrice = oip;
      else
        problems.warn(
          "import_value_assumed",
          place,
          `preferred class "${name}" has no original issue price and its holdings no single price per share; an exit waterfall will need it (add an original issue price or price per share column)`,
        );
      const participation = sheet?.participation ?? mapped?.participation;
      entry.preference = {
        multiple: exact(sheet?.preferenceMultiple) ?? mapped?.preferenceMultiple ?? "1",
        seniority: String(sheet?.seniority ?? mapped?.seniority ?? 1),
        participation: participation ?? "none",
      };
      // IMP-61: the protection is written out, stated or not, so that the document says which
      // one the exits and down rounds apply; an unstated one is the NVCA default (CLS-4), said.
      const mappedAntiDilution =
        mapped?.antiDilution === undefined ? undefined : antiDilutionOfText(mapped.antiDilution);
      if (mapped?.antiDilution !== undefined && mappedAntiDilution === undefined)
        problems.error(
          "import_invalid_cell",
          place,
          `the mapping file gives class "${name}" the anti-dilution term "${mapped.antiDilution}": write none, broad-based weighted average, narrow-based weighted average or full ratchet`,
        );
      const antiDilution = sheet?.antiDilution ?? mappedAntiDilution;
      if (antiDilution === undefined)
        problems.warn(
          "import_value_assumed",
          place,
          `preferred class "${name}" states no anti-dilution term: broad-based weighted average is written, the NVCA model charter's default (SPEC CLS-4); add an anti-dilution column (or the mapping file's classes: section) with none, narrow-based weighted average or full ratchet if its terms differ`,
        );
      entry.antiDilution = antiDilution ?? "broad_based_weighted_average";
    } else if (firstCommon === undefined) firstCommon = id;
    const ratio = exact(sheet?.conversionRatio) ?? mapped?.conversionRatio;
    if (ratio !== undefined && ratio !== "1") entry.conversionRatio = ratio;
    entry.note = `Imported from ${options.sourceName}, sheet "${place.sheet}".`;
    classes.push(entry);
  }
  const hasPreferred = classes.some((c) => c.type === "preferred");
  if (firstCommon === undefined && (needsCommon || hasPreferred)) {
    firstCommon = idFromName("common", takenClasses, "common");
    classes.push({
      id: firstCommon,
      name: "Common",
      type: "common",
      note: "Added by the import: the class that options, warrants and preferred shares convert into.",
    });
  }

  // The pool: its available shares plus the options granted from it.
  let poolId: string | undefined;
  const pools: Record<string, unknown>[] = [];
  if (contents.pool) {
    poolId = "option-pool";
    const granted = contents.holdings
      .filter((h) => h.security === "option" || h.security === "rsu")
      .reduce((s, h) => s + (h.shares ?? 0n), 0n);
    pools.push({
      id: poolId,
      name: "Option pool",
      class:
        contents.pool.className !== undefined ? classIds.get(nameKey(contents.pool.className)) : firstCommon,
      reserved: String(contents.pool.available + granted),
    });
  }

  // Vesting schedules, one per (months, cliff).
  const vesting = new Map<string, Record<string, unknown>>();
  const vestingId = (h: Holding): string | undefined => {
    if (h.vestingMonths === undefined) {
      if (h.cliffMonths !== undefined)
        problems.error(
          "import_missing_value",
          h.place,
          "a cliff is given without the vesting period in months",
        );
      return undefined;
    }
    const cliff = h.cliffMonths ?? 0;
    if (cliff > h.vestingMonths)
      problems.error(
        "import_invalid_cell",
        h.place,
        `the cliff (${cliff} months) is longer than the vesting (${h.vestingMonths} months)`,
      );
    const id = `vesting-${h.vestingMonths}m-cliff-${cliff}m`;
    if (!vesting.has(id))
      vesting.set(id, {
        id,
        name: `${h.vestingMonths} months, ${cliff}-month cliff`,
        months: String(h.vestingMonths),
        cliffMonths: String(cliff),
      });
    return id;
  };

  // Transactions in date order; undated ones take the cap table's date as an assumption.
  const assumptions = new Map<string, string>();
  const undated = contents.holdings.filter((h) => h.issueDate === undefined);
  if (undated.length > 0 && options.date === undefined)
    problems.error(
      "import_missing_value",
      undated[0]!.place,
      `${undated.length} holding${undated.length === 1 ? " has" : "s have"} no issue date (this one first); give the date of the cap table (--date YYYY-MM-DD) or an issue date column`,
    );
  const dated = contents.holdings
    .map((h, i) => ({ h, i, date: h.issueDate ?? options.date ?? ("1970-01-01" as IsoDate) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const takenTx = new Set<string>();
  const transactions: Record<string, unknown>[] = [];
  const transactionPlaces: CellPlace[] = [];
  for (const { h, date } of dated) {
    const assumed: string[] = [];
    if (h.issueDate === undefined) {
      assumed.push("import-date");
      assumptions.set(
        "import-date",
        `The sheet gives no issue date for this holding; it is dated ${options.date}, the date of the cap table given to the import.`,
      );
    }
    const holder = holderIds.get(nameKey(h.holder))!;
    const classId = h.className !== undefined ? classIds.get(nameKey(h.className)) : undefined;
    const tx: Record<string, unknown> = { date };
    if (h.certificate !== undefined) {
      const id = idFromName(h.certificate, takenTx, `t${transactions.length + 1}`);
      tx.id = id;
    }
    const exercisePrice = (): string => {
      if (h.strike) return money(h.strike)!;
      if (h.price) return money(h.price)!;
      assumed.push("import-strike");
      assumptions.set(
        "import-strike",
        "The sheet gives no exercise price for this option or warrant; 0 stands in for it. Replace it with the price in the grant.",
      );
      return "0";
    };
    switch (h.security) {
      case "stock":
        Object.assign(tx, {
          type: "issue",
          holder,
          class: classId,
          shares: String(h.shares ?? 0n),
          ...(h.price ? { price: money(h.price) } : {}),
          ...(h.amount ? { invested: money(h.amount) } : {}),
        });
        break;
      case "option":
      case "rsu":
        Object.assign(tx, {
          type: "grant",
          holder,
          ...(poolId ? { pool: poolId } : {}),
          ...(classId ? { class: classId } : poolId ? {} : { class: firstCommon }),
          ...(h.security === "rsu" ? { optionType: "rsu" } : {}),
          quantity: String(h.shares ?? 0n),
          exercisePrice: exercisePrice(),
          ...(h.expiry ? { expires: h.expiry } : {}),
        });
        break;
      case "warrant":
        Object.assign(tx, {
          type: "warrant",
          holder,
          class: classId ?? firstCommon,
          quantity: String(h.shares ?? 0n),
          exercisePrice: exercisePrice(),
          ...(h.expiry ? { expires: h.expiry } : {}),
        });
        break;
      case "safe":
        if (!h.amount)
          problems.error("import_missing_value", h.place, `${h.holder}'s SAFE has no amount invested`);
        Object.assign(tx, {
          type: "safe",
          holder,
          amount: money(h.amount) ?? "0",
          ...(h.valuationCap ? { cap: money(h.valuationCap) } : {}),
          ...(h.discount ? { discount: exact(h.discount) } : {}),
        });
        break;
      case "note": {
        if (!h.amount)
          problems.error("import_missing_value", h.place, `${h.holder}'s note has no principal (amount)`);
        let rate = exact(h.interestRate);
        if (rate === undefined) {
          rate = "0";
          assumed.push("import-interest");
          assumptions.set(
            "import-interest",
            "The sheet gives no interest rate for this note; 0% stands in for it. Replace it with the note's rate.",
          );
        }
        Object.assign(tx, {
          type: "note",
          holder,
          principal: money(h.amount) ?? "0",
          interestRate: rate,
          ...(h.expiry ? { maturity: h.expiry } : {}),
          ...(h.valuationCap ? { cap: money(h.valuationCap) } : {}),
          ...(h.discount ? { discount: exact(h.discount) } : {}),
        });
        break;
      }
    }
    if (h.security === "stock" || h.security === "option" || h.security === "rsu") {
      const v = vestingId(h);
      if (v) {
        tx.vesting = v;
        tx.vestingStart = h.vestingStart ?? date;
      } else if (h.vestingStart)
        problems.error(
          "import_missing_value",
          h.place,
          "a vesting start is given without the vesting period in months",
        );
    }
    if (assumed.length > 0) tx.assumption = assumed.join("+");
    const where = h.place.row !== undefined ? `, row ${h.place.row}` : "";
    tx.note = `Imported from ${options.sourceName}, sheet "${h.place.sheet}"${where}.`;
    transactions.push(tx);
    transactionPlaces.push(h.place);
  }

  // Say each stand-in once, at the first row that needed it (IMP-64).
  for (const part of ["import-date", "import-strike", "import-interest"]) {
    const index = transactions.findIndex(
      (t) => typeof t.assumption === "string" && t.assumption.split("+").includes(part),
    );
    if (index < 0 || (part === "import-date" && options.date === undefined)) continue;
    const count = transactions.filter(
      (t) => typeof t.assumption === "string" && t.assumption.split("+").includes(part),
    ).length;
    problems.warn(
      "import_value_assumed",
      transactionPlaces[index],
      `${count} holding${count === 1 ? " has" : "s have"} no ${part === "import-date" ? `issue date (this one first): dated ${options.date}` : part === "import-strike" ? "exercise price (this one first): 0 stands in" : "interest rate (this one first): 0% stands in"}, labelled as the assumption ${part} in the deal`,
    );
  }

  // A transaction labelled with several assumptions names their combination.
  const assumptionList: Record<string, unknown>[] = [];
  const usedIds = new Set(
    transactions.map((t) => t.assumption).filter((a): a is string => typeof a === "string"),
  );
  for (const id of [...usedIds].sort())
    assumptionList.push({
      id,
      text: id
        .split("+")
        .map((part) => assumptions.get(part))
        .join(" "),
    });

  const document: Record<string, unknown> = {
    roundtable: 1,
    company: {
      name: options.company,
      currency,
      ...(options.formed === undefined ? {} : { formed: options.formed }),
    },
    stakeholders,
    classes,
    ...(pools.length > 0 ? { pools } : {}),
    ...(vesting.size > 0 ? { vesting: [...vesting.values()] } : {}),
    transactions,
    ...(assumptionList.length > 0 ? { assumptions: assumptionList } : {}),
  };
  return { document, transactionPlaces, holderIds, classIds, poolId };
}

/** The one price per share of a class's holdings, when they all state the same. */
function uniquePrice(holdings: readonly Holding[]): string | undefined {
  const prices = new Set(holdings.filter((h) => h.price).map((h) => decimalText(h.price!.amount)));
  return prices.size === 1 ? [...prices][0] : undefined;
}
