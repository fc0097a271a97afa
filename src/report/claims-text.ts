import type { ClaimsReport, ConflictExplanation, GapExplanation, RangeFigure } from "../app/claims-report.js";
import type { Ref } from "../app/use-case.js";
import type { Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import type { Relation } from "../core/uncertainty/conflict-explanation.js";
import type { EstimateUnit } from "../core/uncertainty/estimate.js";
import { rangeText } from "./claims-report.js";
import { compactMoney, moneyText, percentText, refText, type TextOptions } from "./format.js";
import { renderTable } from "./table.js";

/** A value of a claim's unit as a person reads it: $44B, 27.00% (to the cent with `exact`). */
function valueText(value: Rational, unit: EstimateUnit, options: TextOptions): string {
  if (unit.kind === "fraction") return percentText(value);
  const money: Money = { kind: "money", currency: unit.currency, amount: value };
  return options.exact ? moneyText(money) : compactMoney(money);
}

const RELATION_WORDS: Readonly<Record<Relation, string>> = {
  "<=": "at most",
  "<": "less than",
  ">=": "at least",
  ">": "more than",
};

const refs = (list: readonly Ref[], options: TextOptions) => list.map((r) => refText(r, options)).join(", ");

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

function rangeWords(r: RangeFigure, options: TextOptions): string {
  if (!options.exact || r.unit.kind === "fraction") return rangeText(r);
  const end = (e: RangeFigure["min"]) => (e === null ? undefined : valueText(e.value, r.unit, options));
  const lo = end(r.min);
  const hi = end(r.max);
  return `${lo === undefined ? "(no lower end" : `${r.min!.attained ? "[" : "("}${lo}`}, ${hi === undefined ? "no upper end)" : `${hi}${r.max!.attained ? "]" : ")"}`}`;
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
  if (report.claims.length === 0) return `${report.company.name}: the deal has no claims.\n`;
  const out: string[] = [`${report.company.name} — claims, conflicts and feasible ranges`, ""];
  out.push("Sources");
  for (const s of report.sources) {
    const what = [s.publisher, s.title].filter(Boolean).join(", ") || "(untitled)";
    const reliability = "grade" in s.reliability ? s.reliability.grade : percentText(s.reliability.score);
    out.push(
      `  ${what}${options.ids ? ` [${s.source.id}]` : ""}${s.date ? `, ${s.date}` : ""} — ${s.type}, reliability ${reliability}`,
    );
  }
  out.push("", "Claims, in date order");
  out.push(
    renderTable(
      [
        { header: "Date" },
        { header: "About" },
        { header: "Source" },
        { header: "Value" },
        { header: "Status" },
        { header: "Change" },
      ],
      report.timeline.map((e) => [
        e.date ?? "undated",
        options.ids ? `${e.subject} [${e.claim.id}]` : e.subject,
        shortened(refText(e.source, options)),
        e.value,
        e.status.replaceAll("_", " "),
        e.change,
      ]),
    ).trimEnd(),
  );
  out.push("");
  if (report.conflicts.length === 0) out.push("No conflict: all the claims can hold together.");
  else {
    out.push(`Conflicts (${report.conflicts.length}): claims that cannot all hold`);
    for (const c of report.conflicts) out.push(`  ${conflictText(c.explanation, options)}`);
  }
  if (report.gaps.length > 0) {
    out.push("", "Gaps between group claims and their members' own claims");
    for (const g of report.gaps) out.push(`  ${gapWords(g.explanation, options)}`);
  }
  const sections = report.chosen
    ? [{ title: `Your claim set (${refs(report.chosen.claims, options)})`, ranges: report.chosen.ranges }]
    : [];
  report.readings.forEach((r, i) => {
    const dropped = r.dropped.length === 0 ? "every claim" : `without ${refs(r.dropped, options)}`;
    sections.push({
      title: `Reading ${i + 1}${i === 0 ? " (the default: heaviest)" : ""}: ${dropped} — weight ${r.weight.toPrecision(3)}`,
      ranges: r.ranges,
    });
  });
  for (const section of sections) {
    out.push("", section.title);
    out.push(
      renderTable(
        [{ header: "Quantity" }, { header: "Feasible range" }],
        section.ranges.map((x) => [
          x.quantity ? refText({ ...x.quantity, name: x.label }, options) : x.label,
          rangeWords(x, options),
        ]),
      ).trimEnd(),
    );
  }
  if (!report.complete) out.push("", "note: a limit stopped the enumeration; the lists above are partial.");
  return `${out.join("\n")}\n`;
}
