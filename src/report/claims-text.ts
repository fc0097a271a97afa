import type {
  ClaimRef,
  ClaimsReport,
  ConflictExplanation,
  GapExplanation,
  RangeFigure,
} from "../app/claims-report.js";
import type { Ref } from "../app/use-case.js";
import type { Money } from "../core/exact/money.js";
import { compactMoney } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import type { Relation } from "../core/uncertainty/conflict-explanation.js";
import type { EstimateUnit } from "../core/uncertainty/estimate.js";
import { TERMS_SOURCE_ID } from "../deal/uncertain.js";
import { rangeText } from "./claims-report.js";
import { moneyFor, moneyText, percentText, refText, say, type TextOptions } from "./format.js";
import {
  CHANGES_FR,
  CLAIM_STATUSES_FR,
  claimNameFr,
  estimateFr,
  explanationFr,
  SOURCE_TYPES_FR,
  TERMS_SOURCE_FR,
} from "./fr.js";
import { renderTable } from "./table.js";

/** A value of a claim's unit as a person reads it: $44B, 27.00% (to the cent with `exact`). */
function valueText(value: Rational, unit: EstimateUnit, options: TextOptions): string {
  if (unit.kind === "fraction") return percentText(value, options);
  const money: Money = { kind: "money", currency: unit.currency, amount: value };
  if (options.lang === "fr") return moneyFor(money, options);
  return options.exact ? moneyText(money) : compactMoney(money);
}

const RELATION_WORDS: Readonly<Record<Relation, string>> = {
  "<=": "at most",
  "<": "less than",
  ">=": "at least",
  ">": "more than",
};

const refs = (list: readonly Ref[], options: TextOptions) => list.map((r) => refText(r, options)).join(", ");

/** Claims named in the options' language: in French, worded again from their estimates. */
const claimRefs = (list: readonly ClaimRef[], options: TextOptions) =>
  options.lang === "fr"
    ? list.map((r) => refText({ id: r.id, name: claimNameFr(r) }, options)).join(", ")
    : refs(list, options);

/** Why claims cannot all hold, in words with the claims' names (`claims_conflict`). */
export function conflictText(e: ConflictExplanation, options: TextOptions = {}): string {
  const p = e.params;
  const verb = (relation: Relation, many: boolean) =>
    relation === "<=" || relation === "<" ? (many ? "allow" : "allows") : many ? "need" : "needs";
  const bound = (b: { relation: Relation; value: Rational }) =>
    `${RELATION_WORDS[b.relation]} ${valueText(b.value, p.unit, options)}`;
  const quoted = (r: Ref) => `"${refText(r, options)}"`;
  const others = p.others.length === 0 ? "the other figures" : p.others.map(quoted).join(" and ");
  return `${quoted(p.pivot)} ${verb(p.pivotBound.relation, false)} ${p.subject} to be ${bound(p.pivotBound)}, but ${others} ${verb(p.implied.relation, p.others.length !== 1)} ${bound(p.implied)}${p.usesDomain ? " (no amount is negative, no stake above 100%)" : ""}.`;
}

/** A gap between a group's claim and its members' claims, in words (`claims_gap_*`). */
export function gapWords(g: GapExplanation, options: TextOptions = {}): string {
  const p = g.params;
  const sum = valueText(p.sum, p.unit, options);
  const bound = valueText(p.bound, p.unit, options);
  return g.code === "claims_gap_exceeds"
    ? `the members' own upper ends (${refs(p.members, options)}) add up to ${sum}, more than the ${bound} that ${refText(p.group, options)} allows the group: they cannot all reach their bounds together`
    : `the members' upper ends (${refs(p.members, options)}) add up to ${sum}, less than the ${bound} that ${refText(p.group, options)} needs`;
}

/** A feasible range in words, in the options' language (French: "[20 Md$ ; 50 Md$]"). */
export function rangeWords(r: RangeFigure, options: TextOptions): string {
  const fr = options.lang === "fr";
  if (!fr && (!options.exact || r.unit.kind === "fraction")) return rangeText(r);
  const end = (e: RangeFigure["min"]) => (e === null ? undefined : valueText(e.value, r.unit, options));
  const lo = end(r.min);
  const hi = end(r.max);
  // French writes a decimal comma: the ends are separated by a semicolon.
  return `${lo === undefined ? say(options, "(no lower end", "(sans borne basse") : `${r.min!.attained ? "[" : "("}${lo}`}${fr ? " ; " : ", "}${hi === undefined ? say(options, "no upper end)", "sans borne haute)") : `${hi}${r.max!.attained ? "]" : ")"}`}`;
}

/** A long name (a source known by its headline) cut to fit a table column. */
function shortened(name: string, width = 40): string {
  return name.length <= width ? name : `${name.slice(0, width - 1).trimEnd()}…`;
}

/**
 * `roundtable claims` as text (APP-5): sources by publisher, claims by what they are about
 * and who says it, conflicts and gaps in words with the claims' names (`--ids` adds ids),
 * each reading's feasible ranges. A deal without claims says so in one line.
 */
export function claimsText(report: ClaimsReport, options: TextOptions = {}): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  if (report.claims.length === 0)
    return `${report.company.name}${w(": the deal has no claims.", " : le dossier ne contient aucune information.")}\n`;
  const fr = options.lang === "fr";
  const out: string[] = [
    `${report.company.name} — ${w("claims, conflicts and feasible ranges", "informations, conflits et plages possibles")}`,
    "",
  ];
  out.push("Sources");
  for (const s of report.sources) {
    // The deal's own stated terms are a source the engine names in English.
    const title = s.source.id === TERMS_SOURCE_ID ? w(s.title ?? "", TERMS_SOURCE_FR) : s.title;
    const what = [s.publisher, title].filter(Boolean).join(", ") || w("(untitled)", "(sans titre)");
    const reliability =
      "grade" in s.reliability ? s.reliability.grade : percentText(s.reliability.score, options);
    out.push(
      `  ${what}${options.ids ? ` [${s.source.id}]` : ""}${s.date ? `, ${s.date}` : ""} — ${fr ? SOURCE_TYPES_FR[s.type] : s.type}, ${w("reliability", "fiabilité")} ${reliability}`,
    );
  }
  out.push("", w("Claims, in date order", "Informations, par date"));
  out.push(
    renderTable(
      [
        { header: "Date" },
        { header: w("About", "Sur") },
        { header: "Source" },
        { header: w("Value", "Valeur") },
        { header: w("Status", "Statut") },
        { header: w("Change", "Évolution") },
      ],
      report.timeline.map((e) => [
        e.date ?? w("undated", "non datée"),
        ((subject) => (options.ids ? `${subject} [${e.claim.id}]` : subject))(
          fr ? (e.claim.subjectFr ?? e.subject) : e.subject,
        ),
        shortened(refText(e.source, options)),
        fr && e.claim.estimate ? estimateFr(e.claim.estimate) : e.value,
        fr ? CLAIM_STATUSES_FR[e.status] : e.status.replaceAll("_", " "),
        fr ? CHANGES_FR[e.change] : e.change,
      ]),
    ).trimEnd(),
  );
  out.push("");
  // In French, conflicts and gaps are worded from their codes (src/report/fr.ts).
  if (report.conflicts.length === 0)
    out.push(
      w(
        "No conflict: all the claims can hold together.",
        "Aucun conflit : toutes les informations peuvent tenir ensemble.",
      ),
    );
  else {
    out.push(
      w(
        `Conflicts (${report.conflicts.length}): claims that cannot all hold`,
        `Conflits (${report.conflicts.length}) : des informations qui ne peuvent pas toutes tenir`,
      ),
    );
    for (const c of report.conflicts)
      out.push(`  ${fr ? explanationFr(c.explanation) : conflictText(c.explanation, options)}`);
  }
  if (report.gaps.length > 0) {
    out.push(
      "",
      w(
        "Gaps between group claims and their members' own claims",
        "Écarts entre les informations de groupe et celles de leurs membres",
      ),
    );
    for (const g of report.gaps)
      out.push(`  ${fr ? explanationFr(g.explanation) : gapWords(g.explanation, options)}`);
  }
  const sections = report.chosen
    ? [
        {
          title: `${w("Your claim set", "Votre jeu d'informations")} (${claimRefs(report.chosen.claims, options)})`,
          ranges: report.chosen.ranges,
        },
      ]
    : [];
  report.readings.forEach((r, i) => {
    const dropped =
      r.dropped.length === 0
        ? w("every claim", "toutes les informations")
        : `${w("without", "sans")} ${claimRefs(r.dropped, options)}`;
    sections.push({
      title: fr
        ? `Lecture ${i + 1}${i === 0 ? " (par défaut : la plus lourde)" : ""} : ${dropped} — poids ${r.weight.toPrecision(3).replace(".", ",")}`
        : `Reading ${i + 1}${i === 0 ? " (the default: heaviest)" : ""}: ${dropped} — weight ${r.weight.toPrecision(3)}`,
      ranges: r.ranges,
    });
  });
  for (const section of sections) {
    out.push("", section.title);
    out.push(
      renderTable(
        [{ header: w("Quantity", "Quantité") }, { header: w("Feasible range", "Plage possible") }],
        section.ranges.map((x) => [
          x.quantity
            ? refText({ ...x.quantity, name: x.label, nameFr: x.labelFr }, options)
            : fr
              ? x.labelFr
              : x.label,
          rangeWords(x, options),
        ]),
      ).trimEnd(),
    );
  }
  if (!report.complete)
    out.push(
      "",
      w(
        "note: a limit stopped the enumeration; the lists above are partial.",
        "note : une limite a arrêté l'énumération ; les listes ci-dessus sont partielles.",
      ),
    );
  return `${out.join("\n")}\n`;
}
