import type { PricingBasis, RoundEdit } from "../../app/round-session.js";
import { parseAmount } from "../../core/exact/amount-parse.js";
import type { Currency } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { DealDocumentJson } from "../api/contract.js";

const PRICING_KEYS: Record<PricingBasis, string> = {
  pre_money: "preMoney",
  post_money: "postMoney",
  price_per_share: "pricePerShare",
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * True when a document's amount is one exact figure (`$50B`, `{ value: 40 Md$, assumption }`);
 * false when it is missing (taken from claims), an estimate (`up to $50B`, `{ min, max }`)
 * or unreadable (SPEC DEAL-4).
 */
function isExactAmount(value: unknown): boolean {
  const text =
    isObject(value) &&
    "value" in value &&
    Object.keys(value).every((k) => k === "value" || k === "assumption")
      ? value.value
      : value;
  if (typeof text === "number") return true;
  if (typeof text !== "string") return false;
  return (
    Rational.parse(text.replaceAll("_", "")) !== undefined ||
    parseAmount(text, { defaultCurrency: "XXX" as Currency }).ok
  );
}

/** Replaces an amount's value, keeping its `{ value, assumption }` label when it has one. */
function withValue(previous: unknown, text: string): unknown {
  return isObject(previous) && "value" in previous ? { ...previous, value: text } : text;
}

/**
 * The deal document with a round's edited terms written in, as the user typed them
 * (the deal format reads the same amount texts), so that the saved deal prices the round
 * as the builder showed it. A field is written when its text differs from `initial`
 * (the edit the fields started from), and also when the document does not state it as
 * one exact figure — left to the claims or stated as an estimate — since such a figure
 * is resolved again, in the base scenario, from the other figures (SPEC DEAL-4): the
 * values shown are then stated, as the deal's own terms. Everything else in the
 * document, labelled assumptions and claims included, is kept. Returns undefined when
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
  const pricingKey = PRICING_KEYS[edit.basis];
  if (
    edit.basis !== initial.basis ||
    edit.valueText !== initial.valueText ||
    !isExactAmount(round[pricingKey])
  ) {
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
      if (!isObject(inv) || text === null || text === undefined) return inv;
      if (text === initial.amountTexts[i] && isExactAmount(inv.amount)) return inv;
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

/**
 * The deal document with sources and claims accepted from ingested reports appended to its
 * `sources` and `claims` lists (SPEC DEAL-6), everything else kept. The same edit as
 * `roundtable ingest --deal … --write`, on the JSON document the app saves.
 */
export function applyIngested(
  document: DealDocumentJson,
  additions: readonly { readonly source: Json; readonly claims: readonly Json[] }[],
): DealDocumentJson {
  if (additions.length === 0) return document;
  const sources = Array.isArray(document.sources) ? document.sources : [];
  const claims = Array.isArray(document.claims) ? document.claims : [];
  return {
    ...document,
    sources: [...sources, ...additions.map((a) => ({ ...a.source }))],
    claims: [...claims, ...additions.flatMap((a) => a.claims.map((c) => ({ ...c })))],
  };
}
