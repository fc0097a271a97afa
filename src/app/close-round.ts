import * as z from "zod";
import type { Problem } from "../core/shared/problem.js";
import {
  type ClosedRound,
  closeRound as closeRoundInText,
  closeRoundInWorkspace,
} from "../deal/close-round.js";
import type { Diagnostic } from "../deal/diagnostics.js";
import type { ReadIncluded } from "../deal/workspace.js";
import type { Ref } from "./use-case.js";

/** What `close-round` takes, from the CLI's flags or the API's query (CLOSE-3). */
export const CloseRoundInput = z.strictObject({
  round: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "The round to close (default: the earliest modelled round)" }),
  scenario: z.string().min(1).optional().meta({
    description:
      "For a round with uncertain amounts: the scenario whose amounts become the record (default base)",
  }),
});
export type CloseRoundInput = z.infer<typeof CloseRoundInput>;

/** One ledger transaction the closing adds, as people and machines read it. */
export interface ClosingTransaction {
  readonly id: string;
  readonly date: string;
  readonly type: string;
  /** The holder it issues to or converts, when there is one. */
  readonly holder: Ref | undefined;
  readonly shareClass: Ref | undefined;
  /** Whole shares, as a decimal string, when the transaction issues or converts shares. */
  readonly shares: string | undefined;
}

/** The report of a round closed into the ledger (CLOSE-3, CLOSE-4). */
export interface CloseRoundReport {
  readonly round: Ref;
  readonly date: string;
  /** The exact price per share the round's shares were issued at, and its currency. */
  readonly pricePerShare: { readonly amount: string; readonly currency: string };
  readonly classes: readonly Ref[];
  readonly transactions: readonly ClosingTransaction[];
  /** The deal document with the round closed: the file to write, or the new version to store. */
  readonly text: string;
  /** The entries added, in the deal-file format (what `close-round` without --write prints). */
  readonly added: {
    readonly classes: readonly Record<string, unknown>[];
    readonly transactions: readonly Record<string, unknown>[];
  };
}

export type CloseRoundOutcome =
  | { readonly ok: true; readonly value: CloseRoundReport }
  | {
      readonly ok: false;
      /** The deal file does not load, or would not load once closed (with file, line, column). */
      readonly diagnostics?: readonly Diagnostic[];
      /** The round cannot be closed: why, and the field that would fix it. */
      readonly problems?: readonly Problem[];
    };

/** The report of a closed round, names read from the cap table after it. */
export function closingReport(value: ClosedRound): CloseRoundReport {
  const after = value.outcome.after;
  const holderRef = (id: unknown): Ref | undefined => {
    if (typeof id !== "string") return undefined;
    const found = after.stakeholders.get(id as never);
    return { id, name: found?.name ?? id };
  };
  const classRef = (id: unknown): Ref | undefined => {
    if (typeof id !== "string") return undefined;
    const found = after.classes.get(id as never);
    return { id, name: found?.name ?? id };
  };
  return {
    round: { id: value.roundId, name: value.roundName },
    date: String(value.outcome.terms.date),
    pricePerShare: {
      amount: value.outcome.pricePerShare.amount.toDecimalString(),
      currency: value.outcome.pricePerShare.currency,
    },
    classes: value.classes.map((c) => ({ id: String(c.id), name: String(c.name ?? c.id) })),
    transactions: value.transactions.map((t) => ({
      id: String(t.id),
      date: String(t.date),
      type: String(t.type),
      holder: holderRef(t.holder),
      shareClass: classRef(t.class ?? t.toClass),
      shares: t.shares === undefined ? undefined : String(t.shares),
    })),
    text: value.text,
    added: { classes: value.classes, transactions: value.transactions },
  };
}

/** A closing that failed, as the use case's outcome: its diagnostics and problems as they are. */
function notClosed(closed: {
  readonly diagnostics?: Extract<CloseRoundOutcome, { ok: false }>["diagnostics"];
  readonly problems?: Extract<CloseRoundOutcome, { ok: false }>["problems"];
}): Extract<CloseRoundOutcome, { ok: false }> {
  return {
    ok: false,
    ...(closed.diagnostics ? { diagnostics: closed.diagnostics } : {}),
    ...(closed.problems ? { problems: closed.problems } : {}),
  };
}

/**
 * The close-round use case (CLOSE-3): one place for the CLI, the API and the web. It takes
 * the deal document's text (a file, or a stored version) because closing edits the document
 * itself, every other byte unchanged, and answers the edited text with what it adds.
 */
export const closeRound = {
  name: "close-round",
  summary:
    "Turn a modelled round into dated ledger transactions (classes, issuances per closing, conversions, pool increase, anti-dilution) and remove it from the modelled rounds",
  input: CloseRoundInput,
  run(text: string, file: string, input: CloseRoundInput): CloseRoundOutcome {
    const closed = closeRoundInText(text, file, {
      ...(input.round === undefined ? {} : { round: input.round }),
      ...(input.scenario === undefined ? {} : { scenario: input.scenario }),
    });
    if (!closed.ok) return notClosed(closed);
    return { ok: true, value: closingReport(closed.value) };
  },
  /**
   * CLOSE-5: a company's round in a workspace's text: an inline company's deal is edited in
   * the workspace's text, a company whose deal is in its own file (`file:`, read with
   * `readIncluded`) has that file's text edited; the report's `file` says which.
   */
  runInWorkspace(
    text: string,
    file: string,
    readIncluded: ReadIncluded,
    input: CloseRoundInput & { readonly company?: string | undefined },
  ):
    | { readonly ok: true; readonly value: CloseRoundReport & { readonly file: string } }
    | Extract<CloseRoundOutcome, { ok: false }> {
    const closed = closeRoundInWorkspace(text, file, readIncluded, {
      ...(input.company === undefined ? {} : { company: input.company }),
      ...(input.round === undefined ? {} : { round: input.round }),
      ...(input.scenario === undefined ? {} : { scenario: input.scenario }),
    });
    if (!closed.ok) return notClosed(closed);
    return { ok: true, value: { ...closingReport(closed.value), file: closed.value.file } };
  },
  /** The report as `--format json` and the API write it: ids and exact decimal strings. */
  json(report: CloseRoundReport) {
    return {
      round: report.round,
      date: report.date,
      pricePerShare: report.pricePerShare,
      classes: report.classes,
      transactions: report.transactions.map((t) => ({
        id: t.id,
        date: t.date,
        type: t.type,
        ...(t.holder ? { holder: t.holder } : {}),
        ...(t.shareClass ? { shareClass: t.shareClass } : {}),
        ...(t.shares === undefined ? {} : { shares: t.shares }),
      })),
    };
  },
};
