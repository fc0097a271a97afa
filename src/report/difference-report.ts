import { compactMoney } from "../core/exact/money.js";
import type { DealDifference, FigureMove, RecordChange } from "../deal/difference.js";
import { amount, decimal, moneyText, percent } from "./format.js";

/**
 * The difference between two versions of a deal as JSON (SPEC DEAL-DIFF-1..3): records
 * with their fields as the file writes them; the pro forma's figures as decimal strings
 * with their currency, ownership as fractions between 0 and 1.
 */
export function differenceJson(d: DealDifference, versions?: { from: number; to: number }) {
  return {
    ...(versions ?? {}),
    records: d.records.map((r) => ({
      kind: r.kind,
      id: r.id,
      name: r.name,
      change: r.change,
      fields: r.fields.map((f) => ({
        field: f.field,
        ...(f.before === undefined ? {} : { before: f.before }),
        ...(f.after === undefined ? {} : { after: f.after }),
      })),
    })),
    proForma:
      d.proForma === undefined
        ? null
        : {
            round: {
              ...(d.proForma.round.before === undefined ? {} : { before: d.proForma.round.before }),
              ...(d.proForma.round.after === undefined ? {} : { after: d.proForma.round.after }),
            },
            figures: d.proForma.figures.map((f) => ({
              figure: f.figure,
              currency: (f.after ?? f.before)!.currency,
              ...(f.before === undefined ? {} : { before: amount(f.before) }),
              ...(f.after === undefined ? {} : { after: amount(f.after) }),
            })),
            holders: d.proForma.holders.map((h) => ({
              id: h.id,
              name: h.name,
              ...(h.before === undefined ? {} : { before: decimal(h.before) }),
              ...(h.after === undefined ? {} : { after: decimal(h.after) }),
            })),
          },
  };
}

const FIGURE_NAMES: Record<FigureMove["figure"], string> = {
  price_per_share: "price per share",
  pre_money: "pre-money",
  post_money: "post-money",
  new_money: "new money",
};

const KIND_NAMES: Record<RecordChange["kind"], string> = {
  company: "company",
  exchange_rate: "exchange rate",
  assumption: "assumption",
  stakeholder: "stakeholder",
  class: "class",
  pool: "pool",
  vesting: "vesting schedule",
  transaction: "transaction",
  round: "round",
  investment: "investment",
  source: "source",
  claim: "claim",
  quantity: "quantity",
  scenario: "scenario",
  exit: "exit terms",
};

/** The difference in words, for a person (DEAL-DIFF-3): one line per record, then the pro forma. */
export function differenceText(d: DealDifference): string {
  const lines: string[] = [];
  if (d.records.length === 0) lines.push("No change to the deal's records.");
  for (const r of d.records) {
    const sign = r.change === "added" ? "+" : r.change === "removed" ? "−" : "~";
    lines.push(`${sign} ${KIND_NAMES[r.kind]} ${r.name}${r.name === r.id ? "" : ` (${r.id})`} ${r.change}`);
    if (r.change !== "changed") continue;
    for (const f of r.fields) lines.push(`    ${f.field}: ${f.before ?? "—"} → ${f.after ?? "—"}`);
  }
  const p = d.proForma;
  if (p === undefined) {
    lines.push("", "The pro forma of one of the versions cannot be computed.");
  } else if (p.figures.length > 0 || p.holders.length > 0) {
    const round = p.round.after ?? p.round.before;
    lines.push("", round ? `Pro forma after ${round}` : "Cap table");
    for (const f of p.figures) {
      // Compact money, unless it hides the change: then to the cent.
      const short = (m: FigureMove["before"]) => (m === undefined ? "—" : compactMoney(m));
      const exact = (m: FigureMove["before"]) => (m === undefined ? "—" : moneyText(m, 2));
      const show = short(f.before) === short(f.after) ? exact : short;
      lines.push(`    ${FIGURE_NAMES[f.figure]}: ${show(f.before)} → ${show(f.after)}`);
    }
    for (const h of p.holders) {
      const show = (v: typeof h.before) => (v === undefined ? "—" : percent(v, 2));
      lines.push(`    ${h.name}: ${show(h.before)} → ${show(h.after)} fully diluted`);
    }
  } else {
    lines.push("", "The pro forma did not move.");
  }
  return `${lines.join("\n")}\n`;
}
