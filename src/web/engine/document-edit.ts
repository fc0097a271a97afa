import type { DealDocumentJson } from "../api/contract.js";
import type { PricingBasis, RoundEdit } from "./round-session.js";

const PRICING_KEYS: Record<PricingBasis, string> = {
  pre_money: "preMoney",
  post_money: "postMoney",
  price_per_share: "pricePerShare",
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Replaces an amount's value, keeping its `{ value, assumption }` label when it has one. */
function withValue(previous: unknown, text: string): unknown {
  return isObject(previous) && "value" in previous ? { ...previous, value: text } : text;
}

/**
 * The deal document with a round's edited terms written in, as the user typed them
 * (the deal format reads the same amount texts). Only the fields whose text differs from
 * `initial` (the edit the fields started from) are written; everything else in the
 * document, labelled assumptions included, is kept as it was. Returns undefined when
 * the document has no round with that id.
 */
export function applyRoundEdit(
  document: DealDocumentJson,
  roundId: string,
  edit: RoundEdit,
  initial: RoundEdit,
): DealDocumentJson | undefined {
  const rounds = document.rounds;
  if (!Array.isArray(rounds)) return undefined;
  const index = rounds.findIndex((r) => isObject(r) && r.id === roundId);
  if (index < 0) return undefined;
  const round = { ...(rounds[index] as Json) };
  if (edit.basis !== initial.basis || edit.valueText !== initial.valueText) {
    let previousPricing: unknown;
    for (const key of Object.values(PRICING_KEYS)) {
      if (key in round) {
        if (key === PRICING_KEYS[edit.basis]) previousPricing = round[key];
        delete round[key];
      }
    }
    round[PRICING_KEYS[edit.basis]] = withValue(previousPricing, edit.valueText);
  }
  if (Array.isArray(round.investments)) {
    round.investments = round.investments.map((inv: unknown, i) => {
      const text = edit.amountTexts[i];
      if (!isObject(inv) || text === null || text === undefined || text === initial.amountTexts[i])
        return inv;
      return { ...inv, amount: withValue(inv.amount, text) };
    });
  }
  if (
    edit.poolTargetText !== null &&
    edit.poolTargetText !== initial.poolTargetText &&
    isObject(round.pool) &&
    "target" in round.pool
  ) {
    round.pool = { ...round.pool, target: edit.poolTargetText };
  }
  const nextRounds = [...rounds];
  nextRounds[index] = round;
  return { ...document, rounds: nextRounds };
}
