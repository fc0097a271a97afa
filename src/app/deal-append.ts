import { message } from "../core/shared/messages.js";
import type { Problem } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { Diagnostic } from "../deal/diagnostics.js";
import { appendToDealText } from "../deal/edit.js";
import { type LoadResult, loadDeal } from "../deal/load.js";

/** The deal an authoring use case edits: its file's text and name, and the deal as loaded from it. */
export interface DealSource {
  readonly text: string;
  readonly file: string;
  readonly deal: Deal;
}

/** The input's fields that are given (an optional field left out, not `undefined`, for exactOptionalPropertyTypes). */
export function definedFields<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

/** A deal document with entries appended: its new text, loaded and checked. */
export interface AppendedDeal {
  readonly text: string;
  readonly loaded: Extract<LoadResult, { ok: true }>;
}

/**
 * What an authoring use case (add-round, add-safe, add-note) answers: the report with the
 * edited text, or why the entries cannot be added — the options are wrong (`problems`, on
 * the option's name), or the edited deal would not load (`diagnostics`, without line and
 * column, which would be those of text that is not in the file).
 */
export type AuthoringOutcome<Report> =
  | { readonly ok: true; readonly value: Report }
  | {
      readonly ok: false;
      readonly problems?: readonly Problem[];
      readonly diagnostics?: readonly Diagnostic[];
      /** Locates a problem's path in the edited text (a round that does not price). */
      readonly locate?: Extract<LoadResult, { ok: true }>["locate"];
    };

/**
 * Appends entries to a deal file's lists (DEAL-6's editing: every other byte unchanged) and
 * loads the edited deal. `what` names the new entries in a problem ("the new round: …").
 */
export function appendToDeal(
  text: string,
  file: string,
  additions: Readonly<Record<string, readonly Record<string, unknown>[]>>,
  what: "round" | "SAFE" | "note",
):
  | { readonly ok: true; readonly value: AppendedDeal }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] } {
  const edited = appendToDealText(text, additions);
  if (!edited.ok)
    return {
      ok: false,
      diagnostics: [
        {
          code: "deal_syntax",
          message: `cannot edit the deal file: ${edited.error}`,
          severity: "error",
          file,
        },
      ],
    };
  const check = loadDeal(edited.text, file);
  if (!check.ok)
    return {
      ok: false,
      diagnostics: check.diagnostics.map(({ line: _line, column: _column, detail, ...d }) => ({
        ...d,
        message: `the new ${what}: ${d.message}`,
        ...(detail ? { detail: message("new_entries", { what, message: detail }) } : {}),
      })),
    };
  return { ok: true, value: { text: edited.text, loaded: check } };
}
