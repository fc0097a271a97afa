import type { RoundEdit } from "../../app/round-session.js";

/** The query parameter that carries a round's what-if in a link (SPEC WEB-AUTH-6). */
export const WHAT_IF_PARAM = "whatif";

const BASES = ["pre_money", "post_money", "price_per_share"] as const;

/**
 * A round builder's state as a link's query: the pricing basis, its figure, each
 * investment's amount and the pool target, as the fields' texts (the amount parser reads
 * them back exactly, WEB-1), so that the link opens the same what-if for anyone allowed to
 * read the deal. The deal itself is not in the link: it is read with the reader's rights.
 */
export function whatIfQuery(edit: RoundEdit): URLSearchParams {
  return new URLSearchParams({
    [WHAT_IF_PARAM]: JSON.stringify([edit.basis, edit.valueText, edit.amountTexts, edit.poolTargetText]),
  });
}

/**
 * The what-if a link's query holds, or undefined when it holds none or one that does not
 * fit the round (another number of investments, a basis the builder does not know).
 */
export function whatIfFromQuery(query: URLSearchParams, investments: number): RoundEdit | undefined {
  const text = query.get(WHAT_IF_PARAM);
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 4) return undefined;
  const [basis, valueText, amountTexts, poolTargetText] = value as unknown[];
  if (typeof basis !== "string" || !(BASES as readonly string[]).includes(basis)) return undefined;
  if (typeof valueText !== "string") return undefined;
  if (!Array.isArray(amountTexts) || amountTexts.length !== investments) return undefined;
  if (!amountTexts.every((a) => a === null || typeof a === "string")) return undefined;
  if (poolTargetText !== null && typeof poolTargetText !== "string") return undefined;
  return {
    basis: basis as RoundEdit["basis"],
    valueText,
    amountTexts: amountTexts as (string | null)[],
    poolTargetText: poolTargetText as string | null,
  };
}
