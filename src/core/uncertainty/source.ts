import { Rational } from "../exact/rational.js";
import { type IsoDate, parseIsoDate } from "../shared/date.js";
import { type FieldPath, fail, ok, type Result } from "../shared/problem.js";

export type SourceId = string & { readonly __brand: "SourceId" };
export const sourceId = (id: string): SourceId => id as SourceId;

/**
 * How far a source is trusted (SPEC UNC-SRC-2): a grade on the source-reliability scale
 * of the Admiralty (NATO) system, A "completely reliable" to E "unreliable" (its F, "cannot
 * be judged", is the default grade C here), or a score from 0 to 1. Grades map to evenly
 * spaced scores: A 1, B 0.8, C 0.6, D 0.4, E 0.2.
 */
export type ReliabilityGrade = "A" | "B" | "C" | "D" | "E";
export type Reliability =
  | { readonly kind: "grade"; readonly grade: ReliabilityGrade }
  | { readonly kind: "score"; readonly score: Rational };

const GRADE_SCORES: Record<ReliabilityGrade, Rational> = {
  A: Rational.ONE,
  B: Rational.of(4n, 5n),
  C: Rational.of(3n, 5n),
  D: Rational.of(2n, 5n),
  E: Rational.of(1n, 5n),
};

export function reliabilityScore(r: Reliability): Rational {
  return r.kind === "grade" ? GRADE_SCORES[r.grade] : r.score;
}

/**
 * Where claims come from (UNC-SRC-1): a published report, or an assumption the user states
 * (labelled as such wherever its claims are used, never silent).
 */
export interface Source {
  readonly kind: "source";
  readonly id: SourceId;
  readonly type: "report" | "assumption";
  readonly publisher: string | undefined;
  readonly title: string | undefined;
  readonly date: IsoDate | undefined;
  /** A BCP 47 language tag: "fr", "en-US". */
  readonly language: string | undefined;
  readonly url: string | undefined;
  readonly reliability: Reliability;
}

export interface SourceInput {
  readonly id: string;
  readonly type?: "report" | "assumption";
  readonly publisher?: string;
  readonly title?: string;
  readonly date?: string;
  readonly language?: string;
  readonly url?: string;
  /** "A".."E", or a score from 0 to 1 as a number or decimal text. */
  readonly reliability?: string | number | Rational;
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const URL_PATTERN = /^https?:\/\/[^\s]+$/;

/** Default reliability (UNC-SRC-2): C for a report not graded, A for a stated assumption. */
export const DEFAULT_REPORT_GRADE: ReliabilityGrade = "C";

/** Checks and builds a source (UNC-SRC-1, UNC-SRC-2). */
export function makeSource(input: SourceInput, path: FieldPath = []): Result<Source> {
  const at = (field: string): FieldPath => [...path, field];
  if (!ID.test(input.id)) {
    return fail(
      "source_invalid",
      `source id "${input.id}" must be a lower-case slug (letters, digits, . _ -)`,
      at("id"),
    );
  }
  const type = input.type ?? "report";
  let date: IsoDate | undefined;
  if (input.date !== undefined) {
    date = parseIsoDate(input.date);
    if (!date) {
      return fail(
        "source_invalid",
        `source "${input.id}": date "${input.date}" is not a calendar date YYYY-MM-DD`,
        at("date"),
      );
    }
  }
  if (input.language !== undefined && !LANGUAGE.test(input.language)) {
    return fail(
      "source_invalid",
      `source "${input.id}": language "${input.language}" is not a language tag such as "fr" or "en-US"`,
      at("language"),
    );
  }
  if (input.url !== undefined && !URL_PATTERN.test(input.url)) {
    return fail(
      "source_invalid",
      `source "${input.id}": url "${input.url}" is not an http(s) URL`,
      at("url"),
    );
  }
  let reliability: Reliability;
  const r = input.reliability;
  if (r === undefined) {
    reliability = { kind: "grade", grade: type === "assumption" ? "A" : DEFAULT_REPORT_GRADE };
  } else if (typeof r === "string" && /^[A-Ea-e]$/.test(r)) {
    reliability = { kind: "grade", grade: r.toUpperCase() as ReliabilityGrade };
  } else {
    const score = r instanceof Rational ? r : typeof r === "number" ? safeNumber(r) : Rational.parse(r);
    if (score === undefined || score.isNegative() || score.gt(Rational.ONE)) {
      return fail(
        "source_invalid",
        `source "${input.id}": reliability ${JSON.stringify(typeof r === "object" ? r.toDecimalString() : r)} must be a grade A to E or a score from 0 to 1`,
        at("reliability"),
      );
    }
    reliability = { kind: "score", score };
  }
  return ok({
    kind: "source",
    id: sourceId(input.id),
    type,
    publisher: input.publisher,
    title: input.title,
    date,
    language: input.language,
    url: input.url,
    reliability,
  });
}

function safeNumber(n: number): Rational | undefined {
  return Number.isFinite(n) ? Rational.fromNumberText(n) : undefined;
}
