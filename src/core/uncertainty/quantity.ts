import { Rational } from "../exact/rational.js";
import type { RoundId, StakeholderId } from "../shared/ids.js";
import { fail, ok, type Problem, problem, type Result } from "../shared/problem.js";

/**
 * A quantity is one uncertain number the reports speak about: one investor's commitment
 * in a round, the round's size or target, a valuation, an existing stake, the value of an
 * agreement (SPEC UNC-QTY-1). Its id is a path that says what it is:
 *
 * - `round:ROUND/investment:HOLDER`  money: what HOLDER puts into ROUND
 * - `round:ROUND/size`               money: the round's total new money
 * - `round:ROUND/target`             money: the most the round takes
 * - `round:ROUND/valuation:pre`      money: the pre-money valuation
 * - `round:ROUND/valuation:post`     money: the post-money valuation
 * - `round:ROUND/price`              money: the price per share
 * - `holder:HOLDER/stake`            fraction: HOLDER's existing as-converted stake, 0 to 1
 * - `agreement:ID/value`             money: the value of a commercial agreement
 */
export type QuantityId = string & { readonly __brand: "QuantityId" };

export type QuantityKind =
  | "investment"
  | "round_size"
  | "round_target"
  | "valuation_pre"
  | "valuation_post"
  | "price_per_share"
  | "existing_stake"
  | "agreement_value";

export type QuantityUnit = "money" | "fraction";

export type QuantityRef =
  | { readonly kind: "investment"; readonly round: RoundId; readonly holder: StakeholderId }
  | {
      readonly kind: "round_size" | "round_target" | "valuation_pre" | "valuation_post" | "price_per_share";
      readonly round: RoundId;
    }
  | { readonly kind: "existing_stake"; readonly holder: StakeholderId }
  | { readonly kind: "agreement_value"; readonly agreement: string };

export interface Quantity {
  readonly id: QuantityId;
  readonly ref: QuantityRef;
  readonly unit: QuantityUnit;
  /** A short human name: "Amazon's investment in series-x". */
  readonly label: string;
  /**
   * The same name in French ("participation de Microsoft"): the deal's own label when it
   * gives one (a name is not translated), else the default label worded in French (APP-9).
   */
  readonly labelFr: string;
}

const SLUG = "[a-z0-9][a-z0-9._-]*";
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => QuantityRef][] = [
  [
    new RegExp(`^round:(${SLUG})/investment:(${SLUG})$`),
    (m) => ({ kind: "investment", round: m[1] as RoundId, holder: m[2] as StakeholderId }),
  ],
  [new RegExp(`^round:(${SLUG})/size$`), (m) => ({ kind: "round_size", round: m[1] as RoundId })],
  [new RegExp(`^round:(${SLUG})/target$`), (m) => ({ kind: "round_target", round: m[1] as RoundId })],
  [new RegExp(`^round:(${SLUG})/valuation:pre$`), (m) => ({ kind: "valuation_pre", round: m[1] as RoundId })],
  [
    new RegExp(`^round:(${SLUG})/valuation:post$`),
    (m) => ({ kind: "valuation_post", round: m[1] as RoundId }),
  ],
  [new RegExp(`^round:(${SLUG})/price$`), (m) => ({ kind: "price_per_share", round: m[1] as RoundId })],
  [
    new RegExp(`^holder:(${SLUG})/stake$`),
    (m) => ({ kind: "existing_stake", holder: m[1] as StakeholderId }),
  ],
  [new RegExp(`^agreement:(${SLUG})/value$`), (m) => ({ kind: "agreement_value", agreement: m[1]! })],
];

const FORMS =
  "round:ROUND/investment:HOLDER, round:ROUND/size, round:ROUND/target, round:ROUND/valuation:pre, round:ROUND/valuation:post, round:ROUND/price, holder:HOLDER/stake or agreement:ID/value";

/** Reads a quantity id (UNC-QTY-1); ids are lower-case slugs joined by the fixed words above. */
export function parseQuantityId(text: string, path?: readonly (string | number)[]): Result<QuantityRef> {
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return ok(build(m));
  }
  return fail("quantity_invalid_id", `"${text}" is not a quantity id; expected one of ${FORMS}`, path);
}

export function quantityIdOf(ref: QuantityRef): QuantityId {
  switch (ref.kind) {
    case "investment":
      return `round:${ref.round}/investment:${ref.holder}` as QuantityId;
    case "round_size":
      return `round:${ref.round}/size` as QuantityId;
    case "round_target":
      return `round:${ref.round}/target` as QuantityId;
    case "valuation_pre":
      return `round:${ref.round}/valuation:pre` as QuantityId;
    case "valuation_post":
      return `round:${ref.round}/valuation:post` as QuantityId;
    case "price_per_share":
      return `round:${ref.round}/price` as QuantityId;
    case "existing_stake":
      return `holder:${ref.holder}/stake` as QuantityId;
    case "agreement_value":
      return `agreement:${ref.agreement}/value` as QuantityId;
  }
}

export function unitOf(ref: QuantityRef): QuantityUnit {
  return ref.kind === "existing_stake" ? "fraction" : "money";
}

/** What the model knows the deal's names by, to check references and write labels. */
export interface QuantityContext {
  /** Stakeholder ids with their display names. */
  readonly stakeholders: ReadonlyMap<string, string>;
  /** Round ids with their display names. */
  readonly rounds: ReadonlyMap<string, string>;
}

/** A quantity's default label, in English or in French (APP-9). */
function defaultLabel(ref: QuantityRef, context: QuantityContext, lang: "en" | "fr" = "en"): string {
  const holder = (id: string) => context.stakeholders.get(id) ?? id;
  const round = (id: string) => context.rounds.get(id) ?? id;
  const fr = lang === "fr";
  switch (ref.kind) {
    case "investment":
      return holder(ref.holder);
    case "round_size":
      return fr ? `taille du tour ${round(ref.round)}` : `${round(ref.round)} size`;
    case "round_target":
      return fr ? `objectif du tour ${round(ref.round)}` : `${round(ref.round)} target`;
    case "valuation_pre":
      return fr
        ? `valorisation pré-money du tour ${round(ref.round)}`
        : `${round(ref.round)} pre-money valuation`;
    case "valuation_post":
      return fr
        ? `valorisation post-money du tour ${round(ref.round)}`
        : `${round(ref.round)} post-money valuation`;
    case "price_per_share":
      return fr ? `prix par action du tour ${round(ref.round)}` : `${round(ref.round)} price per share`;
    case "existing_stake":
      return fr ? `participation de ${holder(ref.holder)}` : `${holder(ref.holder)}'s stake`;
    case "agreement_value":
      return fr ? `accord ${ref.agreement}` : `agreement ${ref.agreement}`;
  }
}

/**
 * Checks a quantity id against the deal (UNC-QTY-2): the form, then every stakeholder
 * and round it names. Agreements are not checked here (they belong to the flows model).
 */
export function defineQuantity(
  id: string,
  context: QuantityContext,
  options: { readonly label?: string; readonly path?: readonly (string | number)[] } = {},
): Result<Quantity> {
  const parsed = parseQuantityId(id, options.path);
  if (!parsed.ok) return parsed;
  const ref = parsed.value;
  if ("round" in ref && !context.rounds.has(ref.round)) {
    return fail(
      "quantity_unknown_reference",
      `quantity "${id}" names unknown round "${ref.round}"`,
      options.path,
    );
  }
  if ("holder" in ref && !context.stakeholders.has(ref.holder)) {
    return fail(
      "quantity_unknown_reference",
      `quantity "${id}" names unknown stakeholder "${ref.holder}"`,
      options.path,
    );
  }
  return ok({
    id: quantityIdOf(ref),
    ref,
    unit: unitOf(ref),
    label: options.label ?? defaultLabel(ref, context),
    labelFr: options.label ?? defaultLabel(ref, context, "fr"),
  });
}

/** A linear combination of quantities plus a constant: Σ coefficient × quantity + constant. */
export interface LinearExpression {
  readonly terms: readonly { readonly quantity: QuantityId; readonly coefficient: Rational }[];
  readonly constant: Rational;
}

export function quantityExpression(id: QuantityId): LinearExpression {
  return { terms: [{ quantity: id, coefficient: Rational.ONE }], constant: Rational.ZERO };
}

/** The sum of a group of quantities ("Amazon, Nvidia and Microsoft together"). */
export function sumExpression(ids: readonly QuantityId[]): LinearExpression {
  return { terms: ids.map((quantity) => ({ quantity, coefficient: Rational.ONE })), constant: Rational.ZERO };
}

export function constantExpression(value: Rational): LinearExpression {
  return { terms: [], constant: value };
}

/** True when the expression is one quantity with coefficient 1 and no constant. */
export function singleQuantity(expression: LinearExpression): QuantityId | undefined {
  if (expression.terms.length !== 1 || !expression.constant.isZero()) return undefined;
  const [term] = expression.terms;
  return term!.coefficient.eq(Rational.ONE) ? term!.quantity : undefined;
}

/**
 * An identity that always holds between quantities, whatever the claims say: the round
 * size is the sum of the investments, say (UNC-QTY-3). `left = right`.
 */
export interface QuantityIdentity {
  readonly id: string;
  readonly left: LinearExpression;
  readonly right: LinearExpression;
  /** Says the identity in words, for explanations: "the round size is the sum of the investments". */
  readonly text: string;
}

/** The quantities of a deal, in declaration order, with their identities. */
export interface QuantityModel {
  readonly quantities: readonly Quantity[];
  readonly identities: readonly QuantityIdentity[];
}

/** Builds a model, checking every id and refusing duplicates and identities over unknown quantities. */
export function buildQuantityModel(
  entries: readonly { readonly id: string; readonly label?: string }[],
  identities: readonly QuantityIdentity[],
  context: QuantityContext,
): Result<QuantityModel> {
  const problems: Problem[] = [];
  const quantities: Quantity[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const path = ["quantities", index];
    const defined = defineQuantity(entry.id, context, { label: entry.label, path });
    if (!defined.ok) {
      problems.push(...defined.problems);
      continue;
    }
    if (seen.has(defined.value.id)) {
      problems.push(problem("deal_duplicate_id", `quantity "${entry.id}" is declared twice`, path));
      continue;
    }
    seen.add(defined.value.id);
    quantities.push(defined.value);
  }
  for (const [index, identity] of identities.entries()) {
    for (const term of [...identity.left.terms, ...identity.right.terms]) {
      if (!seen.has(term.quantity)) {
        problems.push(
          problem(
            "claim_unknown_quantity",
            `identity "${identity.id}" uses quantity "${term.quantity}", which the deal does not define`,
            ["identities", index],
          ),
        );
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return ok({ quantities, identities });
}

/** The identity "size = Σ investments (+ others)" for a round, the usual structural rule. */
export function roundSizeIdentity(
  round: RoundId,
  size: QuantityId,
  parts: readonly QuantityId[],
): QuantityIdentity {
  return {
    id: `round:${round}/size-is-sum`,
    left: quantityExpression(size),
    right: sumExpression(parts),
    text: "the round size is the sum of its investments",
  };
}
