import type { Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import type { ClaimsReport, RangeRow } from "../../report/claims-report.js";
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
import { exactOrNull, moneyIn } from "./bridge.js";
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
 * THE BRIDGE from today's claims report (records of strings) to typed figures. Today's
 * ranges do not carry their unit: a range written with a percent sign is a fraction, any
 * other is money in the deal's currency (the application layer will carry the unit). Only
 * this function changes when src/app lands.
 */
export function claimsFiguresOf(report: ClaimsReport, date: IsoDate): ClaimsFigures {
  const m = moneyIn(report.currency);
  const range = (r: RangeRow): RangeFigures => {
    const isFraction = r.text.includes("%");
    const end = (v: string | null) => {
      const x = exactOrNull(v);
      return x === null ? null : isFraction ? x : m(v!);
    };
    return { label: r.label, min: end(r.min), max: end(r.max), text: r.text };
  };
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  // The dossier is dated by its latest claim or source when one is later than the deal's last event.
  const dates = [...report.sources.map((s) => s.date), ...report.claims.map((c) => c.date)].filter(
    (d): d is string => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d),
  );
  const latest = dates.reduce((a, b) => (a > b ? a : b), date as string) as IsoDate;
  return {
    company: report.company,
    date: latest,
    sources: report.sources.map((s) => ({
      id: String(s.id),
      title: [str(s.publisher), str(s.title)].filter(Boolean).join(", ") || "(untitled)",
      date: str(s.date),
      type: String(s.type),
      reliability: String(s.reliability),
      url: str(s.url),
    })),
    claims: report.claims.map((c) => ({
      id: String(c.id),
      source: String(c.source),
      subject: String(c.subject),
      value: String(c.value),
      status: String(c.status),
      attribution: str(c.attribution),
      evidence: str(c.evidence),
      date: str(c.date),
    })),
    conflicts: report.conflicts.map((c) => ({ claims: c.claims, explanation: c.explanation })),
    gaps: report.gaps.map((g) => g.text),
    readings: [
      ...(report.chosen
        ? [
            {
              title: `Your claim set (${report.chosen.claims.join(", ")})`,
              ranges: report.chosen.ranges.map(range),
            },
          ]
        : []),
      ...report.readings.map((r, i) => ({
        title: `Reading ${i + 1}${i === 0 ? " (the default: the heaviest)" : ""}: ${
          r.dropped.length === 0 ? "every claim holds" : `without ${r.dropped.join(", ")}`
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
