import { message } from "../core/shared/messages.js";
import { ok, type Problem, problemSaying, type Result } from "../core/shared/problem.js";
import { stakeholderResolver, uniqueId } from "./add-round.js";
import type { DealDocument } from "./schema.js";

/**
 * A SAFE or a convertible note written from options rather than by hand (SPEC
 * DEAL-CONV-1): `roundtable add-safe` and `add-note` turn them into the ledger transaction
 * a deal file holds, and a stakeholder for an investor the deal does not know; figures are
 * written as the user wrote them and read by the deal loader.
 */
export type NewConvertible =
  | {
      readonly kind: "safe";
      readonly investor: string;
      readonly date: string;
      readonly amount: string;
      readonly cap?: string;
      readonly discount?: string;
      readonly safeType: "post_money" | "pre_money";
      readonly mfn: boolean;
      readonly proRata: boolean;
      readonly id?: string;
    }
  | {
      readonly kind: "note";
      readonly investor: string;
      readonly date: string;
      readonly principal: string;
      readonly interestRate: string;
      readonly interest: "simple" | "compound";
      readonly maturity?: string;
      readonly cap?: string;
      readonly capBasis: "pre_money" | "post_money";
      readonly discount?: string;
      readonly proRata: boolean;
      readonly id?: string;
    };

export interface NewConvertibleEntries {
  readonly transactionId: string;
  readonly additions: {
    readonly stakeholders: readonly Record<string, unknown>[];
    readonly transactions: readonly Record<string, unknown>[];
  };
  readonly newStakeholders: readonly { readonly id: string; readonly name: string }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function newConvertibleEntries(
  doc: DealDocument,
  options: NewConvertible,
): Result<NewConvertibleEntries> {
  const problems: Problem[] = [];
  if (!DATE.test(options.date))
    problems.push(
      problemSaying("usage", message("flag_is_date", { flag: "--date", got: options.date }), [
        "options",
        "date",
      ]),
    );
  if (options.kind === "note" && options.maturity !== undefined && !DATE.test(options.maturity))
    problems.push(
      problemSaying("usage", message("flag_is_date", { flag: "--maturity", got: options.maturity }), [
        "options",
        "maturity",
      ]),
    );
  if (options.kind === "safe" && options.cap === undefined && options.discount === undefined)
    problems.push(problemSaying("usage", message("safe_terms", {}), ["options", "cap"]));
  if (options.investor.trim() === "")
    problems.push(problemSaying("usage", message("investor_needed", {}), ["options", "investor"]));
  const resolver = stakeholderResolver(doc);
  const holder = resolver.idOf(options.investor.trim());
  const taken = new Set(doc.transactions.map((t, i) => t.id ?? `t${i + 1}`));
  const id = options.id ?? uniqueId(`${options.kind}-${holder}`, taken);
  if (taken.has(id))
    problems.push(
      problemSaying("deal_duplicate_id", message("id_taken", { kind: "transaction", id }), ["options", "id"]),
    );
  if (problems.length > 0) return { ok: false, problems };
  const optional = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  const transaction: Record<string, unknown> =
    options.kind === "safe"
      ? {
          id,
          type: "safe",
          date: options.date,
          holder,
          amount: options.amount,
          ...optional("cap", options.cap),
          ...optional("discount", options.discount),
          safeType: options.safeType,
          ...(options.mfn ? { mfn: true } : {}),
          ...(options.proRata ? { proRata: true } : {}),
        }
      : {
          id,
          type: "note",
          date: options.date,
          holder,
          principal: options.principal,
          interestRate: options.interestRate,
          interest: options.interest,
          ...optional("maturity", options.maturity),
          ...optional("cap", options.cap),
          ...(options.cap === undefined ? {} : { capBasis: options.capBasis }),
          ...optional("discount", options.discount),
          ...(options.proRata ? { proRata: true } : {}),
        };
  return ok({
    transactionId: id,
    additions: {
      stakeholders: resolver.added.map((s) => ({ id: s.id, name: s.name })),
      transactions: [transaction],
    },
    newStakeholders: resolver.added,
  });
}
