import * as z from "zod";
import { newRoundEntries } from "../deal/add-round.js";
import { type AuthoringOutcome, appendToDeal, type DealSource, definedFields } from "./deal-append.js";
import { type ModelReport, modelOf } from "./model.js";
import type { Ref } from "./use-case.js";

/** What `add-round` takes (DEAL-ROUND-1..5): the CLI's options, figures as the user wrote them. */
export const AddRoundInput = z.strictObject({
  name: z.string().min(1),
  date: z.string(),
  preMoney: z.string().optional(),
  postMoney: z.string().optional(),
  pricePerShare: z.string().optional(),
  investments: z.array(z.string()),
  lead: z.string().optional(),
  id: z.string().optional(),
  className: z.string().optional(),
  preferenceMultiple: z.string().optional(),
  participation: z.enum(["none", "full"]).optional(),
  seniority: z.number().int().min(0).max(9999).optional(),
  antiDilution: z
    .enum(["none", "broad_based_weighted_average", "narrow_based_weighted_average", "full_ratchet"])
    .optional(),
  poolTarget: z.string().optional(),
  pool: z.string().optional(),
  pricePlaces: z.number().int().min(0).max(12).optional(),
});
export type AddRoundInput = z.infer<typeof AddRoundInput>;

/** The preview of a round added to a deal: its pro forma on the edited deal, and the text to write. */
export interface AddRoundReport {
  readonly round: Ref;
  readonly date: string;
  /** The round's pro forma (the `model` use case on the deal with the round appended). */
  readonly model: ModelReport;
  /** The investors the deal did not know, with the ids given to them. */
  readonly newStakeholders: readonly Ref[];
  /** The deal file's text with the round appended, every other byte unchanged (DEAL-6). */
  readonly text: string;
}

function runAddRound(source: DealSource, input: AddRoundInput): AuthoringOutcome<AddRoundReport> {
  const entries = newRoundEntries(source.deal.document, definedFields(input));
  if (!entries.ok) return { ok: false, problems: entries.problems };
  const appended = appendToDeal(
    source.text,
    source.file,
    {
      stakeholders: entries.value.additions.stakeholders,
      pools: entries.value.additions.pools,
      rounds: entries.value.additions.rounds,
    },
    "round",
  );
  if (!appended.ok) return appended;
  const { loaded: check } = appended.value;
  const priced = modelOf(check.deal, { round: entries.value.roundId });
  if (!priced.ok) return { ok: false, problems: priced.problems, locate: check.locate };
  return {
    ok: true,
    value: {
      round: priced.value.round.round,
      date: priced.value.round.date,
      model: priced.value,
      newStakeholders: entries.value.newStakeholders,
      text: appended.value.text,
    },
  };
}

/**
 * The `add-round` use case (DEAL-ROUND-1..5): a priced round written from a few options,
 * appended to the deal's text, and priced by the `model` use case on the edited deal. One
 * place for `roundtable add-round`'s preview and its `--write`.
 */
export const addRound = {
  name: "add-round",
  summary:
    "A priced round added to a deal from options: its pro forma, and the deal's text with it appended.",
  input: AddRoundInput,
  run: runAddRound,
};
