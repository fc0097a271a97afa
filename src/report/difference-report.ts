import { compactMoney } from "../core/exact/money.js";
import type { DealDifference, FigureMove, RecordChange } from "../deal/difference.js";
import { amount, decimal, moneyText, percent } from "./format.js";
import { frenchMoneyText, frenchPercent } from "./fr.js";

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

const FIGURE_NAMES: Record<FigureMove["figure"], { en: string; fr: string }> = {
  price_per_share: { en: "price per share", fr: "prix par action" },
  pre_money: { en: "pre-money", fr: "pré-money" },
  post_money: { en: "post-money", fr: "post-money" },
  new_money: { en: "new money", fr: "argent frais" },
};

const KIND_NAMES: Record<RecordChange["kind"], { en: string; fr: string }> = {
  company: { en: "company", fr: "société" },
  exchange_rate: { en: "exchange rate", fr: "taux de change" },
  assumption: { en: "assumption", fr: "hypothèse" },
  stakeholder: { en: "stakeholder", fr: "détenteur" },
  class: { en: "class", fr: "catégorie" },
  pool: { en: "pool", fr: "pool" },
  vesting: { en: "vesting schedule", fr: "calendrier d'acquisition" },
  transaction: { en: "transaction", fr: "transaction" },
  round: { en: "round", fr: "tour" },
  investment: { en: "investment", fr: "investissement" },
  source: { en: "source", fr: "source" },
  claim: { en: "claim", fr: "information" },
  quantity: { en: "quantity", fr: "quantité" },
  scenario: { en: "scenario", fr: "scénario" },
  exit: { en: "exit terms", fr: "conditions de sortie" },
};

/** How a record changed, in French (the kind's gender decides the ending). */
const CHANGES_FR: Record<RecordChange["change"], { m: string; f: string }> = {
  added: { m: "ajouté", f: "ajoutée" },
  removed: { m: "retiré", f: "retirée" },
  changed: { m: "modifié", f: "modifiée" },
};
const FEMININE: ReadonlySet<RecordChange["kind"]> = new Set([
  "company",
  "assumption",
  "class",
  "transaction",
  "source",
  "claim",
  "quantity",
]);

/**
 * The difference in words, for a person (DEAL-DIFF-3): one line per record, then the pro
 * forma; in French with `lang: "fr"` (APP-9). Field names stay the file's.
 */
export function differenceText(d: DealDifference, lang: "en" | "fr" = "en"): string {
  const fr = lang === "fr";
  const w = (en: string, frText: string) => (fr ? frText : en);
  const lines: string[] = [];
  if (d.records.length === 0)
    lines.push(
      w("No change to the deal's records.", "Aucun changement dans les enregistrements du dossier."),
    );
  for (const r of d.records) {
    const sign = r.change === "added" ? "+" : r.change === "removed" ? "−" : "~";
    const name = fr ? (r.nameFr ?? r.name) : r.name;
    const change = fr ? CHANGES_FR[r.change][FEMININE.has(r.kind) ? "f" : "m"] : r.change;
    lines.push(`${sign} ${KIND_NAMES[r.kind][lang]} ${name}${name === r.id ? "" : ` (${r.id})`} ${change}`);
    if (r.change !== "changed") continue;
    for (const f of r.fields)
      lines.push(`    ${f.field}${w(":", " :")} ${f.before ?? "—"} → ${f.after ?? "—"}`);
  }
  const p = d.proForma;
  if (p === undefined) {
    lines.push(
      "",
      w(
        "The pro forma of one of the versions cannot be computed.",
        "Le pro forma de l'une des versions ne peut pas être calculé.",
      ),
    );
  } else if (p.figures.length > 0 || p.holders.length > 0) {
    const round = p.round.after ?? p.round.before;
    lines.push(
      "",
      round
        ? w(`Pro forma after ${round}`, `Pro forma après ${round}`)
        : w("Cap table", "Table de capitalisation"),
    );
    for (const f of p.figures) {
      // Compact money, unless it hides the change: then to the cent.
      const short = (m: FigureMove["before"]) => (m === undefined ? "—" : compactMoney(m, lang));
      const exact = (m: FigureMove["before"]) =>
        m === undefined ? "—" : fr ? frenchMoneyText(m, 2) : moneyText(m, 2);
      const show = short(f.before) === short(f.after) ? exact : short;
      lines.push(`    ${FIGURE_NAMES[f.figure][lang]}${w(":", " :")} ${show(f.before)} → ${show(f.after)}`);
    }
    for (const h of p.holders) {
      const show = (v: typeof h.before) => (v === undefined ? "—" : fr ? frenchPercent(v) : percent(v, 2));
      lines.push(
        `    ${h.name}${w(":", " :")} ${show(h.before)} → ${show(h.after)} ${w("fully diluted", "entièrement dilué")}`,
      );
    }
  } else {
    lines.push("", w("The pro forma did not move.", "Le pro forma n'a pas bougé."));
  }
  return `${lines.join("\n")}\n`;
}
