import { isMap, isSeq, parseDocument } from "yaml";
import type { Ledger } from "../core/ledger/ledger.js";
import type { Transaction } from "../core/ledger/transaction.js";
import type { RoundOutcome } from "../core/round/price-round.js";
import { runDeal } from "../core/round/timeline.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { type Deal, withScenario } from "./build.js";
import type { Diagnostic } from "./diagnostics.js";
import { appendToDealText } from "./edit.js";
import { loadDeal } from "./load.js";
import { ledgerToDocument } from "./serialize.js";

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
  if (deal.rounds.length === 0)
    return { ok: false, problems: fail("round_invalid", "the deal has no modelled round to close").problems };
  const earliest = [...deal.rounds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0]!;
  const round = options.round === undefined ? earliest : deal.rounds.find((r) => r.id === options.round);
  if (!round) {
    return {
      ok: false,
      problems: fail(
        "usage",
        `no round "${options.round}" in the deal; its rounds are ${deal.rounds.map((r) => r.id).join(", ")}`,
      ).problems,
    };
  }
  if (round.id !== earliest.id) {
    return {
      ok: false,
      problems: fail(
        "round_invalid",
        `round ${round.name} cannot be closed before round ${earliest.name}, which it is priced after; close ${earliest.id} first`,
        ["rounds", round.id],
      ).problems,
    };
  }
  const run = runDeal(deal.ledger, deal.rounds, { untilRound: round.id });
  if (!run.ok) return { ok: false, problems: run.problems };
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
    return {
      ok: false,
      problems: fail(
        "round_invalid",
        `round ${round.name} cannot be closed: ${endless.what}, ${endless.price.amount.toString()}, is not a decimal that ends; state the round's pricePrecision (for example { places: 4, rounding: half_up }) so that its record has exact prices`,
        ["rounds", round.id, "conventions", "pricePrecision"],
      ).problems,
    };
  }
  const added = closingEntries(deal.ledger, outcome);

  const removed = removeRound(text, round.id);
  if (!removed.ok) return { ok: false, problems: fail("deal_syntax", removed.error).problems };
  // CLOSE-4: the round is listed as closed, so that claims about it (its history) still load.
  const record = { id: round.id, name: round.name, date: String(round.date) };
  const edited = appendToDealText(removed.text, {
    classes: added.classes,
    transactions: added.transactions,
    closedRounds: [record],
  });
  if (!edited.ok)
    return {
      ok: false,
      problems: fail("deal_syntax", `cannot edit the deal file: ${edited.error}`).problems,
    };
  const check = loadDeal(edited.text, file);
  if (!check.ok) return { ok: false, diagnostics: check.diagnostics };
  return {
    ok: true,
    value: {
      roundId: round.id,
      roundName: round.name,
      text: edited.text,
      classes: added.classes,
      transactions: added.transactions,
      outcome,
    },
  };
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
function removeRound(text: string, id: string): { ok: true; text: string } | { ok: false; error: string } {
  if (/^\s*\{/.test(text)) return removeFromJson(text, id);
  const doc = parseDocument(text);
  const rounds = doc.get("rounds", true);
  if (!isSeq(rounds)) return { ok: false, error: "the deal file's rounds are not a list" };
  const index = rounds.items.findIndex((item) => isMap(item) && item.get("id") === id);
  if (index < 0) return { ok: false, error: `the deal file has no round "${id}"` };
  if (rounds.flow)
    return { ok: false, error: `"rounds" is a flow list ([...]); write it as a block list to close a round` };
  const lineStart = (at: number) => text.lastIndexOf("\n", at - 1) + 1;
  if (rounds.items.length === 1) {
    // The whole `rounds:` entry goes: from its key's line to the end of the list.
    const pair = isMap(doc.contents)
      ? doc.contents.items.find((p) => (p.key as { value?: unknown })?.value === "rounds")
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

function removeFromJson(text: string, id: string): { ok: true; text: string } | { ok: false; error: string } {
  const marker = "\\u0000n:";
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (t) =>
    t.startsWith('"') ? t : `"${marker}${t}"`,
  );
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(marked) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const rounds = data.rounds;
  if (!Array.isArray(rounds)) return { ok: false, error: "the deal file's rounds are not a list" };
  const kept = rounds.filter((r) => !(r && typeof r === "object" && (r as { id?: unknown }).id === id));
  if (kept.length === rounds.length) return { ok: false, error: `the deal file has no round "${id}"` };
  if (kept.length === 0) delete data.rounds;
  else data.rounds = kept;
  const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
  const out = JSON.stringify(data, null, indent).replace(/"\\u0000n:([^"]*)"/g, "$1");
  return { ok: true, text: text.endsWith("\n") ? `${out}\n` : out };
}
