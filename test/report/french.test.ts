import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { claims } from "../../src/app/claims.js";
import { exit } from "../../src/app/exit.js";
import type { BreakpointExplanation } from "../../src/app/exit-report.js";
import { model } from "../../src/app/model.js";
import { parseInput } from "../../src/app/use-case.js";
import { compactMoney } from "../../src/core/exact/money.js";
import { Rational } from "../../src/core/exact/rational.js";
import { ERROR_CATALOGUE } from "../../src/core/shared/errors.js";
import {
  MESSAGES,
  type MessageKey,
  type MessageParams,
  message,
  say,
} from "../../src/core/shared/messages.js";
import { CLAIM_STATUSES } from "../../src/core/uncertainty/claim.js";
import {
  type EstimateUnit,
  formatEstimate,
  makeEstimate,
  QUALIFIERS,
} from "../../src/core/uncertainty/estimate.js";
import {
  type AnyExplanation,
  CHANGES_FR,
  CLAIM_STATUSES_FR,
  ERROR_SUMMARIES_FR,
  EXPLANATION_CODES,
  estimateFr,
  explanationFr,
  frenchPercent,
  SOURCE_TYPES_FR,
} from "../../src/report/fr.js";
import { MESSAGES_FR, messageFr } from "../../src/report/messages-fr.js";
import { dealFrom } from "../support/deal.js";

/**
 * One example of every message of the catalogue (src/core/shared/messages.ts): the type
 * makes the compiler ask for a new key's example, so the walk below covers every key.
 */
const nested = message("names_unknown", { kind: "stakeholder", id: "zoe" });
const EXAMPLES: { readonly [K in MessageKey]: MessageParams<K> } = {
  input_too_large: { limit: "64 MiB" },
  binary_file: {},
  cannot_read: { what: "deal file", why: "no_such_file" },
  cannot_write: { what: "pro-forma.pdf", why: "EACCES" },
  cannot_write_deal_file: { why: "EROFS" },
  cannot_write_file: { why: "EROFS" },
  output_exists: { out: "co.yaml" },
  out_is_directory: { out: "out" },
  out_folder_missing: { out: "a/b.pdf", folder: "a" },
  out_needs_file_format: { format: "table" },
  file_format_needs_out: { format: "pdf" },
  file_to_terminal: { format: "xlsx" },
  yaml_syntax: {
    detail: "Flow sequence in block collection must be sufficiently indented and end with a ]",
    commas: true,
  },
  flag_input: { flag: "--as-of", message: message("input_form", { form: "date" }) },
  flag_whole_number: { flag: "--runs", min: 1, max: "10,000,000", got: "x" },
  flag_whole_number_is: { flag: "--price-places", what: "decimal places", min: 0, max: 12, got: "four" },
  flag_must_be_between: { flag: "--concurrency", min: 1, max: 64, got: "0" },
  flag_date: { flag: "--date", form: "calendar", got: "2027" },
  flag_is_date: { flag: "--date", got: "2027" },
  flag_choice: { flag: "--jobs", choices: ["shared", "memory"], got: "x" },
  flag_must_be_choice: { flag: "--format", choices: ["text", "json"], got: "csv" },
  flag_is_one_of: { flag: "--role", choices: ["owner", "viewer"], got: "x" },
  flag_port: { got: "99999" },
  flag_currency: { got: "dollars" },
  flag_country: { got: "France" },
  flag_target: { got: "amazon" },
  flags_exactly_one: { flags: ["--pre-money", "--post-money", "--price"], example: "--pre-money $20M" },
  flag_needs: { flag: "--write", needs: "--deal <deal file>" },
  company_not_workspace: {},
  exit_file_modes: { format: "pdf" },
  input_form: { form: "fraction" },
  amount_empty: { examples: "such as $50B" },
  amount_unreadable: { text: "ten dollars", examples: "such as $50B" },
  amount_trailing: { text: "$5M dollars", rest: "dollars" },
  amount_no_currency: { text: "5M" },
  exit_value_comma: { text: "1,5M", comma: "1,5" },
  exit_value_empty: { text: "1M;;2M" },
  exit_value_currency: { value: "€5M", currency: "USD" },
  exit_value_negative: { value: "-5M" },
  sweep_form: { got: "5M" },
  estimate_unknown_word: { text: "beaucoup", word: "beaucoup", forms: "about X" },
  estimate_unreadable: { text: "??", forms: "about X" },
  estimate_no_amount: { text: "about", prefix: "about" },
  wrong_file_kind: { got: "workspace" },
  no_such_party: { party: "apple", parties: ["openai", "microsoft"] },
  valuation_form: { got: "openai", flag: true },
  round_price_currency: { round: "Series A", from: "EUR", to: "USD" },
  round_pricing_not_positive: { round: "Series A", basis: "pre_money" },
  round_unknown_investor: { round: "Series A", investor: "zoe" },
  round_negative_investment: { round: "Series A", investor: "zoe" },
  unknown_claims: { unknown: ["nope"], claims: ["amazon-50"] },
  no_such_scenario: { scenario: "nope", of: "workspace", scenarios: ["low", "base"] },
  worker_needs_postgres: {},
  password_length: { min: 12, max: 256 },
  user_name_form: { got: "a b" },
  workspace_id_form: { got: "a b" },
  investor_stakeholders: {},
  no_workspace: { id: "acme" },
  user_exists: { name: "ada", invited: true },
  audit_broken: { seq: 12, reason: "hash mismatch" },
  no_rounds: { purpose: "to model" },
  no_such_round: { round: "nope", rounds: ["seed", "series-a"] },
  invest_needed: {},
  invest_form: { text: "Acme" },
  invest_twice: { name: "Acme" },
  lead_not_investor: { lead: "Acme" },
  id_taken: { kind: "round", id: "seed" },
  pool_target_pool: { pools: ["plan-2021", "plan-2024"] },
  not_a_pool: { pool: "plan", none: true },
  safe_terms: {},
  investor_needed: {},
  new_entries: { what: "round", message: nested },
  transaction: { id: "t1", type: "stock_issuance", date: "2021-03-01", message: nested },
  names_unknown: { kind: "option pool", id: "plan" },
  not_outstanding: { kind: "security", id: "s1" },
  field_required: { options: ['"safe"', '"note"'] },
  field_expected: { expected: "string", got: "a list" },
  field_unknown: { keys: ["bogus", "other"] },
  field_must_be: { values: ['"full"', '"none"'], got: '"half"' },
  field_unknown_kind: { discriminator: "type", got: '"gift"', options: ['"stock_issuance"'] },
  field_wrong_form: { got: "a mapping" },
  field_wrong_format: { got: '"x"' },
  field_min_items: { min: 1 },
  field_not_empty: {},
  field_at_least: { min: "0", got: "-1" },
  field_too_long: { max: "200" },
  field_too_many: { max: "1000" },
  field_at_most: { max: "1", got: "2" },
};

/**
 * French for every code the engine speaks in (issue 16: "a French rendering of every
 * explanation and error code exists"): the test walks the error catalogue and the list of
 * explanation codes (whose completeness the compiler checks against the typed reports'
 * unions), and words real explanations of the examples to the letter.
 */
const openai = dealFrom(readFileSync("examples/openai-round.yaml", "utf8"));
const down = dealFrom(readFileSync("examples/down-round.yaml", "utf8"));

/** The English words of a claim's estimate ("up to $50B", "about 27%"). */
const ENGLISH_ESTIMATE = /\b(about|up to|less than|at least|more than|between|and|at most|lognormal)\b|\$\d/;

/** Words that only English has: a French text containing one was left untranslated. */
const ENGLISH = /\b(the|and|which|cannot|is not|does not|with|from|when)\b/i;

describe("French", () => {
  it("every error code of the catalogue has its French, not the English summary", () => {
    const codes = Object.keys(ERROR_CATALOGUE) as (keyof typeof ERROR_CATALOGUE)[];
    expect(codes.length).toBeGreaterThan(100);
    const missing = codes.filter((c) => !ERROR_SUMMARIES_FR[c]?.trim());
    expect(missing).toEqual([]);
    for (const c of codes) {
      const fr = ERROR_SUMMARIES_FR[c];
      expect(fr, c).not.toBe(ERROR_CATALOGUE[c].summary);
      expect(fr, `${c}: ${fr}`).not.toMatch(ENGLISH);
    }
    // No French for a code the catalogue does not have.
    expect(Object.keys(ERROR_SUMMARIES_FR).sort()).toEqual([...codes].sort());
  });

  it("every message of the catalogue has its French, worded from the same parameters, with no English left", () => {
    const keys = Object.keys(MESSAGES) as MessageKey[];
    expect(keys.length).toBeGreaterThan(60);
    // The French catalogue has the same keys, no more.
    expect(Object.keys(MESSAGES_FR).sort()).toEqual([...keys].sort());
    // The English that carries the system's or the parser's own words is given as it is.
    const verbatim = new Set<MessageKey>(["yaml_syntax"]);
    for (const key of keys) {
      const m = { key, params: EXAMPLES[key] } as Parameters<typeof say>[0];
      const en = say(m);
      const fr = messageFr(m);
      expect(fr.trim(), key).not.toBe("");
      expect(fr, key).not.toBe(en);
      expect(fr, `${key}: ${fr}`).not.toMatch(ENGLISH);
      if (!verbatim.has(key)) expect(en, `${key}: ${en}`).toMatch(/[a-z]/);
    }
    // Nested messages are worded in the same language, and the values the user gave are kept.
    expect(messageFr({ key: "transaction", params: EXAMPLES.transaction } as Parameters<typeof say>[0])).toBe(
      "transaction t1 (stock_issuance, 2021-03-01) : nomme un actionnaire inconnu, « zoe »",
    );
    expect(say(message("flags_exactly_one", { flags: ["--at", "--breakpoints", "--sweep", "--ipo"] }))).toBe(
      "give exactly one of --at, --breakpoints, --sweep or --ipo",
    );
  });

  it("every explanation code is worded in French from its parameters", () => {
    const position = {
      id: "p",
      name: "Série A (alice)",
      kind: "shares",
      shareClass: null,
      security: null,
      strike: null,
    } as const;
    const worded = new Map<string, string>();
    for (const code of EXPLANATION_CODES) {
      const e = sampleOf(code, position);
      const fr = explanationFr(e);
      expect(fr.trim(), code).not.toBe("");
      expect(fr, `${code}: ${fr}`).not.toMatch(ENGLISH);
      worded.set(code, fr);
    }
    expect(worded.get("level_paid")).toBe("préférences payées : Série A (alice)");
    expect(worded.get("common_starts")).toBe("les actions ordinaires commencent à recevoir de la valeur");
  });

  it("the OpenAI claims' conflict and gap in French, to the letter", async () => {
    const report = await claims.run(openai, {});
    if (!report.ok) throw new Error("claims");
    const [conflict] = report.value.conflicts;
    expect(explanationFr(conflict!.explanation)).toBe(
      "« Amazon + Nvidia + Microsoft : 60 Md$ » exige pour Amazon + Nvidia + Microsoft au moins 60 Md$, mais « Amazon + Nvidia + Microsoft : environ 40 Md$ » autorise au plus 44 Md$.",
    );
    expect(explanationFr(report.value.gaps[0]!.explanation)).toBe(
      "Les bornes hautes des membres (« Amazon : jusqu'à 50 Md$ », « Nvidia : jusqu'à 30 Md$ », « Microsoft : moins de 10 Md$ ») totalisent 90 Md$, plus que les 44 Md$ que « Amazon + Nvidia + Microsoft : environ 40 Md$ » autorise pour le groupe : ils ne peuvent pas tous atteindre leur borne ensemble.",
    );
  });

  it("every claim's qualifier, status, change and source kind has its French (the details the explanations name)", () => {
    const usd = { kind: "money", currency: "USD" } as unknown as EstimateUnit;
    let worded = 0;
    const billions = (n: bigint) => Rational.of(n * 1_000_000_000n);
    for (const q of QUALIFIERS) {
      const figures =
        q === "between"
          ? { min: billions(10n), max: billions(100n) }
          : q === "distribution"
            ? { min: billions(10n), max: billions(100n) }
            : { value: billions(50n) };
      const made = makeEstimate(q, figures, usd);
      if (!made.ok) continue;
      worded += 1;
      const fr = estimateFr(made.value);
      expect(fr.trim(), q).not.toBe("");
      expect(fr, `${q}: ${fr}`).not.toMatch(ENGLISH_ESTIMATE);
      expect(fr, q).not.toBe(formatEstimate(made.value));
    }
    // Every qualifier a figure states (a distribution alone is made otherwise).
    expect(worded).toBeGreaterThanOrEqual(QUALIFIERS.length - 1);
    const upTo = makeEstimate("up_to", { value: billions(50n) }, usd);
    if (!upTo.ok) throw new Error("estimate");
    expect(estimateFr(upTo.value)).toBe("jusqu'à 50 Md$");
    for (const status of CLAIM_STATUSES) expect(CLAIM_STATUSES_FR[status], status).not.toMatch(/_| talks/);
    for (const [change, fr] of Object.entries(CHANGES_FR)) expect(fr, change).not.toBe(change);
    expect(SOURCE_TYPES_FR).toEqual({ report: "article", assumption: "hypothèse" });
  });

  it("the breakpoints of a down round and a priced round's note in French", async () => {
    const input = parseInput(exit, { breakpoints: "true" });
    if (!input.ok) throw new Error("input");
    const report = await exit.run(down, input.value);
    if (!report.ok || report.value.kind !== "breakpoints") throw new Error("breakpoints");
    const events = report.value.breakpoints.flatMap((b) => b.events);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(explanationFr(e)).not.toMatch(ENGLISH);
    const priced = await model.run(openai, model.input.parse({}));
    if (!priced.ok) throw new Error("model");
    expect(explanationFr(priced.value.round.pricing)).not.toMatch(ENGLISH);
  });

  it("with ids, every kind of position a breakpoint names keeps its id after its French words", () => {
    const cls = { id: "series-a", name: "Series A" };
    const position = (kind: "warrant" | "safe" | "note" | "options" | "shares", strike: string | null) => ({
      id: `${kind}:x`,
      name: `${kind} label`,
      kind,
      shareClass: cls,
      security: kind === "options" || kind === "shares" ? null : "sec-1",
      strike: strike === null ? null : Rational.parse(strike)!,
    });
    const event: BreakpointExplanation = {
      code: "regime_change",
      params: {
        positions: [
          position("warrant", null),
          position("safe", null),
          position("note", null),
          position("options", "0.25"),
          position("shares", null),
        ],
      },
    };
    expect(explanationFr(event, "USD", true)).toBe(
      "changements : bon de souscription sec-1 (Series A) [warrant:x], SAFE sec-1 [safe:x], " +
        "obligation convertible sec-1 [note:x], options Series A au prix d’exercice de 0,25 [options:x], " +
        "shares label [shares:x]",
    );
    expect(explanationFr(event, "USD")).not.toContain("[");
  });

  it("money and percentages as a French reader reads them", () => {
    const usd = (n: bigint, d = 1n) => ({
      kind: "money" as const,
      currency: "USD" as never,
      amount: Rational.of(n, d),
    });
    expect(compactMoney(usd(830_000_000_000n), "fr")).toBe("830 Md$");
    expect(compactMoney(usd(1_250_000n), "fr")).toBe("1,25 M$");
    expect(compactMoney(usd(999_960n), "fr")).toBe("1 M$");
    expect(compactMoney(usd(1_000_000_000_000n), "fr")).toBe("1 000 Md$");
    // Below a thousand, to the cent when there are cents.
    expect(compactMoney(usd(25n, 2n), "fr")).toBe("12,50 $");
    expect(frenchPercent(Rational.of(27n, 100n))).toBe("27,00 %");
    expect(frenchPercent(Rational.of(1n, 1_000_000n))).toBe("< 0,01 %");
  });
});

/** A sample explanation of each code, with parameters of the right shape. */
function sampleOf(
  code: (typeof EXPLANATION_CODES)[number],
  position: BreakpointExplanation["params"]["positions"][number],
): AnyExplanation {
  const usd = { kind: "money" as const, currency: "USD" as never };
  const money = { ...usd, amount: Rational.of(830_000_000_000n) };
  const claim = { id: "c", name: "Amazon: up to $50B" };
  switch (code) {
    case "valuation_as_stated":
      return { code, params: { basis: "pre_money" } };
    case "valuation_differs_from_stated":
      return {
        code,
        params: {
          basis: "post_money",
          stated: money,
          priced: { ...usd, amount: Rational.of(829_999_999_990n) },
          difference: Rational.of(-10n),
          priceRounding: Rational.of(-4n),
          wholeShares: Rational.of(-6n),
          conversionShares: 0n,
          conversions: undefined,
          pricePlaces: 4,
        },
      };
    case "claims_conflict":
      return {
        code,
        params: {
          pivot: claim,
          subject: "Amazon",
          side: "upper",
          pivotBound: { relation: "<=", value: Rational.of(50n) },
          implied: { relation: ">=", value: Rational.of(60n) },
          others: [claim],
          usesDomain: true,
          identities: [],
          unit: { kind: "money", currency: "USD" as never },
          text: "",
        },
      };
    case "claims_gap_exceeds":
    case "claims_gap_short":
      return {
        code,
        params: {
          group: claim,
          members: [claim],
          sum: Rational.of(90n),
          bound: Rational.of(44n),
          unit: { kind: "fraction" },
        },
      } as AnyExplanation;
    default:
      return { code, params: { positions: [position] } };
  }
}
