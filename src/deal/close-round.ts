import { isMap, isSeq, parseDocument } from "yaml";
import type { Money } from "../core/exact/money.js";
import type { Ledger } from "../core/ledger/ledger.js";
import type { Transaction } from "../core/ledger/transaction.js";
import type { RoundOutcome } from "../core/round/price-round.js";
import type { RoundTerms } from "../core/round/terms.js";
import { runDeal } from "../core/round/timeline.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { type Deal, withScenario } from "./build.js";
import type { Diagnostic } from "./diagnostics.js";
import { appendToDealText } from "./edit.js";
import { loadDeal } from "./load.js";
import { ledgerToDocument } from "./serialize.js";
import { loadWorkspace, type ReadIncluded, resolveWorkspace } from "./workspace.js";

/** A round closed into the ledger: the deal file's new text and what it adds (CLOSE-3). */
export interface ClosedRound {
  readonly roundId: string;
  readonly roundName: string;
  /** The deal file with the round removed and its classes and transactions added. */
  readonly text: string;
  /** The classes the round creates (its class and the shadow series), as deal-file entries. */
  readonly classes: readonly Record<string, unknown>[];
  /** The dated ledger transactions, as deal-file entries, in the order they apply. */
  readonly transactions: readonly Record<string, unknown>[];
  readonly outcome: RoundOutcome;
}

export type CloseRoundResult =
  | { readonly ok: true; readonly value: ClosedRound }
  | {
      readonly ok: false;
      readonly diagnostics?: readonly Diagnostic[];
      readonly problems?: ReturnType<typeof fail>["problems"];
    };

/**
 * Closes a modelled round into the ledger (CLOSE-3): prices it as `model` does (in the
 * deal's base scenario, or the one named), turns its outcome into dated transactions — the
 * pool increase, each SAFE and note conversion, anti-dilution adjustments, the issuances of
 * each closing — and its new class and shadow series into classes, removes the round from
 * the modelled rounds and returns the edited text. The round must be the earliest modelled
 * round, since later rounds are priced on its pro forma. Every other byte of the file is
 * kept; the result must load, or nothing is returned.
 */
export function closeRound(
  text: string,
  file: string,
  options: { readonly round?: string; readonly scenario?: string } = {},
): CloseRoundResult {
  const loaded = loadDeal(text, file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const inScenario =
    options.scenario === undefined ? ok(loaded.deal) : withScenario(loaded.deal, options.scenario);
  if (!inScenario.ok) return { ok: false, problems: inScenario.problems };
  const deal: Deal = inScenario.value;
  const planned = planClosing(deal.ledger, deal.rounds, options.round);
  if (!planned.ok) return { ok: false, problems: planned.problems };
  const edited = editForClosing(text, [], planned.value);
  if (!edited.ok) return { ok: false, problems: edited.problems };
  const check = loadDeal(edited.value, file);
  if (!check.ok) return { ok: false, diagnostics: check.diagnostics };
  return { ok: true, value: closedRound(planned.value, edited.value) };
}

/** A round closed in a workspace: the file to write (the workspace's, or the company's own file). */
export type CloseRoundInWorkspaceResult =
  | { readonly ok: true; readonly value: ClosedRound & { readonly file: string } }
  | Extract<CloseRoundResult, { ok: false }>;

/**
 * Closes a round of one company of a workspace (CLOSE-5): an inline company's deal is edited
 * in the workspace file, under `companies[i].deal`; a company whose deal is in its own file
 * (`file:`) has that file edited. The workspace must load again with the edit, or nothing is
 * returned. The round is priced as the workspace prices it (the parties are stakeholders of
 * every company; uncertain figures resolved over the claims of all companies).
 */
export function closeRoundInWorkspace(
  text: string,
  file: string,
  readIncluded: ReadIncluded,
  options: { readonly company?: string; readonly round?: string; readonly scenario?: string },
): CloseRoundInWorkspaceResult {
  const loaded = loadWorkspace(text, file, readIncluded);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const resolved =
    options.scenario === undefined
      ? ok(loaded.workspace)
      : resolveWorkspace(loaded.workspace, options.scenario);
  if (!resolved.ok) return { ok: false, problems: resolved.problems };
  const ws = resolved.value;
  const modelled = ws.companies.filter((c) => c.deal && (ws.rounds.get(c.id)?.length ?? 0) > 0);
  const usage = (message: string) => ({ ok: false as const, problems: fail("usage", message).problems });
  if (options.company === undefined) {
    return usage(
      modelled.length === 0
        ? "no company of the workspace has a modelled round to close"
        : `a workspace holds several companies: name the one whose round to close with --company (${modelled.map((c) => c.id).join(", ")})`,
    );
  }
  const company = ws.companies.find((c) => c.id === options.company);
  if (!company) {
    return usage(
      `no company "${options.company}" in the workspace; its companies are ${ws.companies.map((c) => c.id).join(", ")}`,
    );
  }
  if (!company.deal)
    return usage(`company ${company.name} has no cap table in the workspace: it has no round to close`);
  const index = ws.document.companies.findIndex((c) => c.id === company.id);
  const entry = ws.document.companies[index] as { file?: string };
  const planned = planClosing(company.deal.ledger, ws.rounds.get(company.id) ?? [], options.round);
  if (!planned.ok) return { ok: false, problems: planned.problems };
  if (entry.file !== undefined) {
    // The company's deal is a file of its own: it is the file edited, and the workspace must still load.
    const included = readIncluded(entry.file);
    if (!included.ok)
      return {
        ok: false,
        problems: fail("file_unreadable", `cannot read ${entry.file}: ${included.message}`).problems,
      };
    const edited = editForClosing(included.text, [], planned.value);
    if (!edited.ok) return { ok: false, problems: edited.problems };
    const check = loadWorkspace(text, file, (relative) =>
      relative === entry.file
        ? { ok: true, text: edited.value, file: included.file }
        : readIncluded(relative),
    );
    if (!check.ok) return { ok: false, diagnostics: check.diagnostics };
    return { ok: true, value: { ...closedRound(planned.value, edited.value), file: included.file } };
  }
  const edited = editForClosing(text, ["companies", index, "deal"], planned.value);
  if (!edited.ok) return { ok: false, problems: edited.problems };
  const check = loadWorkspace(edited.value, file, readIncluded);
  if (!check.ok) return { ok: false, diagnostics: check.diagnostics };
  return { ok: true, value: { ...closedRound(planned.value, edited.value), file } };
}

/** What closing a round adds, before the text is edited. */
export interface PlannedClosing {
  readonly round: RoundTerms;
  readonly outcome: RoundOutcome;
  readonly classes: Record<string, unknown>[];
  readonly transactions: Record<string, unknown>[];
}

function closedRound(plan: PlannedClosing, text: string): ClosedRound {
  return {
    roundId: plan.round.id,
    roundName: plan.round.name,
    text,
    classes: plan.classes,
    transactions: plan.transactions,
    outcome: plan.outcome,
  };
}

/**
 * Chooses the round (the earliest, or the one named, which must be the earliest), prices it
 * on the ledger as `model` does, and turns its outcome into deal-file entries (CLOSE-3).
 */
export function planClosing(
  ledger: Ledger,
  rounds: readonly RoundTerms[],
  wanted: string | undefined,
): Result<PlannedClosing> {
  if (rounds.length === 0) return fail("round_invalid", "the deal has no modelled round to close");
  const earliest = [...rounds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0]!;
  const round = wanted === undefined ? earliest : rounds.find((r) => r.id === wanted);
  if (!round) {
    return fail(
      "usage",
      `no round "${wanted}" in the deal; its rounds are ${rounds.map((r) => r.id).join(", ")}`,
    );
  }
  if (round.id !== earliest.id) {
    return fail(
      "round_invalid",
      `round ${round.name} cannot be closed before round ${earliest.name}, which it is priced after; close ${earliest.id} first`,
      ["rounds", round.id],
    );
  }
  const run = runDeal(ledger, rounds, { untilRound: round.id });
  if (!run.ok) return run;
  const outcome = run.value.rounds[run.value.rounds.length - 1]!;
  // A record holds exact decimal prices: a price with no end (10/3) has no decimal to write.
  const prices = [
    { what: "its price per share", price: outcome.pricePerShare },
    ...outcome.shadowSeries.map((c) => ({
      what: `the conversion price of ${c.name}`,
      price: c.originalIssuePrice!,
    })),
    ...outcome.antiDilution.map((a) => ({
      what: `the adjusted conversion price of ${a.classId}`,
      price: a.conversionPriceAfter,
    })),
  ];
  const endless = prices.find((p) => !p.price.amount.isTerminatingDecimal());
  if (endless) {
    return fail(
      "round_invalid",
      `round ${round.name} cannot be closed: ${endless.what}, ${endless.price.amount.toString()}, is not a decimal that ends; state the round's pricePrecision (conventions: { pricePrecision: { places: 4, rounding: half_up } }, or add-round --price-places 4) so that its record has exact prices`,
      ["rounds", round.id, "conventions", "pricePrecision"],
    );
  }
  const added = closingEntries(ledger, outcome);
  return ok({ round, outcome, classes: added.classes, transactions: added.transactions });
}

/** The deal text (or the deal at `at` in a workspace) with the round closed: removed, its entries added, listed as closed. */
export function editForClosing(
  text: string,
  at: readonly (string | number)[],
  plan: PlannedClosing,
): Result<string> {
  const removed = removeRound(text, at, plan.round.id);
  if (!removed.ok) return fail("deal_syntax", removed.error);
  // CLOSE-4: the round is listed as closed, so that claims about it (its history) still load.
  // CLOSE-6: with its price and post-money, which the capital flows and exposure read.
  const record = {
    id: plan.round.id,
    name: plan.round.name,
    date: String(plan.round.date),
    pricePerShare: amountText(plan.outcome.pricePerShare),
    postMoney: amountText(plan.outcome.postMoneyValuation),
  };
  const edited = appendToDealText(
    removed.text,
    { classes: plan.classes, transactions: plan.transactions, closedRounds: [record] },
    at,
  );
  if (!edited.ok) return fail("deal_syntax", `cannot edit the deal file: ${edited.error}`);
  return ok(edited.text);
}

/** An exact amount as the deal file writes it (the serializer's form: a decimal with its currency code). */
function amountText(m: Money): string {
  return `${m.currency} ${m.amount.toDecimalString(30)}`;
}

/** The deal-file entries of a round's outcome: its new classes, then its transactions. */
function closingEntries(
  ledger: Ledger,
  outcome: RoundOutcome,
): { classes: Record<string, unknown>[]; transactions: Record<string, unknown>[] } {
  const before = new Set(outcome.before.classes.keys());
  const newClasses = [...outcome.after.classes.values()].filter((c) => !before.has(c.id));
  const transactions: Transaction[] = [...outcome.transactions]
    .map((tx, index) => ({ tx, index }))
    .sort((a, b) => (a.tx.date < b.tx.date ? -1 : a.tx.date > b.tx.date ? 1 : a.index - b.index))
    .map(({ tx }) => tx);
  // The serializer writes classes and transactions as `import-ocf` does (DEAL-5).
  const document = ledgerToDocument({
    ...ledger,
    stakeholders: [],
    pools: [],
    vestingSchedules: [],
    classes: newClasses,
    transactions,
  });
  return {
    classes: (document.classes as Record<string, unknown>[] | undefined) ?? [],
    transactions: (document.transactions as Record<string, unknown>[] | undefined) ?? [],
  };
}

/**
 * Removes one round from the deal file's text, every other byte unchanged: its list item in
 * YAML (from its line to the next item), or the whole `rounds:` entry when it is the only one.
 * In JSON the document is rewritten with its key order and every number's text kept.
 */
function removeRound(
  text: string,
  at: readonly (string | number)[],
  id: string,
): { ok: true; text: string } | { ok: false; error: string } {
  if (/^\s*\{/.test(text)) return removeFromJson(text, at, id);
  const doc = parseDocument(text);
  const owner = at.length === 0 ? doc.contents : doc.getIn(at, true);
  const rounds = isMap(owner) ? owner.get("rounds", true) : undefined;
  if (!isSeq(rounds)) return { ok: false, error: "the deal file's rounds are not a list" };
  const index = rounds.items.findIndex((item) => isMap(item) && item.get("id") === id);
  if (index < 0) return { ok: false, error: `the deal file has no round "${id}"` };
  if (rounds.flow)
    return { ok: false, error: `"rounds" is a flow list ([...]); write it as a block list to close a round` };
  const lineStart = (at: number) => text.lastIndexOf("\n", at - 1) + 1;
  if (rounds.items.length === 1) {
    // The whole `rounds:` entry goes: from its key's line to the end of the list.
    const pair = isMap(owner)
      ? owner.items.find((p) => (p.key as { value?: unknown })?.value === "rounds")
      : undefined;
    const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    if (!keyRange || !rounds.range) return { ok: false, error: "cannot find the rounds in the deal file" };
    const start = lineStart(keyRange[0]);
    const end =
      lineStart(rounds.range[2]) === rounds.range[2] ? rounds.range[2] : nextLine(text, rounds.range[2]);
    return { ok: true, text: text.slice(0, start) + text.slice(end) };
  }
  const item = rounds.items[index] as { range?: [number, number, number] };
  const next = rounds.items[index + 1] as { range?: [number, number, number] } | undefined;
  if (!item.range) return { ok: false, error: "cannot find the round in the deal file" };
  const start = lineStart(item.range[0]);
  const end = next?.range
    ? lineStart(next.range[0])
    : rounds.range
      ? endOfList(text, rounds.range[2])
      : item.range[2];
  return { ok: true, text: text.slice(0, start) + text.slice(end) };
}

function nextLine(text: string, at: number): number {
  const newline = text.indexOf("\n", at);
  return newline < 0 ? text.length : newline + 1;
}

function endOfList(text: string, at: number): number {
  return text[at - 1] === "\n" ? at : nextLine(text, at);
}

function removeFromJson(
  text: string,
  at: readonly (string | number)[],
  id: string,
): { ok: true; text: string } | { ok: false; error: string } {
  const marker = "\\u0000n:";
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (t) =>
    t.startsWith('"') ? t : `"${marker}${t}"`,
  );
  let root: Record<string, unknown>;
  try {
    root = JSON.parse(marked) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const data = at.reduce<unknown>(
    (node, key) => (node as Record<string, unknown> | undefined)?.[key],
    root,
  ) as Record<string, unknown> | undefined;
  if (!data || typeof data !== "object") return { ok: false, error: "cannot find the deal in the file" };
  const rounds = data.rounds;
  if (!Array.isArray(rounds)) return { ok: false, error: "the deal file's rounds are not a list" };
  const kept = rounds.filter((r) => !(r && typeof r === "object" && (r as { id?: unknown }).id === id));
  if (kept.length === rounds.length) return { ok: false, error: `the deal file has no round "${id}"` };
  if (kept.length === 0) delete data.rounds;
  else data.rounds = kept;
  const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
  const out = JSON.stringify(root, null, indent).replace(/"\\u0000n:([^"]*)"/g, "$1");
  return { ok: true, text: text.endsWith("\n") ? `${out}\n` : out };
}

/** A modelled round written into an export as if closed, or left out of it (OCF-EXP-14). */
export interface ModelledRoundNote {
  readonly id: string;
  readonly name: string;
  readonly date: string;
  /** The date of its last closing: the pro forma an export with the round includes is as of then. */
  readonly lastClosing: string;
}

/**
 * The ledger with every modelled round written in as `close-round` would write it, one after
 * the other in date order (OCF-EXP-14, `--include-modelled`): the pro forma as of each round's
 * last closing, with the ledger's own transactions. A round whose prices are not decimals that
 * end is refused, as closing it is.
 */
export function ledgerWithModelledRounds(
  ledger: Ledger,
  rounds: readonly RoundTerms[],
): Result<{ readonly ledger: Ledger; readonly rounds: readonly ModelledRoundNote[] }> {
  let current = ledger;
  let rest = [...rounds];
  const notes: ModelledRoundNote[] = [];
  while (rest.length > 0) {
    const planned = planClosing(current, rest, undefined);
    if (!planned.ok) return planned;
    const { outcome, round } = planned.value;
    const before = new Set(current.classes.map((c) => c.id));
    const added = [...outcome.after.classes.values()].filter((c) => !before.has(c.id));
    const transactions = [...current.transactions, ...outcome.transactions]
      .map((tx, index) => ({ tx, index }))
      .sort((a, b) => (a.tx.date < b.tx.date ? -1 : a.tx.date > b.tx.date ? 1 : a.index - b.index))
      .map(({ tx }) => tx);
    current = { ...current, classes: [...current.classes, ...added], transactions };
    notes.push(modelledRoundNote(round));
    rest = rest.filter((r) => r.id !== round.id);
  }
  return ok({ ledger: current, rounds: notes });
}

/** What an export says of a modelled round it leaves out or includes. */
export function modelledRoundNote(round: RoundTerms): ModelledRoundNote {
  const dates = [String(round.date), ...(round.closings ?? []).map((c) => String(c.date))].sort();
  return { id: round.id, name: round.name, date: String(round.date), lastClosing: dates[dates.length - 1]! };
}
