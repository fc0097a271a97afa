import type { Currency, ExchangeRate, Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { Investment, RoundTerms } from "../core/round/terms.js";
import { message } from "../core/shared/messages.js";
import type { FieldPath, Problem, Result } from "../core/shared/problem.js";
import { fail, failSaying, ok, problem } from "../core/shared/problem.js";
import {
  type ClaimId,
  type ClaimInput,
  type ClaimSet,
  claimId,
  validateClaims,
} from "../core/uncertainty/claim.js";
import type { Estimate } from "../core/uncertainty/estimate.js";
import {
  buildQuantityModel,
  type QuantityId,
  type QuantityIdentity,
  quantityExpression,
  sumExpression,
} from "../core/uncertainty/quantity.js";
import type { Reconciliation } from "../core/uncertainty/reconcile.js";
import { reconcile } from "../core/uncertainty/reconcile.js";
import {
  evaluateExpression,
  type QuantityValues,
  type RoundTemplate,
} from "../core/uncertainty/round-template.js";
import {
  type Pick,
  type ResolvedScenario,
  resolveScenario,
  type Scenario,
  type ScenarioChoice,
  STANDARD_SCENARIOS,
} from "../core/uncertainty/scenario.js";
import { makeSource, type Source, type SourceInput } from "../core/uncertainty/source.js";
import { readEstimate, readMoneyFigure } from "./figures.js";
import type { DealDocument } from "./schema.js";

/** The source of the claims a deal's own round terms make: a stated assumption (SPEC DEAL-4). */
export const TERMS_SOURCE_ID = "terms";

/** Everything a deal says about uncertain figures: its claims, the round templates and the scenarios. */
export interface DealUncertainty {
  readonly claimSet: ClaimSet;
  readonly templates: readonly RoundTemplate[];
  readonly scenarios: readonly Scenario[];
  readonly reconciliation: Reconciliation;
  /** The claims of the default reading: the heaviest consistent set (UNC-REC-6). */
  readonly defaultClaims: readonly ClaimId[];
  /** Whether some round amount comes from a quantity (an estimate, or left to the claims). */
  readonly roundsUncertain: boolean;
}

/** A claim a round's own figure makes, before validation. */
export interface TermsClaim {
  readonly quantity: QuantityId;
  readonly estimate: Estimate;
  readonly path: FieldPath;
}

/** The quantity ids of a round's figures (UNC-QTY-1). */
export const roundQuantity = {
  investment: (round: string, holder: string) => `round:${round}/investment:${holder}` as QuantityId,
  size: (round: string) => `round:${round}/size` as QuantityId,
  target: (round: string) => `round:${round}/target` as QuantityId,
  pre: (round: string) => `round:${round}/valuation:pre` as QuantityId,
  post: (round: string) => `round:${round}/valuation:post` as QuantityId,
  price: (round: string) => `round:${round}/price` as QuantityId,
};

function pickOf(text: string): Pick {
  return text === "low" || text === "high" ? text : "base";
}

/**
 * Builds the claim set of a deal (SPEC DEAL-4, UNC-QTY-1..3): the quantities of every
 * round (each investment, the size, the target, both valuations and the price) and the
 * ones the claims and scenarios name; the identities "size = Σ investments" (when no
 * pro-rata purchase makes the size open) and "post-money = pre-money + size"; the claims
 * of the sources, and those of the deal's own terms (an exact figure pins its quantity;
 * an estimate bounds it). Then reconciles them and picks the default reading.
 */
export function buildUncertainty(
  doc: DealDocument,
  templates: readonly RoundTemplate[],
  termsClaims: readonly TermsClaim[],
  currency: Currency,
  rates: readonly ExchangeRate[],
  roundsUncertain: boolean,
): Result<DealUncertainty> {
  const problems: Problem[] = [];
  const stakeholders = new Map(doc.stakeholders.map((s) => [s.id, s.name]));
  // Claims may name a round closed into the ledger (CLOSE-4): its history stays in the file.
  const rounds = new Map([...doc.closedRounds, ...doc.rounds].map((r) => [r.id, r.name]));
  const entries: { id: string; label?: string }[] = [];
  const seen = new Set<string>();
  const add = (id: string, label?: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    entries.push(label === undefined ? { id } : { id, label });
  };
  const identities: QuantityIdentity[] = [];
  const named = new Set<string>();
  for (const c of doc.claims)
    for (const id of typeof c.about === "string" ? [c.about] : c.about) named.add(id);
  for (const sc of doc.scenarios)
    for (const id of [...Object.keys(sc.values ?? {}), ...Object.keys(sc.picks ?? {})]) named.add(id);
  for (const q of doc.quantities) named.add(q.id);
  for (const r of doc.rounds) {
    const investors = r.investments.filter((inv) => !inv.proRata).map((inv) => inv.investor);
    const parts = [...new Set(investors)].map((h) => roundQuantity.investment(r.id, h));
    for (const id of parts) add(id);
    add(roundQuantity.size(r.id));
    if (!r.investments.some((inv) => inv.proRata)) {
      identities.push({
        id: `${r.id}:size`,
        left: quantityExpression(roundQuantity.size(r.id)),
        right: sumExpression(parts),
        text: `the size of ${r.name} is the sum of its investments`,
      });
    }
    // A valuation, the target and the price are quantities only when the round states
    // them or something names them: otherwise nothing bounds them and nothing needs them.
    const pre = r.preMoney !== undefined || named.has(roundQuantity.pre(r.id));
    const post = r.postMoney !== undefined || named.has(roundQuantity.post(r.id));
    if (pre) add(roundQuantity.pre(r.id));
    if (post) add(roundQuantity.post(r.id));
    if (pre && post) {
      identities.push({
        id: `${r.id}:post`,
        left: quantityExpression(roundQuantity.post(r.id)),
        right: sumExpression([roundQuantity.pre(r.id), roundQuantity.size(r.id)]),
        text: `the post-money valuation of ${r.name} is its pre-money valuation plus its size`,
      });
    }
    if (r.target !== undefined || named.has(roundQuantity.target(r.id))) add(roundQuantity.target(r.id));
    if (r.pricePerShare !== undefined || named.has(roundQuantity.price(r.id))) add(roundQuantity.price(r.id));
  }
  for (const q of doc.quantities) add(q.id, q.label);
  for (const c of doc.claims) for (const id of typeof c.about === "string" ? [c.about] : c.about) add(id);
  for (const s of doc.scenarios) {
    for (const id of Object.keys(s.values ?? {})) add(id);
    for (const id of Object.keys(s.picks ?? {})) add(id);
  }
  const model = buildQuantityModel(entries, identities, { stakeholders, rounds });
  if (!model.ok) return model;
  const unitOf = new Map(model.value.quantities.map((q) => [q.id as string, q.unit]));

  const sources: Source[] = [];
  const sourceInputs: SourceInput[] = [
    { id: TERMS_SOURCE_ID, type: "assumption", title: "the deal's stated terms" },
    ...doc.sources.map((s) => ({
      id: s.id,
      type: s.type,
      ...(s.publisher === undefined ? {} : { publisher: s.publisher }),
      ...(s.title === undefined ? {} : { title: s.title }),
      ...(s.date === undefined ? {} : { date: s.date }),
      ...(s.language === undefined ? {} : { language: s.language }),
      ...(s.url === undefined ? {} : { url: s.url }),
      ...(s.reliability === undefined ? {} : { reliability: s.reliability }),
    })),
  ];
  sourceInputs.forEach((input, i) => {
    if (i > 0 && input.id === TERMS_SOURCE_ID) {
      problems.push(
        problem("deal_duplicate_id", `source id "${TERMS_SOURCE_ID}" is reserved for the deal's own terms`, [
          "sources",
          i - 1,
          "id",
        ]),
      );
      return;
    }
    const s = makeSource(input, i === 0 ? [] : ["sources", i - 1]);
    if (s.ok) sources.push(s.value);
    else problems.push(...s.problems);
  });

  const inputs: ClaimInput[] = termsClaims.map((t) => ({
    id: `${TERMS_SOURCE_ID}:${t.quantity}`,
    source: TERMS_SOURCE_ID,
    subject: t.quantity,
    value: t.estimate,
    status: "agreed",
  }));
  for (const [i, c] of doc.claims.entries()) {
    const about = typeof c.about === "string" ? [c.about] : c.about;
    const unit = unitOf.get(about[0]!) ?? "money";
    const value = readEstimate(c.value, unit, currency, ["claims", i, "value"]);
    if (!("kind" in value)) {
      problems.push(...value);
      continue;
    }
    const evidence =
      c.evidence === undefined
        ? undefined
        : typeof c.evidence === "string"
          ? { text: c.evidence }
          : c.evidence;
    inputs.push({
      id: c.id,
      source: c.source,
      subject: typeof c.about === "string" ? c.about : c.about,
      value,
      status: c.status,
      ...(c.attribution === undefined ? {} : { attribution: c.attribution }),
      ...(evidence === undefined ? {} : { evidence }),
      ...(c.date === undefined ? {} : { date: c.date }),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  // Claims of the deal's terms come first; their problems point at the round fields.
  const set = validateClaims(inputs, sources, model.value, { currency, rates, path: ["claims"] });
  if (!set.ok) {
    return {
      ok: false,
      problems: set.problems.map((p) => {
        const index = typeof p.path?.[1] === "number" ? p.path[1] : -1;
        if (index >= 0 && index < termsClaims.length) return { ...p, path: termsClaims[index]!.path };
        if (index >= termsClaims.length)
          return { ...p, path: ["claims", index - termsClaims.length, ...(p.path?.slice(2) ?? [])] };
        return p;
      }),
    };
  }

  const scenarios: Scenario[] = [];
  for (const [i, s] of doc.scenarios.entries()) {
    const choices = new Map<QuantityId, ScenarioChoice>();
    for (const [id, figure] of Object.entries(s.values ?? {})) {
      const where: FieldPath = ["scenarios", i, "values", id];
      const unit = unitOf.get(id) ?? "money";
      if (unit === "fraction") {
        const e = readEstimate(figure, "fraction", currency, where);
        if (!("kind" in e) || e.qualifier !== "exact") {
          problems.push(problem("scenario_invalid", `a scenario's value for "${id}" must be exact`, where));
          continue;
        }
        choices.set(id as QuantityId, { kind: "value", value: e.stated! });
        continue;
      }
      const read = readMoneyFigure(figure, currency, where);
      if (!("kind" in read) || read.kind !== "exact") {
        problems.push(
          problem("scenario_invalid", `a scenario's value for "${id}" must be an exact amount`, where),
        );
        continue;
      }
      choices.set(id as QuantityId, { kind: "value", value: read.value.amount });
    }
    for (const [id, pick] of Object.entries(s.picks ?? {}))
      choices.set(id as QuantityId, { kind: "pick", pick: pickOf(pick) });
    const known = new Set(set.value.claims.map((c) => c.id as string));
    for (const [j, id] of (s.claims ?? []).entries()) {
      if (!known.has(id))
        problems.push(
          problem("claim_unknown", `scenario "${s.id}" names unknown claim "${id}"`, [
            "scenarios",
            i,
            "claims",
            j,
          ]),
        );
    }
    scenarios.push({
      name: s.id,
      ...(s.claims === undefined
        ? {}
        : {
            claims: [...s.claims, ...inputs.filter((c) => c.source === TERMS_SOURCE_ID).map((c) => c.id)].map(
              claimId,
            ),
          }),
      pick: s.pick,
      choices,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  // Ranges are computed when a report asks for them (claims), not on every load.
  const reconciliation = reconcile(set.value, { ranges: false });
  const defaultClaims = reconciliation.readings[0]?.claims ?? [];
  return ok(
    { claimSet: set.value, templates, scenarios, reconciliation, defaultClaims, roundsUncertain },
    reconciliation.warnings,
  );
}

/** The named scenario of a deal: a standard one (low, base, high) or one the deal defines. */
export function scenarioNamed(uncertainty: DealUncertainty, name: string): Scenario | undefined {
  return (
    uncertainty.scenarios.find((s) => s.name === name) ?? STANDARD_SCENARIOS.find((s) => s.name === name)
  );
}

/** Resolves a scenario to one exact value per quantity (UNC-SCN-1..3). */
export function resolveDealScenario(uncertainty: DealUncertainty, name: string): Result<ResolvedScenario> {
  const scenario = scenarioNamed(uncertainty, name);
  if (!scenario) {
    const names = [...STANDARD_SCENARIOS.map((s) => s.name), ...uncertainty.scenarios.map((s) => s.name)];
    return failSaying("usage", message("no_such_scenario", { scenario: name, of: "deal", scenarios: names }));
  }
  return resolveScenario(uncertainty.claimSet, scenario, uncertainty.defaultClaims);
}

/** A round's terms with every amount taken from `values` (UNC-SCN-4). */
export function termsFromTemplate(
  template: RoundTemplate,
  values: QuantityValues,
  currency: Currency,
): Result<RoundTerms> {
  const path = ["rounds", template.terms.id];
  const amount = (source: RoundTemplate["pricing"]["value"], what: string): Result<Money> => {
    if (source.kind === "fixed") return ok(source.value);
    const v = evaluateExpression(source.expression, values);
    if (!(v instanceof Rational))
      return fail("scenario_invalid", `${what} needs a value for "${v}", and none is given`, path);
    if (v.isNegative()) return fail("scenario_invalid", `${what} comes out negative`, path);
    return ok({ kind: "money", currency, amount: v });
  };
  const pricing = amount(
    template.pricing.value,
    `${template.terms.name}'s ${template.pricing.basis.replaceAll("_", " ")}`,
  );
  if (!pricing.ok) return pricing;
  let targetSize: Money | undefined;
  if (template.targetSize) {
    const t = amount(template.targetSize, `${template.terms.name}'s target size`);
    if (!t.ok) return t;
    targetSize = t.value;
  }
  const investments: Investment[] = [];
  for (const [i, inv] of template.investments.entries()) {
    let money: Money | undefined;
    if (inv.amount) {
      const a = amount(inv.amount, `${inv.investor}'s investment`);
      if (!a.ok) return a;
      money = a.value;
    }
    investments.push({
      investor: inv.investor,
      amount: money,
      lead: inv.lead,
      proRata: inv.proRata,
      closing: inv.closing,
      path: ["rounds", template.terms.id, "investments", i],
    });
  }
  return ok({
    ...template.terms,
    pricing: { basis: template.pricing.basis, value: pricing.value },
    investments,
    targetSize,
  });
}
