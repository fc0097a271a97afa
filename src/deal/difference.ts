import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { capTableView, fractionOf } from "../core/ledger/views.js";
import { runDeal } from "../core/round/timeline.js";
import type { Deal } from "./build.js";
import type { DealDocument } from "./schema.js";

/**
 * The difference between two versions of a deal (SPEC DEAL-DIFF-1..3): which records were
 * added, removed or changed — the company, stakeholders, classes with their terms, pools,
 * vesting schedules, transactions, rounds and each investment, sources, claims, scenarios,
 * assumptions — field by field, with the values as the file writes them; and how the pro
 * forma moved (the last round's price, valuations and new money, and every holder's fully
 * diluted ownership after it; the cap table's when neither version has a round).
 */

export type RecordKind =
  | "company"
  | "exchange_rate"
  | "assumption"
  | "stakeholder"
  | "class"
  | "pool"
  | "vesting"
  | "transaction"
  | "round"
  | "investment"
  | "source"
  | "claim"
  | "quantity"
  | "scenario"
  | "exit";

/** One field of a record, before and after, as the deal file writes it; undefined when absent. */
export interface FieldChange {
  readonly field: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
}

export interface RecordChange {
  readonly kind: RecordKind;
  readonly id: string;
  /** The record's display name in the newer version (the older one when removed). */
  readonly name: string;
  /** The name in French, when the name is made of words (a transaction, an investment) (APP-9). */
  readonly nameFr?: string;
  readonly change: "added" | "removed" | "changed";
  /** The fields that differ; for an added or removed record, its fields. */
  readonly fields: readonly FieldChange[];
}

export interface FigureMove {
  readonly figure: "price_per_share" | "pre_money" | "post_money" | "new_money";
  readonly before: Money | undefined;
  readonly after: Money | undefined;
}

export interface HolderMove {
  readonly id: string;
  readonly name: string;
  /** Fully diluted fraction after the round (or in the cap table), 0–1; undefined when absent. */
  readonly before: Rational | undefined;
  readonly after: Rational | undefined;
}

export interface ProFormaMove {
  /** The round compared (the last of each version), or undefined for the cap table. */
  readonly round: { readonly before: string | undefined; readonly after: string | undefined };
  readonly figures: readonly FigureMove[];
  /** Holders whose ownership changed, in the newer version's order, then the removed ones. */
  readonly holders: readonly HolderMove[];
}

export interface DealDifference {
  readonly records: readonly RecordChange[];
  /** Undefined when either version cannot be priced (the problems are the versions' own). */
  readonly proForma: ProFormaMove | undefined;
}

/** A document value as a deal file writes it: amounts as written, numbers exactly. */
function written(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Rational.isRational(value)) return value.toString();
  if (Array.isArray(value)) {
    const items = value.map((v) => written(v) ?? "");
    return `[${items.join(", ")}]`;
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.written === "string") return o.written;
    if (o.kind === "text" && typeof o.text === "string") return o.text;
    const entries = Object.entries(o).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${k}: ${written(v)}`).join(", ")} }`;
  }
  return String(value);
}

/** A record's fields flattened to dotted paths (`preference.multiple`), nested lists kept whole. */
function fieldsOf(record: unknown, skip: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (
      value !== null &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      !Rational.isRational(value) &&
      typeof (value as { written?: unknown }).written !== "string" &&
      (value as { kind?: unknown }).kind !== "text"
    ) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (prefix === "" && skip.has(k)) continue;
        walk(v, prefix === "" ? k : `${prefix}.${k}`);
      }
      return;
    }
    // An empty list says nothing a reader needs (the schema's default).
    if (Array.isArray(value) && value.length === 0) return;
    const text = written(value);
    if (text !== undefined) out.set(prefix, text);
  };
  walk(record, "");
  return out;
}

function fieldChanges(before: Map<string, string>, after: Map<string, string>): FieldChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys
    .filter((k) => before.get(k) !== after.get(k))
    .map((field) => ({ field, before: before.get(field), after: after.get(field) }));
}

interface Keyed {
  readonly id: string;
  readonly name: string;
  readonly nameFr?: string;
  readonly value: unknown;
}

/** The deal file's transaction types in French (the web editor's words for them). */
const TRANSACTION_TYPES_FR: Readonly<Record<string, string>> = {
  issue: "émission d'actions",
  grant: "attribution d'options",
  warrant: "bon de souscription",
  safe: "SAFE",
  note: "obligation convertible",
  exercise: "exercice",
  transfer: "cession",
  cancel: "annulation",
  repurchase: "rachat",
  split: "division",
  pool_increase: "hausse du pool",
  authorize: "actions autorisées",
  convert: "conversion",
};

function diffRecords(
  kind: RecordKind,
  before: readonly Keyed[],
  after: readonly Keyed[],
  skip: ReadonlySet<string> = new Set(),
): RecordChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const changes: RecordChange[] = [];
  for (const r of after) {
    const was = old.get(r.id);
    const fields = fieldChanges(was ? fieldsOf(was.value, skip) : new Map(), fieldsOf(r.value, skip));
    const names = { name: r.name, ...(r.nameFr !== undefined ? { nameFr: r.nameFr } : {}) };
    if (!was) changes.push({ kind, id: r.id, ...names, change: "added", fields });
    else if (fields.length > 0) changes.push({ kind, id: r.id, ...names, change: "changed", fields });
  }
  for (const r of before) {
    if (now.has(r.id)) continue;
    const fields = fieldChanges(fieldsOf(r.value, skip), new Map());
    const names = { name: r.name, ...(r.nameFr !== undefined ? { nameFr: r.nameFr } : {}) };
    changes.push({ kind, id: r.id, ...names, change: "removed", fields });
  }
  return changes;
}

function keyed<T extends { readonly id: string }>(items: readonly T[], name?: (item: T) => string): Keyed[] {
  return items.map((item) => ({ id: item.id, name: name?.(item) ?? item.id, value: item }));
}

/** The record-level differences between two deal documents (DEAL-DIFF-1). */
export function documentDifference(before: DealDocument, after: DealDocument): RecordChange[] {
  const named = <T extends { readonly id: string; readonly name?: string | undefined }>(
    items: readonly T[],
  ) => keyed(items, (i) => i.name ?? i.id);
  const holderName = new Map(
    [...before.stakeholders, ...after.stakeholders].map((s) => [s.id, s.name] as const),
  );
  const transactions = (doc: DealDocument): Keyed[] =>
    doc.transactions.map((t, i) => {
      const id = t.id ?? `t${i + 1}`;
      const holder = "holder" in t && typeof t.holder === "string" ? holderName.get(t.holder) : undefined;
      return {
        id,
        name: `${t.type}${holder ? ` to ${holder}` : ""} on ${t.date}`,
        nameFr: `${TRANSACTION_TYPES_FR[t.type] ?? t.type}${holder ? ` à ${holder}` : ""} le ${t.date}`,
        value: t,
      };
    });
  const investments = (doc: DealDocument): Keyed[] =>
    doc.rounds.flatMap((r) =>
      r.investments.map((inv, i) => {
        const twice = r.investments.filter((x) => x.investor === inv.investor).length > 1;
        return {
          id: `${r.id}/${inv.investor}${twice ? `#${i + 1}` : ""}`,
          name: `${holderName.get(inv.investor) ?? inv.investor} in ${r.name}`,
          nameFr: `${holderName.get(inv.investor) ?? inv.investor} dans ${r.name}`,
          value: inv,
        };
      }),
    );
  const rates = (doc: DealDocument): Keyed[] =>
    doc.exchangeRates.map((r) => ({ id: `${r.from}/${r.to}`, name: `${r.from} → ${r.to}`, value: r }));
  const single = (id: string, name: string, value: unknown): Keyed[] =>
    value === undefined ? [] : [{ id, name, value }];
  return [
    ...diffRecords("company", single("company", after.company.name, before.company), [
      { id: "company", name: after.company.name, value: after.company },
    ]),
    ...diffRecords("exchange_rate", rates(before), rates(after)),
    ...diffRecords("assumption", keyed(before.assumptions), keyed(after.assumptions)),
    ...diffRecords("stakeholder", named(before.stakeholders), named(after.stakeholders)),
    ...diffRecords("class", named(before.classes), named(after.classes)),
    ...diffRecords("pool", named(before.pools), named(after.pools)),
    ...diffRecords("vesting", keyed(before.vesting), keyed(after.vesting)),
    ...diffRecords("transaction", transactions(before), transactions(after)),
    ...diffRecords("round", named(before.rounds), named(after.rounds), new Set(["investments"])),
    ...diffRecords("investment", investments(before), investments(after)),
    ...diffRecords(
      "source",
      keyed(before.sources, (s) => s.title ?? s.id),
      keyed(after.sources, (s) => s.title ?? s.id),
    ),
    ...diffRecords("claim", keyed(before.claims), keyed(after.claims)),
    ...diffRecords("quantity", keyed(before.quantities), keyed(after.quantities)),
    ...diffRecords("scenario", named(before.scenarios), named(after.scenarios)),
    ...diffRecords(
      "exit",
      single("exit", "exit terms", before.exit),
      single("exit", "exit terms", after.exit),
    ),
  ];
}

interface Priced {
  readonly round: string | undefined;
  readonly figures: ReadonlyMap<FigureMove["figure"], Money>;
  readonly holders: ReadonlyMap<string, { name: string; fraction: Rational }>;
  readonly order: readonly string[];
}

function pricedOf(deal: Deal): Priced | undefined {
  const run = runDeal(deal.ledger, deal.rounds);
  if (!run.ok) return undefined;
  const last = run.value.rounds[run.value.rounds.length - 1];
  const table = last ? last.after : run.value.final;
  const view = capTableView(table);
  const holders = new Map(
    view.holders.map((h) => [
      h.holder as string,
      { name: h.name, fraction: fractionOf(h.fullyDiluted, view.totals.fullyDiluted) },
    ]),
  );
  const figures = new Map<FigureMove["figure"], Money>();
  if (last) {
    figures.set("price_per_share", last.pricePerShare);
    figures.set("pre_money", last.preMoneyValuation);
    figures.set("post_money", last.postMoneyValuation);
    figures.set("new_money", last.newMoney);
  }
  return { round: last?.terms.name, figures, holders, order: view.holders.map((h) => h.holder) };
}

const sameMoney = (a: Money | undefined, b: Money | undefined) =>
  a === undefined || b === undefined ? a === b : a.currency === b.currency && a.amount.eq(b.amount);

/** How the pro forma moved between two built versions (DEAL-DIFF-2). */
export function proFormaMove(before: Deal, after: Deal): ProFormaMove | undefined {
  const a = pricedOf(before);
  const b = pricedOf(after);
  if (!a || !b) return undefined;
  const figures: FigureMove[] = (["price_per_share", "pre_money", "post_money", "new_money"] as const)
    .map((figure) => ({ figure, before: a.figures.get(figure), after: b.figures.get(figure) }))
    .filter((m) => !sameMoney(m.before, m.after));
  const ids = [...b.order, ...a.order.filter((id) => !b.holders.has(id))];
  const holders: HolderMove[] = [];
  for (const id of ids) {
    const was = a.holders.get(id);
    const now = b.holders.get(id);
    if (was && now && was.fraction.eq(now.fraction)) continue;
    holders.push({ id, name: (now ?? was)!.name, before: was?.fraction, after: now?.fraction });
  }
  return { round: { before: a.round, after: b.round }, figures, holders };
}

/** The difference between two built versions of a deal (DEAL-DIFF-1..2). */
export function dealDifference(before: Deal, after: Deal): DealDifference {
  return {
    records: documentDifference(before.document, after.document),
    proForma: proFormaMove(before, after),
  };
}
