import * as z from "zod";
import type { Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import { newConvertibleEntries } from "../deal/add-convertible.js";
import { type AuthoringOutcome, appendToDeal, type DealSource, definedFields } from "./deal-append.js";
import type { Ref } from "./use-case.js";

/** What `add-safe` and `add-note` take (DEAL-CONV-1): the CLI's options, figures as the user wrote them. */
export const AddConvertibleInput = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("safe"),
    investor: z.string(),
    date: z.string(),
    amount: z.string(),
    cap: z.string().optional(),
    discount: z.string().optional(),
    safeType: z.enum(["post_money", "pre_money"]),
    mfn: z.boolean(),
    proRata: z.boolean(),
    id: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("note"),
    investor: z.string(),
    date: z.string(),
    principal: z.string(),
    interestRate: z.string(),
    interest: z.enum(["simple", "compound"]),
    maturity: z.string().optional(),
    cap: z.string().optional(),
    capBasis: z.enum(["pre_money", "post_money"]),
    discount: z.string().optional(),
    proRata: z.boolean(),
    id: z.string().optional(),
  }),
]);
export type AddConvertibleInput = z.infer<typeof AddConvertibleInput>;

/** A SAFE or a note added to a deal's ledger, as read back from the edited deal (DEAL-CONV-1..2). */
export type AddConvertibleReport = {
  /** The transaction (its id as name). */
  readonly security: Ref;
  readonly investor: Ref;
  readonly date: string;
  /** The investors the deal did not know, with the ids given to them. */
  readonly newStakeholders: readonly Ref[];
  /** The deal file's text with the instrument appended, every other byte unchanged (DEAL-6). */
  readonly text: string;
} & (
  | {
      readonly kind: "safe";
      readonly amount: Money;
      readonly cap: Money | undefined;
      readonly discount: Rational | undefined;
      readonly safeType: "post_money" | "pre_money";
      /**
       * A post-money SAFE's ownership at its cap, its purchase amount over the cap (YC
       * Post-Money Safe User Guide, "Conversion"): known before any priced round. Undefined
       * for a pre-money SAFE or one without a cap, which converts at the next priced round.
       */
      readonly ownershipAtCap: Rational | undefined;
    }
  | {
      readonly kind: "note";
      readonly principal: Money;
      readonly interestRate: Rational;
      readonly interest:
        | { readonly method: "simple" }
        | { readonly method: "compound"; readonly periodsPerYear: number };
    }
);

function runAddConvertible(
  source: DealSource,
  input: AddConvertibleInput,
): AuthoringOutcome<AddConvertibleReport> {
  const entries = newConvertibleEntries(source.deal.document, definedFields(input));
  if (!entries.ok) return { ok: false, problems: entries.problems };
  const appended = appendToDeal(
    source.text,
    source.file,
    {
      stakeholders: entries.value.additions.stakeholders,
      transactions: entries.value.additions.transactions,
    },
    input.kind === "safe" ? "SAFE" : "note",
  );
  if (!appended.ok) return appended;
  const ledger = appended.value.loaded.deal.ledger;
  const transaction = ledger.transactions.find((t) => t.id === entries.value.transactionId)!;
  const holder = (transaction as { holder: string }).holder;
  const common = {
    security: { id: transaction.id, name: transaction.id },
    investor: { id: holder, name: ledger.stakeholders.find((s) => s.id === holder)?.name ?? holder },
    date: transaction.date,
    newStakeholders: entries.value.newStakeholders,
    text: appended.value.text,
  };
  if (transaction.type === "safe_issuance") {
    const cap = transaction.valuationCap;
    return {
      ok: true,
      value: {
        ...common,
        kind: "safe",
        amount: transaction.purchaseAmount,
        cap,
        discount: transaction.discount,
        safeType: transaction.safeType,
        ownershipAtCap:
          cap && transaction.safeType === "post_money" && !cap.amount.isZero()
            ? transaction.purchaseAmount.amount.div(cap.amount)
            : undefined,
      },
    };
  }
  if (transaction.type !== "note_issuance")
    throw new Error("add-convertible: the new transaction is not a SAFE or a note");
  return {
    ok: true,
    value: {
      ...common,
      kind: "note",
      principal: transaction.principal,
      interestRate: transaction.interestRate,
      interest: transaction.interest,
    },
  };
}

/**
 * The `add-safe` / `add-note` use case (DEAL-CONV-1..2): a SAFE or a convertible note written
 * from options, appended to the deal's text, and read back from the edited deal. One place
 * for `roundtable add-safe` and `add-note`.
 */
export const addConvertible = {
  name: "add-convertible",
  summary:
    "A SAFE or a convertible note added to a deal from options: what it is, and the deal's text with it.",
  input: AddConvertibleInput,
  run: runAddConvertible,
};
