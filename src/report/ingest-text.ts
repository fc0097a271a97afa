/**
 * `roundtable ingest --format table`: one row per draft claim, then the conflicts and the
 * warnings, for a person reading what the report says (APP-5, APP-9). Amounts are compact
 * with their hedge ("up to $100B", "jusqu'à 100 Md$"), written to the cent with `--exact`;
 * the JSON keeps the exact figures. In French the kinds, statuses, times and conflict types
 * are French words; the evidence and attribution are the report's own words, as written.
 */
import type { Currency, Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import type {
  ClaimAmount,
  ClaimKind,
  ConflictType,
  DraftClaim,
  IngestOutput,
  PartyRef,
  Qualifier,
  Temporal,
} from "../core/ingest/types.js";
import { moneyFor, say, type TextOptions } from "./format.js";
import { CLAIM_STATUSES_FR } from "./fr.js";
import { renderTable } from "./table.js";

const KINDS: Readonly<Record<ClaimKind, { en: string; fr: string }>> = {
  round_size: { en: "round size", fr: "taille du tour" },
  round_target: { en: "round target", fr: "objectif du tour" },
  investment: { en: "investment", fr: "investissement" },
  valuation_pre: { en: "pre-money valuation", fr: "valorisation pré-money" },
  valuation_post: { en: "post-money valuation", fr: "valorisation post-money" },
  commercial_agreement: { en: "commercial agreement", fr: "accord commercial" },
  existing_stake: { en: "existing stake", fr: "participation existante" },
};

const HEDGES: Readonly<Record<Exclude<Qualifier, "exact" | "range">, { en: string; fr: string }>> = {
  about: { en: "about", fr: "environ" },
  up_to: { en: "up to", fr: "jusqu'à" },
  less_than: { en: "less than", fr: "moins de" },
  at_least: { en: "at least", fr: "au moins" },
  more_than: { en: "more than", fr: "plus de" },
};

const TIMES: Readonly<Record<Temporal, { en: string; fr: string }>> = {
  current: { en: "current", fr: "actuel" },
  background: { en: "background", fr: "antérieur" },
};

const CONFLICTS: Readonly<Record<ConflictType, { en: string; fr: string }>> = {
  alternative: { en: "alternative", fr: "versions différentes du même chiffre" },
  incompatible: { en: "incompatible", fr: "chiffres incompatibles" },
  members_exceed_group: { en: "members exceed group", fr: "les membres dépassent le groupe" },
  members_sum_inconsistent: { en: "members sum inconsistent", fr: "la somme des membres ne concorde pas" },
};

/** An amount with its hedge: "about $40B", "$10B–$100B", "jusqu'à 100 Md$"; "—" when the claim has none. */
export function claimAmountText(
  amount: ClaimAmount | null,
  qualifier: Qualifier | null,
  options: TextOptions = {},
): string {
  if (!amount || !qualifier) return "—";
  const lang = options.lang === "fr" ? "fr" : "en";
  const money = (value: Rational): string =>
    moneyFor({ kind: "money", currency: amount.currency as Currency, amount: value } as Money, options, 2);
  if (qualifier === "range") return `${money(amount.min!)}–${money(amount.max!)}`;
  const value = amount.point ?? amount.max ?? amount.min;
  if (!value) return "—";
  return qualifier === "exact" ? money(value) : `${HEDGES[qualifier][lang]} ${money(value)}`;
}

function party(p: PartyRef | readonly PartyRef[] | null): string {
  if (p === null) return "—";
  return Array.isArray(p) ? p.map((x) => x.name).join(" + ") : (p as PartyRef).name;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

const MONTH_NAMES = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
};

/** ING-DEAL-T: the round and date of the claim's deal, after its time (" · Series A, March 2021"). */
function dealText(deal: DraftClaim["deal"], lang: "en" | "fr"): string {
  const parts: string[] = [];
  if (deal.round !== null) {
    parts.push(
      lang === "fr"
        ? deal.round === "seed"
          ? "amorçage"
          : deal.round === "pre-seed"
            ? "pré-amorçage"
            : deal.round.replace("Series", "série")
        : deal.round,
    );
  }
  if (deal.date !== null) {
    const [year, month] = deal.date.split("-");
    parts.push(month === undefined ? year! : `${MONTH_NAMES[lang][Number(month) - 1]} ${year}`);
  }
  return parts.length === 0 ? "" : ` · ${parts.join(", ")}`;
}

/** The draft claims of one report as a table, with its conflicts and warnings. */
export function ingestText(output: IngestOutput, options: TextOptions = {}): string {
  const lang = options.lang === "fr" ? "fr" : "en";
  const w = (en: string, fr: string) => say(options, en, fr);
  const row = (c: DraftClaim): string[] => [
    String(c.index),
    KINDS[c.kind][lang],
    c.subject?.name ?? "—",
    party(c.counterparty),
    `${claimAmountText(c.amount, c.qualifier, options)}${c.vague ? w(" (vague)", " (imprécis)") : ""}${
      c.currencyInferred ? w(" (currency?)", " (devise ?)") : ""
    }`,
    lang === "fr" ? CLAIM_STATUSES_FR[c.status] : c.status.replaceAll("_", " "),
    `${TIMES[c.temporal][lang]}${dealText(c.deal, lang)}`,
    c.attribution ? clip(c.attribution.text, 40) : "—",
    `${c.evidence.start}–${c.evidence.end} ${clip(c.evidence.text, 60)}`,
  ];
  const out = [
    renderTable(
      [
        { header: "#" },
        { header: w("kind", "nature") },
        { header: w("subject", "société") },
        { header: w("counterparty", "contrepartie") },
        { header: w("amount", "montant") },
        { header: w("status", "statut") },
        { header: w("time", "moment") },
        { header: w("attribution", "attribution") },
        { header: w("evidence", "extrait") },
      ],
      output.claims.map(row),
    ).trimEnd(),
  ];
  if (output.conflicts.length > 0) {
    out.push("", w("conflicts:", "conflits :"));
    for (const k of output.conflicts)
      out.push(
        lang === "fr"
          ? `  [${k.claims.join(", ")}] ${CONFLICTS[k.type].fr}`
          : `  [${k.claims.join(", ")}] ${k.type}: ${k.description}`,
      );
  }
  if (output.warnings.length > 0) {
    out.push("", w("warnings:", "avertissements :"));
    for (const x of output.warnings) out.push(`  ${x.code}: ${x.message}`);
  }
  return `${out.join("\n")}\n`;
}
