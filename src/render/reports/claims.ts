import type {
  ClaimRef,
  ClaimsReport,
  ConflictExplanation,
  GapExplanation,
  RangeFigure,
} from "../../app/claims-report.js";
import type { Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import type { ClaimStatus } from "../../core/uncertainty/claim.js";
import { type Estimate, formatEstimate } from "../../core/uncertainty/estimate.js";
import { TERMS_SOURCE_ID } from "../../deal/uncertain.js";
import { gapText, rangeText } from "../../report/claims-report.js";
import { rangeWords } from "../../report/claims-text.js";
import { decimal } from "../../report/format.js";
import {
  CLAIM_STATUSES_FR,
  claimNameFr,
  estimateFr,
  explanationFr,
  frenchFixed,
  SOURCE_TYPES_FR,
  TERMS_SOURCE_FR,
} from "../../report/fr.js";
import {
  type Block,
  type CellValue,
  type DocumentContext,
  empty,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  type Section,
  text,
  wording,
} from "../document.js";

export interface RangeFigures {
  readonly label: string;
  /** The ends, exact, with their unit; null for an open end. */
  readonly min: Money | Rational | null;
  readonly max: Money | Rational | null;
  /** The range as the report gives it (its ends, attained or not), worded by the document. */
  readonly range: RangeFigure;
}

export interface ClaimsFigures {
  readonly company: string;
  readonly date: IsoDate;
  readonly sources: readonly {
    readonly id: string;
    /** Its publisher and title; null when it has neither. */
    readonly title: string | null;
    readonly date: string | null;
    readonly type: "report" | "assumption";
    readonly reliability: { readonly grade: string } | { readonly score: Rational };
    readonly url: string | null;
  }[];
  readonly claims: readonly {
    readonly id: string;
    /** The source's display name, and its id. */
    readonly source: string;
    readonly sourceId: string;
    readonly subject: string;
    /** The same in French: "participation de Microsoft". */
    readonly subjectFr: string;
    readonly value: Estimate;
    readonly status: ClaimStatus;
    readonly attribution: string | null;
    readonly evidence: string | null;
    readonly date: string | null;
  }[];
  readonly conflicts: readonly {
    readonly claims: readonly ClaimRef[];
    readonly explanation: ConflictExplanation;
  }[];
  readonly gaps: readonly GapExplanation[];
  /** Your claim set (the claims chosen), then each consistent reading, heaviest first. */
  readonly readings: readonly (
    | {
        readonly kind: "chosen";
        readonly claims: readonly ClaimRef[];
        readonly ranges: readonly RangeFigures[];
      }
    | {
        readonly kind: "reading";
        readonly dropped: readonly ClaimRef[];
        readonly ranges: readonly RangeFigures[];
      }
  )[];
  readonly complete: boolean;
}

/**
 * The figures of the claims dossier, from the typed report: ranges keep their unit (money
 * in the deal's currency, or a fraction), claims and sources are named for people; what
 * the engine explains stays its explanation, worded by the document in its language.
 */
export function claimsFiguresOf(report: ClaimsReport, date: IsoDate): ClaimsFigures {
  const range = (r: RangeFigure): RangeFigures => {
    const end = (e: RangeFigure["min"]): Money | Rational | null =>
      e === null
        ? null
        : r.unit.kind === "money"
          ? { kind: "money", currency: r.unit.currency, amount: e.value }
          : e.value;
    return { label: r.label, min: end(r.min), max: end(r.max), range: r };
  };
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
      title: [s.publisher, s.title].filter(Boolean).join(", ") || null,
      date: s.date,
      type: s.type,
      reliability: s.reliability,
      url: s.url,
    })),
    claims: report.claims.map((c) => ({
      id: c.claim.id,
      source: c.source.name,
      sourceId: c.source.id,
      subject: c.subject,
      subjectFr: c.subjectFr,
      value: c.value,
      status: c.status,
      attribution: c.attribution,
      evidence: c.evidence,
      date: c.date,
    })),
    conflicts: report.conflicts.map((c) => ({ claims: c.claims, explanation: c.explanation })),
    gaps: report.gaps.map((g) => g.explanation),
    readings: [
      ...(report.chosen
        ? [{ kind: "chosen" as const, claims: report.chosen.claims, ranges: report.chosen.ranges.map(range) }]
        : []),
      ...report.readings.map((r) => ({
        kind: "reading" as const,
        dropped: r.dropped,
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
  const fr = context.lang === "fr";
  const w = wording(context.lang);
  // A claim by its name: in French, worded again from its estimate (src/report/fr.ts).
  const claimName = (c: ClaimRef) => (fr ? claimNameFr(c) : c.name);
  const names = (refs: readonly ClaimRef[]) => refs.map(claimName).join(", ");
  const sourceTitle = (s: ClaimsFigures["sources"][number]) =>
    // The deal's own stated terms are a source the engine names in English.
    s.id === TERMS_SOURCE_ID && fr ? TERMS_SOURCE_FR : (s.title ?? w("(untitled)", "(sans titre)"));
  const titles = new Map(f.sources.map((s) => [s.id, sourceTitle(s)]));
  const reliability = (r: ClaimsFigures["sources"][number]["reliability"]) =>
    "grade" in r ? r.grade : fr ? frenchFixed(decimal(r.score)) : decimal(r.score);
  const readingTitle = (r: ClaimsFigures["readings"][number], i: number) =>
    r.kind === "chosen"
      ? `${w("Your claim set", "Votre jeu d'informations")} (${names(r.claims)})`
      : w(
          `Reading ${i + 1}${i === 0 ? " (the default: the heaviest)" : ""}: ${
            r.dropped.length === 0 ? "every claim holds" : `without ${names(r.dropped)}`
          }`,
          `Lecture ${i + 1}${i === 0 ? " (par défaut : la plus lourde)" : ""} : ${
            r.dropped.length === 0 ? "toutes les informations tiennent" : `sans ${names(r.dropped)}`
          }`,
        );
  const chosen = f.readings.some((r) => r.kind === "chosen") ? 1 : 0;
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
            { key: "reliability", header: w("Reliability", "Fiabilité") },
          ],
          rows: f.sources.map((s) => ({
            cells: {
              title: text(s.url ? `${sourceTitle(s)} (${s.url})` : sourceTitle(s)),
              date: s.date ? text(s.date) : empty,
              type: text(fr ? SOURCE_TYPES_FR[s.type] : s.type.replaceAll("_", " ")),
              reliability: text(reliability(s.reliability)),
            },
          })),
        },
      ],
    },
    {
      title: w("Claims and their evidence", "Les informations et leurs preuves"),
      blocks: [
        {
          kind: "table",
          columns: [
            { key: "subject", header: w("About", "Sur") },
            { key: "value", header: w("Value", "Valeur") },
            { key: "source", header: "Source" },
            { key: "evidence", header: w("Evidence (the source's words)", "Preuve (les mots de la source)") },
            { key: "status", header: w("Status", "Statut") },
          ],
          rows: f.claims.map((c) => ({
            cells: {
              // One quantity is named in French from what it is; a group keeps its words ("A + B").
              subject: text(fr ? c.subjectFr : c.subject),
              value: text(fr ? estimateFr(c.value) : formatEstimate(c.value)),
              source: text(
                `${fr && c.sourceId === TERMS_SOURCE_ID ? TERMS_SOURCE_FR : (titles.get(c.source) ?? c.source)}${c.date ? `, ${c.date}` : ""}`,
              ),
              evidence: text(
                [
                  c.evidence ? (fr ? `« ${c.evidence} »` : `“${c.evidence}”`) : null,
                  c.attribution ? `(${c.attribution})` : null,
                ]
                  .filter(Boolean)
                  .join(" ") || "—",
              ),
              status: text(fr ? CLAIM_STATUSES_FR[c.status] : c.status.replaceAll("_", " ")),
            },
          })),
        },
      ],
    },
    {
      title: w("Conflicts", "Conflits"),
      blocks: [
        ...(f.conflicts.length === 0
          ? [
              paragraph(
                w(
                  "No conflict: all the claims can hold together.",
                  "Aucun conflit : toutes les informations peuvent tenir ensemble.",
                ),
              ),
            ]
          : f.conflicts.map((c) =>
              paragraph(
                fr
                  ? `${c.claims.map((x) => `« ${claimName(x)} »`).join(" et ")} ne peuvent pas toutes tenir : ${explanationFr(c.explanation)}`
                  : `${c.claims.map((x) => x.name).join(" and ")} cannot all hold: ${c.explanation.params.text}`,
              ),
            )),
        ...(f.gaps.length > 0
          ? [
              paragraph(
                w(
                  "Gaps between group claims and their members' own claims (tensions, not conflicts):",
                  "Écarts entre les informations de groupe et celles de leurs membres (des tensions, pas des conflits) :",
                ),
              ),
              ...f.gaps.map((g) => paragraph(fr ? explanationFr(g) : gapText(g), "note")),
            ]
          : []),
      ],
    },
    {
      title: w(
        "Feasible ranges in each consistent reading",
        "Plages possibles dans chaque lecture cohérente",
      ),
      blocks: [
        paragraph(
          w(
            "A reading is a largest set of claims that can all hold; its feasible range for a quantity is every value the claims of the reading allow. A square bracket includes the end, a parenthesis excludes it.",
            "Une lecture est un plus grand ensemble d'informations qui peuvent toutes tenir ; sa plage possible pour une quantité est l'ensemble des valeurs que les informations de la lecture autorisent. Un crochet inclut la borne, une parenthèse l'exclut.",
          ),
          "note",
        ),
        ...f.readings.flatMap((r, i): Block[] => [
          {
            kind: "table",
            title: readingTitle(r, i - chosen),
            columns: [
              { key: "label", header: w("Quantity", "Quantité") },
              { key: "min", header: w("Lowest", "Plus bas") },
              { key: "max", header: w("Highest", "Plus haut") },
              { key: "text", header: w("Feasible range", "Plage possible") },
            ],
            rows: r.ranges.map((x) => ({
              cells: {
                label: text(fr ? x.range.labelFr : x.label),
                min: endCell(x.min),
                max: endCell(x.max),
                text: text(fr ? rangeWords(x.range, { lang: "fr" }) : rangeText(x.range)),
              },
            })),
          },
        ]),
        ...(f.complete
          ? []
          : [
              paragraph(
                w(
                  "A limit stopped the enumeration of readings: the list above is partial.",
                  "Une limite a arrêté l'énumération des lectures : la liste ci-dessus est partielle.",
                ),
                "note",
              ),
            ]),
      ],
    },
  ];
  return {
    ...(context.lang === undefined ? {} : { lang: context.lang }),
    title: {
      title: w("Claims dossier", "Informations, conflits et plages possibles"),
      company: f.company,
      subject: w(
        `${f.sources.length} sources, ${f.claims.length} claims`,
        `${f.sources.length} sources, ${f.claims.length} informations`,
      ),
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.date,
      marks: [
        ...(context.marks ?? []),
        ...(f.claims.length > 0
          ? [
              {
                kind: "estimate" as const,
                text: w(
                  "These are reported claims with their sources, not established facts; the ranges are what each consistent reading of them allows.",
                  "Ce sont des informations rapportées avec leurs sources, pas des faits établis ; les plages sont ce que chaque lecture cohérente de ces informations autorise.",
                ),
              },
            ]
          : []),
      ],
    },
    sections,
  };
}
