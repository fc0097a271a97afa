import type { Currency } from "../core/exact/money.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import type { QuantityId } from "../core/uncertainty/quantity.js";
import { scenarioNamed } from "./uncertain.js";
import {
  readWhatIfValues,
  WHAT_IF_SCENARIO,
  type WhatIfOutcome,
  type WhatIfSetting,
  type WhatIfValue,
  whatIfClaims,
  whatIfScenarioOf,
} from "./what-if.js";
import { resolveWorkspace, type Workspace } from "./workspace.js";

/**
 * What-ifs on a workspace (SPEC DEAL-WHATIF-5): a name is qualified by the company whose
 * deal it names, `COMPANY.NAME` (`openai.amazon=$50B`, `openai.pre-money=$830B`,
 * `openai.round-2026.amazon=$50B`), and read against that company's deal as on the deal
 * itself (DEAL-WHATIF-2). The figures are priced as a scenario of their own over the
 * workspace's claims, based on the scenario chosen; they are also exact claims of their
 * own, so that sampling (`flows --runs`) holds them fixed.
 */
export function applyWorkspaceWhatIfs(
  ws: Workspace,
  settings: readonly WhatIfSetting[],
  options: { readonly scenario?: string | undefined } = {},
): Result<{ readonly workspace: Workspace; readonly whatIf: WhatIfOutcome }> {
  const withDeals = ws.companies.filter((c) => c.deal !== undefined);
  const companyList = `the companies with a deal are ${withDeals.map((c) => c.id).join(", ") || "none"}`;
  const byCompany = new Map<string, WhatIfSetting[]>();
  for (const setting of settings) {
    const dot = setting.name.indexOf(".");
    const company = dot < 0 ? "" : setting.name.slice(0, dot);
    const rest = dot < 0 ? "" : setting.name.slice(dot + 1);
    const found = ws.companies.find((c) => c.id === company);
    if (dot < 0 || rest === "" || !found) {
      return fail(
        "what_if_unknown_name",
        `--set names "${setting.name}": in a workspace a name is COMPANY.NAME, such as ${withDeals[0]?.id ?? "company"}.pre-money; ${companyList}`,
      );
    }
    if (!found.deal) {
      return fail(
        "what_if_unknown_name",
        `--set names "${setting.name}": company ${found.id} has no deal in the workspace (only a valuation), so it has no figures to set; ${companyList}`,
      );
    }
    byCompany.set(company, [...(byCompany.get(company) ?? []), { name: rest, value: setting.value }]);
  }
  const values = new Map<QuantityId, WhatIfValue>();
  for (const [company, list] of byCompany) {
    const deal = ws.companies.find((c) => c.id === company)!.deal!;
    const read = readWhatIfValues(deal.document, ws.currency as Currency, list);
    if (!read.ok)
      return {
        ok: false,
        problems: read.problems.map((p) => ({ ...p, message: `company ${company}: ${p.message}` })),
      };
    for (const [q, v] of read.value) {
      if (values.has(q))
        return fail(
          "what_if_invalid",
          `--set gives ${q} twice (${values.get(q)!.name} and ${company}.${v.name}); give it once`,
        );
      values.set(q, { ...v, name: `${company}.${v.name}` });
    }
  }
  const u = ws.uncertainty;
  if (!u) {
    return fail(
      "what_if_invalid",
      "the workspace's figures are all stated in its files and it has no claims: a what-if on a workspace sets figures left to claims; edit the file instead",
    );
  }
  const basedOn = options.scenario ?? "base";
  const base = scenarioNamed(u, basedOn);
  if (!base) {
    const known = ["low", "base", "high", ...u.scenarios.map((s) => s.name)];
    return fail("usage", `no scenario "${basedOn}"; the workspace's scenarios are ${known.join(", ")}`, [
      "scenario",
    ]);
  }
  const taken = new Set(u.scenarios.map((s) => s.name));
  let scenarioId = WHAT_IF_SCENARIO;
  for (let k = 2; taken.has(scenarioId); k++) scenarioId = `${WHAT_IF_SCENARIO}-${k}`;
  const scenario = whatIfScenarioOf(u, base, values, ws.currency as Currency, scenarioId);
  if (!scenario.ok) return scenario;
  const labelOf = new Map(u.claimSet.model.quantities.map((q) => [q.id as string, q.label]));
  const labelFrOf = new Map(u.claimSet.model.quantities.map((q) => [q.id as string, q.labelFr]));
  const whatIf: WhatIfOutcome = {
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
  };
  // The figures as exact claims too: a sampler holds them as it holds the files' own terms.
  const held = whatIfClaims(u.claimSet, whatIf);
  const withWhatIf: Workspace = {
    ...ws,
    uncertainty: {
      ...u,
      claimSet: held.claimSet,
      scenarios: [
        ...u.scenarios,
        { ...scenario.value.scenario, claims: [...scenario.value.kept, ...held.ids] },
      ],
    },
  };
  const resolved = resolveWorkspace(withWhatIf, scenarioId);
  if (!resolved.ok) return resolved;
  return ok({ workspace: resolved.value, whatIf }, resolved.warnings);
}
