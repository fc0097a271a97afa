import type { ClaimsReport, RangeFigure } from "../../app/claims-report.js";
import type { Ref } from "../../app/use-case.js";
import type { Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import { formatEstimate } from "../../core/uncertainty/estimate.js";
import { gapText, rangeText } from "../../report/claims-report.js";
import { decimal } from "../../report/format.js";
import {
  type Block,
  type CellValue,
  empty,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  type Section,
  text,
} from "../document.js";
import type { DocumentContext } from "./pro-forma.js";

export interface RangeFigures {
  readonly label: string;
  /** The ends, exact, with their unit; null for an open end. */
  readonly min: Money | Rational | null;
  readonly max: Money | Rational | null;
  readonly text: string;
}

export interface ClaimsFigures {
  readonly company: string;
  readonly date: IsoDate;
  readonly sources: readonly {
    readonly id: string;
    readonly title: string;
    readonly date: string | null;
    readonly type: string;
    readonly reliability: string;
    readonly url: string | null;
  }[];
  readonly claims: readonly {
    readonly id: string;
    readonly source: string;
    readonly subject: string;
    readonly value: string;
    readonly status: string;
    readonly attribution: string | null;
    readonly evidence: string | null;
    readonly date: string | null;
  }[];
  readonly conflicts: readonly { readonly claims: readonly string[]; readonly explanation: string }[];
  readonly gaps: readonly string[];
  readonly readings: readonly {
    readonly title: string;
    readonly ranges: readonly RangeFigures[];
  }[];
  readonly complete: boolean;
}

/**
 * The figures of the claims dossier, from the typed report: ranges keep their unit (money
 * in the deal's currency, or a fraction), claims and sources are named for people.
 */
export function claimsFiguresOf(report: ClaimsReport, date: IsoDate): ClaimsFigures {
  const range = (r: RangeFigure): RangeFigures => {
    const end = (e: RangeFigure["min"]): Money | Rational | null =>
      e === null
        ? null
        : r.unit.kind === "money"
          ? { kind: "money", currency: r.unit.currency, amount: e.value }
          : e.value;
    return { label: r.label, min: end(r.min), max: end(r.max), text: rangeText(r) };
  };
  const names = (refs: readonly Ref[]) => refs.map((c) => c.name).join(", ");
  // The dossier is dated by its latest claim or source when one is later than the deal's last event.
  const dates = [...report.sources.map((s) => s.date), ...report.claims.map((c) => c.date)].filter(
    (d): d is string => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d),
  );
  const latest = dates.reduce((a, b) => (a > b ? a : b), date as string) as IsoDate;
  return {
    company: report.company.name,
    date: latest,
    sources: report.sources.map((s) => ({
      id: s.source.id,
      title: [s.publisher, s.title].filter(Boolean).join(", ") || "(untitled)",
      date: s.date,
      type: s.type,
      reliability: "grade" in s.reliability ? s.reliability.grade : decimal(s.reliability.score),
      url: s.url,
    })),
    claims: report.claims.map((c) => ({
      id: c.claim.id,
      source: c.source.name,
      subject: c.subject,
      value: formatEstimate(c.value),
      status: c.status,
      attribution: c.attribution,
      evidence: c.evidence,
      date: c.date,
    })),
    conflicts: report.conflicts.map((c) => ({
      claims: c.claims.map((x) => x.name),
      explanation: c.explanation.params.text,
    })),
    gaps: report.gaps.map((g) => gapText(g.explanation)),
    readings: [
      ...(report.chosen
        ? [
            {
              title: `Your claim set (${names(report.chosen.claims)})`,
              ranges: report.chosen.ranges.map(range),
            },
          ]
        : []),
      ...report.readings.map((r, i) => ({
        title: `Reading ${i + 1}${i === 0 ? " (the default: the heaviest)" : ""}: ${
          r.dropped.length === 0 ? "every claim holds" : `without ${names(r.dropped)}`
        }`,
        ranges: r.ranges.map(range),
      })),
    ],
    complete: report.complete,
  };
}

function endCell(v: Money | Rational | null): CellValue {
  if (v === null) return empty;
  return "kind" in v && v.kind === "money" ? money(v) : fraction(v as Rational);
}

/** The claims dossier: sources, claims with their evidence, conflicts in words, feasible ranges per reading (SPEC REP-6). */
export function claimsDocument(f: ClaimsFigures, context: DocumentContext = {}): ReportDocument {
  const sourceTitle = new Map(f.sources.map((s) => [s.id, s.title]));
  const sections: Section[] = [
    {
      title: "Sources",
      blocks: [
        {
          kind: "table",
          columns: [
            { key: "title", header: "Source" },
            { key: "date", header: "Date" },
            { key: "type", header: "Type" },
            { key: "reliability", header: "Reliability" },
          ],
          rows: f.sources.map((s) => ({
            cells: {
              title: text(s.url ? `${s.title} (${s.url})` : s.title),
              date: s.date ? text(s.date) : empty,
              type: text(s.type.replaceAll("_", " ")),
              reliability: text(s.reliability),
            },
          })),
        },
      ],
    },
    {
      title: "Claims and their evidence",
      blocks: [
        {
          kind: "table",
          columns: [
            { key: "subject", header: "About" },
            { key: "value", header: "Value" },
            { key: "source", header: "Source" },
            { key: "evidence", header: "Evidence (the source's words)" },
            { key: "status", header: "Status" },
          ],
          rows: f.claims.map((c) => ({
            cells: {
              subject: text(c.subject),
              value: text(c.value),
              source: text(`${sourceTitle.get(c.source) ?? c.source}${c.date ? `, ${c.date}` : ""}`),
              evidence: text(
                [c.evidence ? `“${c.evidence}”` : null, c.attribution ? `(${c.attribution})` : null]
                  .filter(Boolean)
                  .join(" ") || "—",
              ),
              status: text(c.status.replaceAll("_", " ")),
            },
          })),
        },
      ],
    },
    {
      title: "Conflicts",
      blocks: [
        ...(f.conflicts.length === 0
          ? [paragraph("No conflict: all the claims can hold together.")]
          : f.conflicts.map((c) => paragraph(`${c.claims.join(" and ")} cannot all hold: ${c.explanation}`))),
        ...(f.gaps.length > 0
          ? [
              paragraph("Gaps between group claims and their members' own claims (tensions, not conflicts):"),
              ...f.gaps.map((g) => paragraph(g, "note")),
            ]
          : []),
      ],
    },
    {
      title: "Feasible ranges in each consistent reading",
      blocks: [
        paragraph(
          "A reading is a largest set of claims that can all hold; its feasible range for a quantity is every value the claims of the reading allow. A square bracket includes the end, a parenthesis excludes it.",
          "note",
        ),
        ...f.readings.flatMap((r): Block[] => [
          {
            kind: "table",
            title: r.title,
            columns: [
              { key: "label", header: "Quantity" },
              { key: "min", header: "Lowest" },
              { key: "max", header: "Highest" },
              { key: "text", header: "Feasible range" },
            ],
            rows: r.ranges.map((x) => ({
              cells: { label: text(x.label), min: endCell(x.min), max: endCell(x.max), text: text(x.text) },
            })),
          },
        ]),
        ...(f.complete
          ? []
          : [paragraph("A limit stopped the enumeration of readings: the list above is partial.", "note")]),
      ],
    },
  ];
  return {
    title: {
      title: "Claims dossier",
      company: f.company,
      subject: `${f.sources.length} sources, ${f.claims.length} claims`,
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.date,
      marks: [
        ...(context.marks ?? []),
        ...(f.claims.length > 0
          ? [
              {
                kind: "estimate" as const,
                text: "These are reported claims with their sources, not established facts; the ranges are what each consistent reading of them allows.",
              },
            ]
          : []),
      ],
    },
    sections,
  };
}
