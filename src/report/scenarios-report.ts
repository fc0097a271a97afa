import type { ScenarioColumn, ScenariosReport } from "../app/scenarios-report.js";
import { Rational } from "../core/exact/rational.js";
import {
  amount,
  decimal,
  moneyFor,
  moneyText,
  percent,
  percentText,
  priceFor,
  say,
  type TextOptions,
} from "./format.js";
import { SCENARIO_PICKS_FR } from "./fr.js";
import { renderTable } from "./table.js";
import { whatIfJson } from "./what-if-report.js";

function columnJson(c: ScenarioColumn) {
  return {
    scenario: c.scenario,
    claims: c.claims.map((claim) => claim.id),
    roundSize: amount(c.roundSize),
    pricePerShare: amount(c.pricePerShare),
    preMoneyValuation: amount(c.preMoneyValuation),
    postMoneyValuation: amount(c.postMoneyValuation),
    values: c.values.map((v) => ({ quantity: v.quantity.id, value: decimal(v.value), how: v.how })),
    ...(c.investments
      ? {
          investments: c.investments.map((i) => ({
            investor: i.investor.id,
            name: i.investor.name,
            paid: amount(i.paid),
          })),
        }
      : {}),
    holders: c.holders.map((h) => ({
      id: h.holder.id,
      name: h.holder.name,
      fullyDilutedBefore: decimal(h.fullyDilutedBefore),
      fullyDilutedAfter: decimal(h.fullyDilutedAfter),
      dilution: h.dilution === null ? null : decimal(h.dilution),
    })),
  };
}

/**
 * The JSON of `roundtable scenarios` and the API's scenarios (APP-3): every figure a
 * decimal string, holders and claims by id (the holders with their names).
 */
export function scenariosJson(report: ScenariosReport) {
  return {
    company: report.company.name,
    currency: report.company.currency as string,
    round: report.round.name,
    scenarios: report.scenarios.map(columnJson),
    ...(report.whatIfs ? { whatIf: report.whatIfs.map(whatIfJson) } : {}),
  };
}

/**
 * The table of `roundtable scenarios` (text and CSV): the round's figures, then each
 * holder's ownership and dilution, one column per scenario; money in full to the cent
 * (to four places for the price), fractions as percentages.
 */
export function scenariosRows(report: ScenariosReport): { header: string[]; body: string[][] } {
  const header = ["", ...report.scenarios.map((s) => s.scenario)];
  const body: string[][] = [
    ["Round size", ...report.scenarios.map((s) => moneyText(s.roundSize, 0))],
    ["Price per share", ...report.scenarios.map((s) => moneyText(s.pricePerShare, 4))],
    ["Pre-money", ...report.scenarios.map((s) => moneyText(s.preMoneyValuation, 0))],
    ["Post-money", ...report.scenarios.map((s) => moneyText(s.postMoneyValuation, 0))],
  ];
  // Every holder of any scenario, in order of first appearance (a holder may invest nothing in one).
  const holders = [
    ...new Map(report.scenarios.flatMap((s) => s.holders).map((h) => [h.holder.id, h.holder])).values(),
  ];
  for (const h of holders) {
    const of = (s: ScenarioColumn) => s.holders.find((x) => x.holder.id === h.id);
    body.push([
      `${h.name}: ownership`,
      ...report.scenarios.map((s) => percent(of(s)?.fullyDilutedAfter ?? Rational.ZERO)),
    ]);
    body.push([
      `${h.name}: dilution`,
      ...report.scenarios.map((s) => {
        const d = of(s)?.dilution;
        return d === null || d === undefined ? "new" : percent(d);
      }),
    ]);
  }
  return { header, body };
}

/** A scenario's name as a column header: the three the engine defines are words in French. */
export function scenarioHeader(name: string, options: TextOptions): string {
  if (options.lang !== "fr") return name;
  return name === "low" || name === "base" || name === "high" ? SCENARIO_PICKS_FR[name]! : name;
}

/**
 * `roundtable scenarios` as a table people read (APP-5, APP-9): money compact ($55B), to the
 * cent with `--exact`; prices to their places; percentages; English or French. The CSV is
 * `scenariosRows`, exact.
 */
export function scenariosText(report: ScenariosReport, options: TextOptions = {}): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  const body: string[][] = [
    [w("Round size", "Taille du tour"), ...report.scenarios.map((s) => moneyFor(s.roundSize, options))],
    [
      w("Price per share", "Prix par action"),
      ...report.scenarios.map((s) => priceFor(s.pricePerShare, options)),
    ],
    [w("Pre-money", "Pré-money"), ...report.scenarios.map((s) => moneyFor(s.preMoneyValuation, options))],
    [w("Post-money", "Post-money"), ...report.scenarios.map((s) => moneyFor(s.postMoneyValuation, options))],
  ];
  const holders = [
    ...new Map(report.scenarios.flatMap((s) => s.holders).map((h) => [h.holder.id, h.holder])).values(),
  ];
  for (const h of holders) {
    const of = (s: ScenarioColumn) => s.holders.find((x) => x.holder.id === h.id);
    const name = options.ids && h.id !== h.name ? `${h.name} [${h.id}]` : h.name;
    body.push([
      `${name}${w(": ownership", " : détention")}`,
      ...report.scenarios.map((s) => percentText(of(s)?.fullyDilutedAfter ?? Rational.ZERO, options)),
    ]);
    body.push([
      `${name}${w(": dilution", " : dilution")}`,
      ...report.scenarios.map((s) => {
        const d = of(s)?.dilution;
        return d === null || d === undefined ? w("new", "nouveau") : percentText(d, options);
      }),
    ]);
  }
  const header = ["", ...report.scenarios.map((s) => scenarioHeader(s.scenario, options))];
  return `${report.company.name} — ${report.round.name}, ${w("by scenario", "par scénario")}\n\n${renderTable(
    header.map((h, i) => ({ header: h, align: i === 0 ? ("left" as const) : ("right" as const) })),
    body,
  )}`;
}
