import type { Currency } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { type Claim, type ClaimId, type ClaimSet, claimId } from "../core/uncertainty/claim.js";
import { claimsBesideValues } from "../core/uncertainty/consistent-claims.js";
import { formatEstimate, formatEstimateValue, makeEstimate } from "../core/uncertainty/estimate.js";
import {
  parseQuantityId,
  type QuantityId,
  quantityExpression,
  quantityIdOf,
} from "../core/uncertainty/quantity.js";
import type { Scenario, ScenarioChoice } from "../core/uncertainty/scenario.js";
import { sourceId } from "../core/uncertainty/source.js";
import { buildDeal, type Deal, withScenario } from "./build.js";
import { readEstimate, readMoneyFigure } from "./figures.js";
import type { DealDocument } from "./schema.js";
import { type DealUncertainty, roundQuantity, scenarioNamed, TERMS_SOURCE_ID } from "./uncertain.js";

/**
 * What-ifs (SPEC DEAL-WHATIF-1..4): a user fixes some of a deal's figures by the names a
 * person would use — `amazon=$50B`, `pre-money=$830B`, `round-size=$60B`,
 * `microsoft-stake=27%` — without editing the deal file. The figures are priced as a
 * scenario of their own, based on the scenario the user chose (base by default); the
 * claims the fixed values contradict are dropped from that scenario and reported, never
 * silently.
 */

/** One `NAME=VALUE` as the user wrote it. */
export interface WhatIfSetting {
  readonly name: string;
  readonly value: string;
}

/** A name a what-if may use, and the quantity it fixes. */
export interface WhatIfName {
  readonly name: string;
  readonly quantity: QuantityId;
  readonly unit: "money" | "fraction";
}

/** A what-if as applied: each fixed figure, and the claims that could not hold beside them. */
export interface WhatIfOutcome {
  /** The scenario the what-if was priced as (added to the deal's scenarios). */
  readonly scenario: string;
  /** The scenario the what-if starts from. */
  readonly basedOn: string;
  readonly settings: readonly {
    readonly name: string;
    readonly quantity: QuantityId;
    /** The quantity in words: "Amazon's investment in 2026 mega-round". */
    readonly label: string;
    /** The label in French (APP-9). */
    readonly labelFr: string;
    readonly unit: "money" | "fraction";
    readonly value: Rational;
  }[];
  readonly contradicted: readonly Claim[];
}

/** The scenario id a what-if takes in the deal (another when the deal already uses it). */
export const WHAT_IF_SCENARIO = "what-if";

/** Reads `NAME=VALUE` (DEAL-WHATIF-1); the value is everything after the first `=`. */
export function parseWhatIfSetting(text: string): Result<WhatIfSetting> {
  const at = text.indexOf("=");
  const name = at < 0 ? "" : text.slice(0, at).trim();
  const value = at < 0 ? "" : text.slice(at + 1).trim();
  if (name === "" || value === "") {
    return fail(
      "what_if_invalid",
      `"${text}" is not a what-if: write NAME=VALUE, e.g. amazon=$50B or pre-money=$830B`,
    );
  }
  return ok({ name, value });
}

/** A display name as a what-if name: lower case, accents removed, words joined by "-". */
export function slugOfName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const ROUND_FIGURES: readonly { names: readonly string[]; quantity: (round: string) => QuantityId }[] = [
  { names: ["pre-money", "premoney", "pre"], quantity: roundQuantity.pre },
  { names: ["post-money", "postmoney", "post", "valuation"], quantity: roundQuantity.post },
  { names: ["price", "price-per-share", "share-price"], quantity: roundQuantity.price },
  { names: ["round-size", "size", "new-money"], quantity: roundQuantity.size },
  { names: ["target", "round-target"], quantity: roundQuantity.target },
];

/**
 * The names a what-if may use on a deal (DEAL-WHATIF-2). The modelled round's figures go
 * by plain names (`amazon`, `pre-money`, `round-size`, …); every round's figures also by
 * `ROUND.name`; each stakeholder's existing stake by `HOLDER-stake`. An investor is named
 * by its id and by its display name in lower case with dashes. The first name listed for a
 * quantity is the one shown; full quantity ids are accepted too.
 */
export function whatIfNames(doc: DealDocument, round?: string): WhatIfName[] {
  const names: WhatIfName[] = [];
  const taken = new Set<string>();
  const add = (name: string, quantity: QuantityId, unit: WhatIfName["unit"]) => {
    if (name === "" || taken.has(name)) return;
    taken.add(name);
    names.push({ name, quantity, unit });
  };
  const modelled = round ?? doc.rounds[doc.rounds.length - 1]?.id;
  const stakeholderName = new Map(doc.stakeholders.map((s) => [s.id, s.name]));
  const roundNames = (r: DealDocument["rounds"][number], prefix: string) => {
    for (const inv of r.investments) {
      if (inv.proRata) continue;
      const q = roundQuantity.investment(r.id, inv.investor);
      add(`${prefix}${inv.investor}`, q, "money");
      add(`${prefix}${slugOfName(stakeholderName.get(inv.investor) ?? inv.investor)}`, q, "money");
    }
    for (const figure of ROUND_FIGURES)
      for (const name of figure.names) add(`${prefix}${name}`, figure.quantity(r.id), "money");
  };
  const current = doc.rounds.find((r) => r.id === modelled);
  if (current) roundNames(current, "");
  for (const r of doc.rounds) roundNames(r, `${r.id}.`);
  for (const s of doc.stakeholders) {
    const q = quantityIdOf({ kind: "existing_stake", holder: s.id as never });
    add(`${s.id}-stake`, q, "fraction");
    add(`${slugOfName(s.name)}-stake`, q, "fraction");
  }
  return names;
}

/** The names to show in a message: the first of each quantity's names. */
function shownNames(names: readonly WhatIfName[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    if (seen.has(n.quantity) || n.name.includes(".")) continue;
    seen.add(n.quantity);
    out.push(n.name);
  }
  return out.join(", ");
}

function resolveName(
  doc: DealDocument,
  names: readonly WhatIfName[],
  name: string,
): Result<{ quantity: QuantityId; unit: "money" | "fraction" }> {
  const key = name.toLowerCase();
  const hit = names.find((n) => n.name === key) ?? names.find((n) => n.name === slugOfName(name));
  if (hit) return ok({ quantity: hit.quantity, unit: hit.unit });
  const parsed = parseQuantityId(name);
  if (parsed.ok) {
    const ref = parsed.value;
    const roundOk = !("round" in ref) || doc.rounds.some((r) => r.id === ref.round);
    const holderOk = !("holder" in ref) || doc.stakeholders.some((s) => s.id === ref.holder);
    if (roundOk && holderOk && ref.kind !== "agreement_value")
      return ok({ quantity: name as QuantityId, unit: ref.kind === "existing_stake" ? "fraction" : "money" });
  }
  return fail(
    "what_if_unknown_name",
    `--set names "${name}", which the deal does not have; the names are ${shownNames(names)} (ROUND.name for another round's figures, or a full quantity id such as ${names[0]?.quantity ?? "round:ROUND/size"})`,
  );
}

/** The document with the fixed figures left to the what-if's values (DEAL-WHATIF-3). */
function documentForWhatIf(
  doc: DealDocument,
  fixed: ReadonlyMap<QuantityId, string>,
  scenarioId: string,
): Result<DealDocument> {
  const rounds: DealDocument["rounds"] = [];
  for (const r of doc.rounds) {
    let round = r;
    const pricing = [roundQuantity.pre(r.id), roundQuantity.post(r.id), roundQuantity.price(r.id)];
    if (pricing.some((q) => fixed.has(q))) {
      round = { ...round, preMoney: undefined, postMoney: undefined, pricePerShare: undefined };
    }
    if (fixed.has(roundQuantity.target(r.id))) round = { ...round, target: undefined };
    const investments = round.investments.map((inv) => {
      if (!fixed.has(roundQuantity.investment(r.id, inv.investor)) || inv.proRata) return inv;
      return { ...inv, amount: undefined };
    });
    for (const inv of round.investments) {
      const q = roundQuantity.investment(r.id, inv.investor);
      if (fixed.has(q) && round.investments.filter((i) => i.investor === inv.investor).length > 1) {
        return fail(
          "what_if_invalid",
          `${inv.investor} invests more than once in round ${r.name}: a what-if cannot set its amount as one figure; edit the deal instead`,
        );
      }
    }
    rounds.push({ ...round, investments });
  }
  const values: Record<string, { kind: "text"; text: string; assumption: undefined }> = {};
  for (const [q, text] of fixed) values[q] = { kind: "text", text, assumption: undefined };
  const scenario = {
    id: scenarioId,
    name: "What-if",
    pick: "base" as const,
    values,
    claims: undefined,
    picks: undefined,
    note: undefined,
  };
  return ok({ ...doc, rounds, scenarios: [...doc.scenarios, scenario] } as DealDocument);
}

/** A what-if's figure as read: the name it was given, its exact value and unit. */
export interface WhatIfValue {
  readonly name: string;
  readonly value: Rational;
  readonly unit: "money" | "fraction";
}

/**
 * Reads what-ifs against a deal document (DEAL-WHATIF-1, -2): each name resolves to a
 * quantity (an unknown name lists the names there are), each value is exact and in the
 * currency (money) or a fraction (`27%`); a quantity given twice is refused.
 */
export function readWhatIfValues(
  doc: DealDocument,
  currency: Currency,
  settings: readonly WhatIfSetting[],
  round?: string,
): Result<Map<QuantityId, WhatIfValue>> {
  const names = whatIfNames(doc, round);
  const values = new Map<QuantityId, WhatIfValue>();
  for (const setting of settings) {
    const resolved = resolveName(doc, names, setting.name);
    if (!resolved.ok) return resolved;
    const { quantity, unit } = resolved.value;
    if (values.has(quantity)) {
      return fail(
        "what_if_invalid",
        `--set gives ${quantity} twice (${values.get(quantity)!.name} and ${setting.name}); give it once`,
      );
    }
    const figure = { kind: "text" as const, text: setting.value, assumption: undefined };
    let value: Rational;
    if (unit === "fraction") {
      const e = readEstimate(figure, "fraction", currency, []);
      if (!("kind" in e) || e.qualifier !== "exact" || e.stated === undefined) {
        return fail(
          "what_if_invalid",
          `--set ${setting.name}=${setting.value}: a stake is an exact fraction, such as 27% or 0.27`,
        );
      }
      value = e.stated;
    } else {
      const read = readMoneyFigure(figure, currency, []);
      if (!("kind" in read)) {
        return fail(
          "what_if_invalid",
          `--set ${setting.name}=${setting.value}: ${read[0]?.message ?? "not an amount"}`,
        );
      }
      if (read.kind !== "exact") {
        return fail(
          "what_if_invalid",
          `--set ${setting.name}=${setting.value}: a what-if fixes an exact amount, such as $50B; use a scenario or a claim for a range`,
        );
      }
      if (read.value.currency !== currency) {
        return fail(
          "what_if_invalid",
          `--set ${setting.name}=${setting.value}: the deal is in ${currency}; give the amount in ${currency}`,
        );
      }
      if (read.value.amount.isNegative()) {
        return fail(
          "what_if_invalid",
          `--set ${setting.name}=${setting.value}: an amount cannot be negative`,
        );
      }
      value = read.value.amount;
    }
    values.set(quantity, { name: setting.name, value, unit });
  }
  return ok(values);
}

/**
 * Applies what-ifs to a deal (DEAL-WHATIF-1..4) and returns the deal priced in the what-if
 * scenario. Each name resolves to a quantity (an unknown name lists the names there are);
 * each value is exact and in the deal's currency (money) or a fraction (`27%`). The round
 * fields the values replace are left to them; the scenario keeps the claims of the chosen
 * scenario that hold beside the values and reports the others. A value that contradicts a
 * figure the deal itself states, or values that cannot hold together, are refused.
 */
export function applyWhatIfs(
  deal: Deal,
  settings: readonly WhatIfSetting[],
  options: { readonly scenario?: string; readonly round?: string } = {},
): Result<{ readonly deal: Deal; readonly whatIf: WhatIfOutcome }> {
  const doc = deal.document;
  const currency = deal.ledger.company.currency as Currency;
  const read = readWhatIfValues(doc, currency, settings, options.round);
  if (!read.ok) return read;
  const values = read.value;
  const texts = new Map<QuantityId, string>();
  for (const [quantity, v] of values) texts.set(quantity, v.value.toDecimalString(40));

  const taken = new Set(doc.scenarios.map((s) => s.id));
  let scenarioId = WHAT_IF_SCENARIO;
  for (let k = 2; taken.has(scenarioId); k++) scenarioId = `${WHAT_IF_SCENARIO}-${k}`;
  const edited = documentForWhatIf(doc, texts, scenarioId);
  if (!edited.ok) return edited;
  const built = buildDeal(edited.value);
  if (!built.ok) return built;
  const u = built.value.uncertainty;
  if (!u) throw new Error("applyWhatIfs: a deal with a what-if scenario always has an uncertainty model");

  const basedOn = options.scenario ?? "base";
  const base = scenarioNamed(u, basedOn);
  if (!base || basedOn === scenarioId) {
    const known = ["low", "base", "high", ...doc.scenarios.map((s) => s.id)];
    return fail("usage", `no scenario "${basedOn}"; the deal's scenarios are ${known.join(", ")}`);
  }
  const scenario = whatIfScenarioOf(u, base, values, currency, scenarioId);
  if (!scenario.ok) return scenario;
  const whatIfScenario = scenario.value.scenario;
  const labelOf = new Map(u.claimSet.model.quantities.map((q) => [q.id as string, q.label]));
  const labelFrOf = new Map(u.claimSet.model.quantities.map((q) => [q.id as string, q.labelFr]));

  const withWhatIf: Deal = {
    ...built.value,
    uncertainty: {
      ...u,
      scenarios: u.scenarios.map((s) => (s.name === scenarioId ? whatIfScenario : s)),
    },
  };
  const priced = withScenario(withWhatIf, scenarioId, built.warnings);
  if (!priced.ok) return priced;
  return ok(
    {
      deal: priced.value,
      whatIf: {
        scenario: scenarioId,
        basedOn,
        settings: [...values].map(([quantity, v]) => ({
          name: v.name,
          quantity,
          label: labelOf.get(quantity) ?? quantity,
          labelFr: labelFrOf.get(quantity) ?? quantity,
          unit: v.unit,
          value: v.value,
        })),
        contradicted: scenario.value.contradicted,
      },
    },
    priced.warnings,
  );
}

/**
 * The what-if's figures as exact claims of the deal's own terms (DEAL-WHATIF-5): what a
 * sampler needs to hold them fixed while it samples the rest, as it holds a figure the
 * file states. They join the claim set under ids `what-if:QUANTITY`.
 */
export function whatIfClaims(set: ClaimSet, whatIf: WhatIfOutcome): { claimSet: ClaimSet; ids: ClaimId[] } {
  const claims: Claim[] = whatIf.settings.map((s) => {
    const unit =
      s.unit === "fraction"
        ? ({ kind: "fraction" } as const)
        : ({ kind: "money", currency: set.currency } as const);
    const estimate = makeEstimate("exact", { value: s.value }, unit);
    // applyWhatIfs has checked each value (exact, not negative, a fraction at most 1).
    if (!estimate.ok)
      throw new Error(`whatIfClaims: ${s.quantity} = ${s.value.toString()} is not an estimate`);
    return {
      kind: "claim",
      id: claimId(`${WHAT_IF_SCENARIO}:${s.quantity}`),
      source: sourceId(TERMS_SOURCE_ID),
      subject: quantityExpression(s.quantity),
      subjectLabel: s.label,
      subjectLabelFr: s.labelFr,
      value: estimate.value,
      statedValue: estimate.value,
      attribution: undefined,
      status: "agreed",
      evidence: undefined,
      date: undefined,
    };
  });
  return { claimSet: { ...set, claims: [...set.claims, ...claims] }, ids: claims.map((c) => c.id) };
}

/**
 * The what-if's scenario (DEAL-WHATIF-3, -4): the base scenario's picks and values, the
 * what-if's values in place of any it had for their quantities, and the base's claims
 * (the `claims` given, by default) heaviest first while they hold beside the values; the
 * others are returned as contradicted. A value against the deal's own terms, or values
 * that cannot hold together, are refused with the figures involved.
 */
export function whatIfScenarioOf(
  u: DealUncertainty,
  base: Scenario,
  values: ReadonlyMap<QuantityId, WhatIfValue>,
  currency: Currency,
  scenarioId: string,
  claims: readonly ClaimId[] = base.claims ?? u.defaultClaims,
): Result<{
  readonly scenario: Scenario;
  readonly kept: readonly ClaimId[];
  readonly contradicted: readonly Claim[];
}> {
  const fixed = new Map<QuantityId, Rational>();
  const choices = new Map<QuantityId, ScenarioChoice>();
  for (const [q, choice] of base.choices) {
    if (values.has(q)) continue;
    choices.set(q, choice);
    if (choice.kind === "value") fixed.set(q, choice.value);
  }
  for (const [q, v] of values) {
    fixed.set(q, v.value);
    choices.set(q, { kind: "value", value: v.value });
  }
  const beside = claimsBesideValues(u.claimSet, claims, fixed, (c) => c.source === TERMS_SOURCE_ID);
  const unitText = (unit: "money" | "fraction") =>
    unit === "fraction" ? ({ kind: "fraction" } as const) : ({ kind: "money", currency } as const);
  const listed = [...values.values()]
    .map((v) => `${v.name}=${formatEstimateValue(v.value, unitText(v.unit))}`)
    .join(", ");
  if (!beside.ok) {
    if (beside.reason === "values_inconsistent") {
      return fail(
        "what_if_invalid",
        `the what-if values ${listed} cannot hold together (a post-money is the pre-money plus the round's size, and the size is the sum of the investments)`,
      );
    }
    const claim = beside.claim;
    return fail(
      "what_if_invalid",
      `the what-if values ${listed} contradict the deal's own figure for ${claim.subjectLabel} (${formatEstimate(claim.value)}); set that figure too, or change the deal`,
    );
  }
  return ok({
    scenario: { name: scenarioId, claims: beside.value.kept, pick: base.pick, choices },
    kept: beside.value.kept,
    contradicted: beside.value.contradicted,
  });
}
