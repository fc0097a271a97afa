import type { Currency, ExchangeRate, Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { Agreement, AgreementSchedule } from "../core/flows/agreement.js";
import type { RoundTerms } from "../core/round/terms.js";
import type { IsoDate } from "../core/shared/date.js";
import { message } from "../core/shared/messages.js";
import { type FieldPath, fail, ok, type Problem, problem, type Result } from "../core/shared/problem.js";
import { centralValue } from "../core/uncertainty/distribution.js";
import { type QuantityId, quantityExpression } from "../core/uncertainty/quantity.js";
import {
  type AmountSource,
  evaluateExpression,
  type QuantityValues,
} from "../core/uncertainty/round-template.js";
import { type ResolvedScenario, valuesOf } from "../core/uncertainty/scenario.js";
import { buildDeal, type Deal } from "./build.js";
import { closedRoundHasInvestor } from "./closed-rounds.js";
import { type Diagnostic, diagnosticFrom } from "./diagnostics.js";
import { readEstimate, readMoneyFigure } from "./figures.js";
import { parseDealText, validateAgainst, wrongFileKind } from "./load.js";
import { type DealDocument, DealSchema, type WorkspaceDocument, WorkspaceSchema } from "./schema.js";
import {
  buildUncertainty,
  type DealUncertainty,
  resolveDealScenario,
  type TermsClaim,
  termsFromTemplate,
} from "./uncertain.js";

/**
 * One company of a workspace: with the deal that holds its cap table and rounds, or,
 * when its cap table is not modelled, only its valuation and the stakes declared in it.
 */
export interface WorkspaceCompany {
  readonly id: string;
  readonly name: string;
  readonly deal: Deal | undefined;
  /** The file the company's deal was read from (the workspace's own, for an inline deal). */
  readonly file: string;
  /** The declared valuation of a company without a deal. */
  readonly valuation: Money | undefined;
}

/** A stake declared in a company whose cap table is not modelled (FLOW-7). */
export interface DeclaredStake {
  readonly holder: string;
  readonly company: string;
  readonly fraction: Rational;
  readonly invested: Money | undefined;
}

/** An agreement as declared: its value a fixed amount, a quantity, or unknown. */
export interface AgreementTemplate {
  readonly agreement: Agreement;
  readonly value: AmountSource | undefined;
}

/**
 * A workspace (SPEC FLOW-1): several companies, each with its cap table and rounds, the
 * parties they share (the same id is the same party everywhere: Amazon in OpenAI and in
 * Anthropic), the agreements between parties, and claims and scenarios over all of them.
 */
export interface Workspace {
  readonly document: WorkspaceDocument;
  readonly file: string;
  readonly name: string;
  readonly currency: Currency;
  readonly rates: readonly ExchangeRate[];
  readonly companies: readonly WorkspaceCompany[];
  readonly parties: readonly { readonly id: string; readonly name: string; readonly company: boolean }[];
  readonly agreements: readonly AgreementTemplate[];
  readonly stakes: readonly DeclaredStake[];
  readonly uncertainty: DealUncertainty | undefined;
  /** The scenario the amounts below were resolved in, when some are uncertain. */
  readonly scenario: ResolvedScenario | undefined;
  /** Every company's rounds, and every agreement's value, in the current scenario. */
  readonly rounds: ReadonlyMap<string, readonly RoundTerms[]>;
  readonly resolvedAgreements: readonly Agreement[];
}

export type ReadIncluded = (
  relativePath: string,
) => { ok: true; text: string; file: string } | { ok: false; message: string };

export type WorkspaceLoadResult =
  | { readonly ok: true; readonly workspace: Workspace; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** True when a parsed document is a workspace (it has a `workspace` section). */
export function isWorkspaceText(raw: Record<string, unknown>): boolean {
  return "workspace" in raw;
}

/**
 * Loads a workspace file (SPEC FLOW-1): validates it, reads each company's deal (inline, or
 * from a file beside it through `readIncluded`), checks that parties, rounds and agreements
 * refer to each other correctly, and resolves every uncertain amount in the base scenario
 * of the claims of all companies together. Pure: files are read by the caller's function.
 */
export function loadWorkspace(text: string, file: string, readIncluded: ReadIncluded): WorkspaceLoadResult {
  const parsed = parseDealText(text, file);
  if (!parsed.ok) return parsed;
  if (!isWorkspaceText(parsed.value.raw)) {
    return wrongFileKind(file, message("wrong_file_kind", { got: "deal" }));
  }
  const validated = validateAgainst(WorkspaceSchema, parsed.value, file);
  if (!validated.ok) return validated;
  const ws = validated.value;
  const locate = parsed.value.locate;
  const diagnostics: Diagnostic[] = [];
  const report = (code: Problem["code"], message: string, path: FieldPath) =>
    diagnostics.push(diagnosticFrom(problem(code, message, path), file, locate));

  // Claims anywhere may leave a company's figure to them.
  const claimed = new Set<string>();
  const noteClaims = (doc: { claims: DealDocument["claims"]; scenarios: DealDocument["scenarios"] }) => {
    for (const c of doc.claims)
      for (const id of typeof c.about === "string" ? [c.about] : c.about) claimed.add(id);
    for (const s of doc.scenarios) for (const id of Object.keys(s.values ?? {})) claimed.add(id);
  };
  noteClaims(ws);

  // The companies' documents, inline or read from their files.
  const documents: { id: string; doc: DealDocument; file: string; path: FieldPath; locate: typeof locate }[] =
    [];
  const stakeOnly = new Map<string, { name: string; valuation: Money | undefined; index: number }>();
  for (const [i, entry] of ws.companies.entries()) {
    const path: FieldPath = ["companies", i];
    if ("name" in entry) {
      let valuation: Money | undefined;
      if (entry.valuation !== undefined) {
        const v = readEstimate(entry.valuation, "money", ws.workspace.currency as Currency, [
          ...path,
          "valuation",
        ]);
        if (!("kind" in v)) {
          for (const p of v) diagnostics.push(diagnosticFrom(p, file, locate));
          continue;
        }
        valuation = {
          kind: "money",
          currency: (v.unit.kind === "money" ? v.unit.currency : ws.workspace.currency) as Currency,
          amount: v.qualifier === "exact" ? v.stated! : centralValue(v.distribution),
        };
      }
      stakeOnly.set(entry.id, { name: entry.name, valuation, index: i });
      continue;
    }
    if ("deal" in entry) {
      documents.push({
        id: entry.id,
        doc: { ...entry.deal, roundtable: 1 } as DealDocument,
        file,
        path: [...path, "deal"],
        locate,
      });
      continue;
    }
    const read = readIncluded(entry.file);
    if (!read.ok) {
      report("file_unreadable", `company ${entry.id}: cannot read ${entry.file}: ${read.message}`, [
        ...path,
        "file",
      ]);
      continue;
    }
    const inner = parseDealText(read.text, read.file);
    if (!inner.ok) {
      diagnostics.push(...inner.diagnostics);
      continue;
    }
    const doc = validateAgainst(DealSchema, inner.value, read.file);
    if (!doc.ok) {
      diagnostics.push(...doc.diagnostics);
      continue;
    }
    documents.push({ id: entry.id, doc: doc.value, file: read.file, path: [], locate: inner.value.locate });
  }
  for (const d of documents) noteClaims(d.doc);
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  // Unique company ids and round ids (claims name rounds by id across the workspace).
  const companyIds = new Set<string>();
  for (const [i, entry] of ws.companies.entries()) {
    if (companyIds.has(entry.id))
      report("deal_duplicate_id", `company id "${entry.id}" is used twice`, ["companies", i, "id"]);
    companyIds.add(entry.id);
  }
  const roundOwner = new Map<string, string>();
  for (const [i, d] of documents.entries()) {
    for (const r of d.doc.rounds) {
      const other = roundOwner.get(r.id);
      if (other !== undefined)
        report(
          "deal_duplicate_id",
          `round id "${r.id}" is used by ${other} and ${d.id}; round ids must be unique in a workspace`,
          ["companies", i],
        );
      roundOwner.set(r.id, d.id);
    }
    if (d.doc.company.currency !== ws.workspace.currency) {
      report(
        "currency_without_rate",
        `company ${d.id} keeps its cap table in ${d.doc.company.currency}; the workspace is in ${ws.workspace.currency}: state both in one currency`,
        ["companies", i],
      );
    }
  }

  // Build each company's records and round templates; the rounds are resolved together below.
  const companies: WorkspaceCompany[] = [];
  const termsClaims: TermsClaim[] = [];
  let uncertain = false;
  for (const d of documents) {
    // The workspace's parties are stakeholders of every company (an investor shared across them).
    const own = new Set(d.doc.stakeholders.map((s) => s.id));
    const doc = {
      ...d.doc,
      stakeholders: [...d.doc.stakeholders, ...ws.parties.filter((p) => !own.has(p.id))],
    };
    const built = buildDeal(doc, { externalClaims: claimed, templatesOnly: true });
    if (!built.ok) {
      diagnostics.push(
        ...built.problems.map((p) =>
          diagnosticFrom(
            { ...p, path: p.path ? [...d.path, ...p.path] : d.path },
            d.file,
            d.file === file ? locate : d.locate,
          ),
        ),
      );
      continue;
    }
    companies.push({
      id: d.id,
      name: d.doc.company.name,
      deal: built.value,
      file: d.file,
      valuation: undefined,
    });
    termsClaims.push(...built.value.termsClaims.map((t) => ({ ...t, path: [...d.path, ...t.path] })));
    uncertain ||= built.value.roundsUncertain;
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  for (const [id, c] of stakeOnly)
    companies.push({ id, name: c.name, deal: undefined, file, valuation: c.valuation });
  const order = new Map(ws.companies.map((c, i) => [c.id, i]));
  companies.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  // Parties: the workspace's, the companies, and every company's stakeholders (one id, one party).
  const parties = new Map<string, { id: string; name: string; company: boolean }>();
  for (const c of companies) parties.set(c.id, { id: c.id, name: c.name, company: true });
  for (const p of ws.parties)
    if (!parties.has(p.id)) parties.set(p.id, { id: p.id, name: p.name, company: false });
  for (const c of companies) {
    for (const s of c.deal?.ledger.stakeholders ?? [])
      if (!parties.has(s.id)) parties.set(s.id, { id: s.id, name: s.name, company: false });
  }

  // Agreements.
  const currency = ws.workspace.currency as Currency;
  const agreements: AgreementTemplate[] = [];
  const agreementIds = new Set<string>();
  // Agreements whose value is a quantity of the claims (stated in the file, or claimed).
  const quantified = new Set<string>();
  for (const [i, a] of ws.agreements.entries()) {
    const path: FieldPath = ["agreements", i];
    if (agreementIds.has(a.id))
      report("deal_duplicate_id", `agreement id "${a.id}" is used twice`, [...path, "id"]);
    agreementIds.add(a.id);
    for (const role of ["payer", "payee"] as const) {
      if (!parties.has(a[role]))
        report(
          "deal_unknown_reference",
          `agreement ${a.id} names unknown party "${a[role]}" as ${role}; declare it under parties or in a company`,
          [...path, role],
        );
    }
    if (a.payer === a.payee)
      report("deal_invalid_field", `agreement ${a.id} has the same party as payer and payee`, [
        ...path,
        "payee",
      ]);
    if (a.linkedTo) {
      const company = companies.find((c) => c.id === a.linkedTo!.company);
      const round = company?.deal?.templates.find((t) => t.terms.id === a.linkedTo!.round);
      // CLOSE-6: an agreement may stay linked to a round closed into the ledger.
      const closed = company?.deal?.document.closedRounds.some((r) => r.id === a.linkedTo!.round);
      if (!company)
        report(
          "deal_unknown_reference",
          `agreement ${a.id} is linked to unknown company "${a.linkedTo.company}"`,
          [...path, "linkedTo", "company"],
        );
      else if (closed) {
        if (!closedRoundHasInvestor(company.deal!, a.linkedTo.round, a.linkedTo.investor))
          report(
            "deal_unknown_reference",
            `agreement ${a.id} is linked to ${a.linkedTo.investor}'s investment in ${a.linkedTo.round}, which has no such investment`,
            [...path, "linkedTo", "investor"],
          );
      } else if (!round)
        report(
          "deal_unknown_reference",
          `agreement ${a.id} is linked to round "${a.linkedTo.round}", which ${company.id} does not have`,
          [...path, "linkedTo", "round"],
        );
      else if (!round.investments.some((inv) => inv.investor === a.linkedTo!.investor)) {
        report(
          "deal_unknown_reference",
          `agreement ${a.id} is linked to ${a.linkedTo.investor}'s investment in ${a.linkedTo.round}, which has no such investment`,
          [...path, "linkedTo", "investor"],
        );
      }
    }
    const quantity = `agreement:${a.id}/value` as QuantityId;
    let value: AmountSource | undefined;
    if (a.value !== undefined) {
      const read = readMoneyFigure(a.value, currency, [...path, "value"]);
      if (!("kind" in read)) {
        for (const p of read)
          diagnostics.push(diagnosticFrom({ ...p, path: [...path, "value"] }, file, locate));
        continue;
      }
      if (read.kind === "exact") {
        if (read.value.amount.isNegative())
          report("deal_invalid_field", `agreement ${a.id} has a negative value`, [...path, "value"]);
        if (read.value.currency !== currency)
          report(
            "currency_without_rate",
            `agreement ${a.id} is valued in ${read.value.currency}; the workspace is in ${currency}`,
            [...path, "value"],
          );
        value = { kind: "fixed", value: read.value };
      } else {
        value = { kind: "quantity", expression: quantityExpression(quantity) };
        uncertain = true;
      }
      quantified.add(a.id);
      termsClaims.push({
        quantity,
        estimate: read.kind === "exact" ? exactOf(read.value) : read.estimate,
        path: [...path, "value"],
      });
    } else if (claimed.has(quantity)) {
      quantified.add(a.id);
      value = { kind: "quantity", expression: quantityExpression(quantity) };
      uncertain = true;
    }
    let margin: Rational | undefined;
    if (a.sellerMargin !== undefined) {
      const e = readEstimate(a.sellerMargin, "fraction", currency, [...path, "sellerMargin"]);
      if (!("kind" in e)) {
        for (const p of e)
          diagnostics.push(diagnosticFrom({ ...p, path: [...path, "sellerMargin"] }, file, locate));
        continue;
      }
      // FLOW-4: a margin stated as an estimate is taken at its central value.
      margin = e.qualifier === "exact" ? e.stated! : centralValue(e.distribution);
      if (margin.isNegative() || margin.gt(Rational.ONE)) {
        report(
          "deal_invalid_field",
          `agreement ${a.id} has a seller margin of ${margin.mulInt(100n).toDecimalString(4)}%, outside 0% to 100%`,
          [...path, "sellerMargin"],
        );
      }
    }
    const schedule: AgreementSchedule | undefined = a.schedule
      ? "yearly" in a.schedule
        ? {
            kind: "yearly",
            amounts: a.schedule.yearly.map((y) => ({
              year: y.year,
              amount: {
                kind: "money" as const,
                currency: y.amount.currency ?? currency,
                amount: y.amount.amount,
              },
            })),
          }
        : { kind: "total", start: a.schedule.start, end: a.schedule.end, years: a.schedule.years }
      : undefined;
    if (schedule?.kind === "yearly" && value === undefined) {
      value = {
        kind: "fixed",
        value: {
          kind: "money",
          currency,
          amount: Rational.sum(schedule.amounts.map((y) => y.amount.amount)),
        },
      };
    }
    agreements.push({
      agreement: {
        kind: "agreement",
        id: a.id,
        name: a.name ?? a.id,
        type: a.kind,
        payer: a.payer,
        payee: a.payee,
        value: undefined,
        schedule,
        conditions: a.conditions,
        linkedTo: a.linkedTo,
        sellerMargin: margin,
      },
      value,
    });
  }
  // Declared stakes (FLOW-7).
  const stakes: DeclaredStake[] = [];
  const assumptionIds = new Set(ws.assumptions.map((a) => a.id));
  const declaredTotal = new Map<string, Rational>();
  for (const [i, st] of ws.stakes.entries()) {
    const path: FieldPath = ["stakes", i];
    const company = companies.find((c) => c.id === st.company);
    if (!company) {
      report("deal_unknown_reference", `stake of ${st.holder} in unknown company "${st.company}"`, [
        ...path,
        "company",
      ]);
      continue;
    }
    if (company.deal) {
      report(
        "deal_invalid_field",
        `${company.id}'s cap table is modelled, so ${st.holder}'s stake in it comes from its cap table; declare stakes only in companies without a deal`,
        [...path, "company"],
      );
      continue;
    }
    if (!parties.has(st.holder))
      report(
        "deal_unknown_reference",
        `stake in ${st.company} held by unknown party "${st.holder}"; declare it under parties or in a company`,
        [...path, "holder"],
      );
    if (st.holder === st.company)
      report("deal_invalid_field", `${st.company} cannot hold a stake in itself`, [...path, "holder"]);
    if (st.assumption !== undefined && !assumptionIds.has(st.assumption))
      report("deal_unknown_reference", `stake names unknown assumption "${st.assumption}"`, [
        ...path,
        "assumption",
      ]);
    if (stakes.some((o) => o.company === st.company && o.holder === st.holder))
      report("deal_duplicate_id", `${st.holder}'s stake in ${st.company} is declared twice`, [
        ...path,
        "holder",
      ]);
    const e = readEstimate(st.fraction, "fraction", currency, [...path, "fraction"]);
    if (!("kind" in e)) {
      for (const p of e) diagnostics.push(diagnosticFrom(p, file, locate));
      continue;
    }
    const fraction = e.qualifier === "exact" ? e.stated! : centralValue(e.distribution);
    if (fraction.isNegative() || fraction.gt(Rational.ONE)) {
      report(
        "deal_invalid_field",
        `${st.holder}'s stake in ${st.company} is ${fraction.mulInt(100n).toDecimalString(4)}%, outside 0% to 100%`,
        [...path, "fraction"],
      );
      continue;
    }
    const total = (declaredTotal.get(st.company) ?? Rational.ZERO).add(fraction);
    declaredTotal.set(st.company, total);
    if (total.gt(Rational.ONE))
      report(
        "deal_invalid_field",
        `the stakes declared in ${st.company} add up to ${total.mulInt(100n).toDecimalString(4)}%, more than 100%`,
        [...path, "fraction"],
      );
    let invested: Money | undefined;
    if (st.invested !== undefined) {
      invested = {
        kind: "money",
        currency: (st.invested.currency ?? currency) as Currency,
        amount: st.invested.amount,
      };
      if (invested.currency !== currency)
        report(
          "currency_without_rate",
          `the stake's invested amount is in ${invested.currency}; the workspace is in ${currency}`,
          [...path, "invested"],
        );
      if (invested.amount.isNegative())
        report("deal_invalid_field", `${st.holder}'s invested amount in ${st.company} is negative`, [
          ...path,
          "invested",
        ]);
    }
    stakes.push({ holder: st.holder, company: st.company, fraction, invested });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const base = {
    document: ws,
    file,
    name: ws.workspace.name,
    currency,
    rates: ws.exchangeRates.map((r) => ({ from: r.from as Currency, to: r.to as Currency, rate: r.rate })),
    companies,
    parties: [...parties.values()],
    agreements,
    stakes,
  };
  const hasClaims = ws.claims.length > 0 || documents.some((d) => d.doc.claims.length > 0);
  let uncertainty: DealUncertainty | undefined;
  if (uncertain || hasClaims) {
    // The claims of every company and of the workspace, over one set of quantities.
    const merged = {
      ...documents[0]!.doc,
      stakeholders: [...parties.values()].map((p) => ({
        id: p.id,
        name: p.name,
        type: "institution" as const,
        aliases: [],
      })),
      rounds: documents.flatMap((d) => d.doc.rounds),
      closedRounds: documents.flatMap((d) => d.doc.closedRounds),
      assumptions: [...ws.assumptions, ...documents.flatMap((d) => d.doc.assumptions)],
      sources: [...ws.sources, ...documents.flatMap((d) => d.doc.sources)],
      claims: [...ws.claims, ...documents.flatMap((d) => d.doc.claims)],
      quantities: [
        ...ws.quantities,
        ...documents.flatMap((d) => d.doc.quantities),
        ...[...quantified].map((id) => ({ id: `agreement:${id}/value` })),
      ],
      scenarios: [...ws.scenarios, ...documents.flatMap((d) => d.doc.scenarios)],
    } as DealDocument;
    const templates = companies.flatMap((c) => c.deal?.templates ?? []);
    const built = buildUncertainty(merged, templates, termsClaims, currency, base.rates, uncertain);
    if (!built.ok)
      return { ok: false, diagnostics: built.problems.map((p) => diagnosticFrom(p, file, locate)) };
    uncertainty = built.value;
  }
  const resolved = resolveWorkspace(
    { ...base, uncertainty, scenario: undefined, rounds: new Map(), resolvedAgreements: [] },
    "base",
  );
  if (!resolved.ok)
    return { ok: false, diagnostics: resolved.problems.map((p) => diagnosticFrom(p, file, locate)) };
  return {
    ok: true,
    workspace: resolved.value,
    warnings: resolved.warnings.map((p) => diagnosticFrom(p, file, locate)),
  };
}

function exactOf(value: Money) {
  return {
    kind: "estimate" as const,
    unit: { kind: "money" as const, currency: value.currency },
    qualifier: "exact" as const,
    stated: value.amount,
    lower: { value: value.amount, strict: false },
    upper: { value: value.amount, strict: false },
    width: undefined,
    distribution: { kind: "point" as const, value: value.amount },
    text: undefined,
  };
}

/** The workspace with every amount taken from the named scenario (FLOW-1, DEAL-4). */
export function resolveWorkspace(ws: Workspace, name: string): Result<Workspace> {
  let values: QuantityValues = new Map();
  let scenario: ResolvedScenario | undefined;
  const warnings: Problem[] = [];
  if (ws.uncertainty) {
    const r = resolveDealScenario(ws.uncertainty, name);
    if (!r.ok) return r;
    values = valuesOf(r.value);
    scenario =
      ws.uncertainty.roundsUncertain || ws.agreements.some((a) => a.value?.kind === "quantity")
        ? r.value
        : undefined;
    warnings.push(...r.warnings);
  } else if (name !== "base") {
    return fail("usage", "the workspace has no uncertain figures; its only scenario is the workspace itself");
  }
  const rounds = new Map<string, RoundTerms[]>();
  for (const c of ws.companies) {
    const list: RoundTerms[] = [];
    for (const t of c.deal?.templates ?? []) {
      const terms = termsFromTemplate(t, values, ws.currency);
      if (!terms.ok) return terms;
      list.push(terms.value);
    }
    rounds.set(c.id, list);
  }
  const resolvedAgreements: Agreement[] = [];
  for (const a of ws.agreements) {
    let value: Money | undefined;
    if (a.value?.kind === "fixed") value = a.value.value;
    else if (a.value?.kind === "quantity") {
      const v = evaluateExpression(a.value.expression, values);
      if (!(v instanceof Rational))
        return fail("scenario_invalid", `agreement ${a.agreement.id} needs a value for "${v}"`);
      value = { kind: "money", currency: ws.currency, amount: v };
    }
    resolvedAgreements.push({ ...a.agreement, value });
  }
  return ok({ ...ws, scenario, rounds, resolvedAgreements }, warnings);
}

/** The date of a workspace's latest dated event, for reports "as of" it. */
export function lastDate(ws: Workspace): IsoDate | undefined {
  const dates = ws.companies.flatMap((c) => [
    ...(c.deal?.ledger.transactions ?? []).map((t) => t.date),
    ...(ws.rounds.get(c.id) ?? []).map((r) => r.date),
  ]);
  return dates.reduce<IsoDate | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
}
