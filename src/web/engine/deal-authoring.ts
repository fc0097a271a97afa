import { validateDeal } from "../../app/validate.js";
import { type NewConvertible, newConvertibleEntries } from "../../deal/add-convertible.js";
import { type NewRoundOptions, newRoundEntries, uniqueId } from "../../deal/add-round.js";
import type { Diagnostic } from "../../deal/diagnostics.js";
import { type LoadResult, loadDeal } from "../../deal/load.js";
import type { DealDocument } from "../../deal/schema.js";
import { slugOfName } from "../../deal/what-if.js";
import type { DealDocumentJson } from "../api/contract.js";
import { dealDocumentText } from "../api/deal-text.js";

/**
 * Editing a deal document from forms (SPEC WEB-AUTH-1..3): every edit is a new document built
 * from the old one — entries appended to a top-level list as `roundtable add-round`,
 * `add-safe` and `add-note` append them (the same functions make them), or one record
 * replaced or removed — then checked by the deal loader, so that a form shows the CLI's own
 * messages, each on the field its path names. Nothing here reads a figure: the amounts are
 * written as typed and read by the loader, as a hand-written file is.
 */

type Json = Record<string, unknown>;

/** The lists of a deal document that the editor appends to, replaces in and removes from. */
export const DEAL_LISTS = [
  "stakeholders",
  "classes",
  "pools",
  "vesting",
  "transactions",
  "rounds",
  "sources",
  "claims",
  "scenarios",
] as const;
export type DealList = (typeof DEAL_LISTS)[number];

/** A problem of an edit: the form field it is about (a key of the record, dotted when nested), or none for the form as a whole. */
export interface FieldProblem {
  readonly field?: string;
  readonly message: string;
}

export type AuthoringResult =
  | { readonly ok: true; readonly document: DealDocumentJson; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The document a new deal starts as: the format version and the company (DEAL-1). */
export function newDealDocument(company: {
  readonly name: string;
  readonly currency: string;
  readonly formed?: string;
}): DealDocumentJson {
  return {
    roundtable: 1,
    company: {
      name: company.name,
      ...(company.formed === undefined || company.formed === "" ? {} : { formed: company.formed }),
      currency: company.currency,
    },
  };
}

/**
 * Checks a new deal's company as the loader does, each problem on its field
 * (`name`, `currency`, `formed`); the document when it loads.
 */
export function checkNewDeal(company: {
  readonly name: string;
  readonly currency: string;
  readonly formed?: string;
}): AuthoringResult {
  const document = newDealDocument(company);
  return checked(document, (path) =>
    path[0] === "company" && typeof path[1] === "string" ? path[1] : undefined,
  );
}

/**
 * The document with entries appended at the end of top-level lists (a list the document
 * lacks is created), everything else kept: the JSON counterpart of the CLI's
 * `appendToDealText` (DEAL-6), so that the same additions give the same document.
 */
export function appendEntries(
  document: DealDocumentJson,
  additions: Readonly<Record<string, readonly Json[]>>,
): DealDocumentJson {
  const next: Json = { ...document };
  for (const [key, items] of Object.entries(additions)) {
    if (items.length === 0) continue;
    const existing = Array.isArray(next[key]) ? (next[key] as unknown[]) : [];
    next[key] = [...existing, ...items.map((item) => numbersAsText(item) as Json)];
  }
  return next;
}

/**
 * A value with every number written as its text, as the stored document keeps numbers
 * (`dealDocumentFromText`): the CLI's edit functions give a seniority as the number 1, which
 * a deal file holds as the text `1`.
 */
function numbersAsText(value: unknown): unknown {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.map(numbersAsText);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersAsText(v)]));
  return value;
}

/** The document with the record at `index` of `list` replaced by `record`. */
export function replaceEntry(
  document: DealDocumentJson,
  list: DealList,
  index: number,
  record: Json,
): DealDocumentJson {
  const items = Array.isArray(document[list]) ? [...(document[list] as unknown[])] : [];
  items[index] = numbersAsText(record);
  return { ...document, [list]: items };
}

/** The document without the record at `index` of `list` (the list dropped when it empties). */
export function removeEntry(document: DealDocumentJson, list: DealList, index: number): DealDocumentJson {
  const items = Array.isArray(document[list]) ? [...(document[list] as unknown[])] : [];
  items.splice(index, 1);
  const next: Json = { ...document };
  if (items.length === 0) delete next[list];
  else next[list] = items;
  return next;
}

/** The document's company with the given fields set (an empty text removes an optional field). */
export function setCompany(
  document: DealDocumentJson,
  company: { readonly name: string; readonly currency: string; readonly formed: string },
): AuthoringResult {
  const previous = isObject(document.company) ? document.company : {};
  const next: Json = { ...previous, name: company.name, currency: company.currency };
  if (company.formed === "") delete next.formed;
  else next.formed = company.formed;
  return checked({ ...document, company: next }, (path) =>
    path[0] === "company" && typeof path[1] === "string" ? path[1] : undefined,
  );
}

/** Loads a document as the CLI loads a file (the same validation and messages). */
export function loadDocument(document: DealDocumentJson, file = "deal.json"): LoadResult {
  return loadDeal(dealDocumentText(document), file);
}

/** The validated document (defaults filled in) of a document that loads, for the CLI's edit functions. */
function validated(
  document: DealDocumentJson,
): { ok: true; value: DealDocument } | { ok: false; problems: FieldProblem[] } {
  const loaded = loadDocument(document);
  if (!loaded.ok) return { ok: false, problems: loaded.diagnostics.map((d) => ({ message: messageOf(d) })) };
  return { ok: true, value: loaded.deal.document };
}

function messageOf(d: Diagnostic): string {
  return d.message;
}

/**
 * Loads the edited document; a problem whose path `fieldOf` maps to a field is put on that
 * field, any other on the form. Warnings are kept as texts.
 */
export function checked(
  document: DealDocumentJson,
  fieldOf: (path: readonly (string | number)[]) => string | undefined,
): AuthoringResult {
  const loaded = loadDocument(document);
  if (!loaded.ok) {
    return {
      ok: false,
      problems: loaded.diagnostics.map((d) => {
        const field = d.path ? fieldOf(d.path) : undefined;
        return field === undefined ? { message: messageOf(d) } : { field, message: messageOf(d) };
      }),
    };
  }
  // The ledger and the rounds applied, as \`roundtable validate\` does: a reference to an
  // unknown holder or class, or a transfer of more than is held, is found here.
  const applied = validateDeal(loaded.deal);
  if (!applied.ok) {
    return {
      ok: false,
      problems: applied.problems.map((p) => {
        const field = p.path ? fieldOf(p.path) : undefined;
        return field === undefined ? { message: p.message } : { field, message: p.message };
      }),
    };
  }
  return {
    ok: true,
    document,
    warnings: [...loaded.warnings.map(messageOf), ...applied.warnings.map((w) => w.message)],
  };
}

/** Maps a problem's path inside the record at `list[index]` to the record's field (dotted when nested). */
export function fieldInRecord(list: string, index: number) {
  return (path: readonly (string | number)[]): string | undefined => {
    if (path[0] !== list || path[1] !== index) return undefined;
    const rest = path.slice(2).filter((p): p is string => typeof p === "string");
    return rest.length === 0 ? "" : rest.join(".");
  };
}

/**
 * Adds one record to a list (a stakeholder, a class, a transaction…), or replaces the one at
 * `index`, and checks the whole document: the loader's problems about the record are put on
 * its fields. A record without an id gets one from its name (as the CLI names new
 * stakeholders), unique in its list; transactions keep their position ids (`t3`) when
 * they have none.
 */
export function putRecord(
  document: DealDocumentJson,
  list: DealList,
  record: Json,
  index?: number,
): AuthoringResult {
  const items = Array.isArray(document[list]) ? (document[list] as unknown[]) : [];
  let entry = record;
  if (list !== "transactions" && (entry.id === undefined || entry.id === "")) {
    const taken = new Set(
      items.flatMap((r, i) => (i !== index && isObject(r) && typeof r.id === "string" ? [r.id] : [])),
    );
    const base = typeof entry.name === "string" ? slugOfName(entry.name) : list.replace(/s$/, "");
    const { id: _empty, ...rest } = entry;
    entry = { id: uniqueId(base, taken), ...rest };
  }
  const at = index ?? items.length;
  const next =
    index === undefined
      ? appendEntries(document, { [list]: [entry] })
      : replaceEntry(document, list, index, entry);
  return checked(next, fieldInRecord(list, at));
}

/** Removes a record and checks what remains (a transaction that names it is then reported). */
export function deleteRecord(document: DealDocumentJson, list: DealList, index: number): AuthoringResult {
  return checked(removeEntry(document, list, index), () => undefined);
}

/** Maps the CLI's option names (`["options", "invest", 2]`) onto the form's fields. */
function optionField(path: readonly (string | number)[]): string | undefined {
  return path[0] === "options" && typeof path[1] === "string" ? path[1] : undefined;
}

/**
 * Adds a SAFE or a note as `roundtable add-safe` / `add-note` does (DEAL-CONV-1): the same
 * function makes the entries (a new investor becomes a stakeholder), then the document is
 * checked; the loader's problems about the transaction are put on its fields.
 */
export function addConvertible(document: DealDocumentJson, options: NewConvertible): AuthoringResult {
  const base = validated(document);
  if (!base.ok) return base;
  const entries = newConvertibleEntries(base.value, options);
  if (!entries.ok)
    return {
      ok: false,
      problems: entries.problems.map((p) => {
        const field = optionField(p.path ?? []);
        return field === undefined ? { message: p.message } : { field, message: p.message };
      }),
    };
  const transactions = Array.isArray(document.transactions) ? document.transactions.length : 0;
  const next = appendEntries(document, {
    stakeholders: entries.value.additions.stakeholders,
    transactions: entries.value.additions.transactions,
  });
  return checked(next, (path) => {
    const field = fieldInRecord("transactions", transactions)(path);
    // The form names the principal and the rate as the CLI's options do.
    if (field === "holder") return "investor";
    if (field === "interestRate") return "interestRate";
    return field;
  });
}

/** The round form's options, beside the CLI's: investors who buy their pro-rata share, and the closings. */
export interface RoundFormOptions extends NewRoundOptions {
  /** Existing stakeholders (ids or names) who buy their pro-rata share (PR-1), each without an amount. */
  readonly proRata?: readonly string[];
  /** The round's closings, `ID=YYYY-MM-DD`. */
  readonly closings?: readonly string[];
}

/**
 * Adds a priced round as `roundtable add-round` does (DEAL-ROUND-1..3), with the same
 * function, and the investors who buy their pro rata and the closings the form adds; the
 * loader's problems about the round are put on its fields.
 */
export function addRound(document: DealDocumentJson, options: RoundFormOptions): AuthoringResult {
  const base = validated(document);
  if (!base.ok) return base;
  const { proRata = [], closings = [], ...cli } = options;
  const entries = newRoundEntries(base.value, cli);
  if (!entries.ok)
    return {
      ok: false,
      problems: entries.problems.map((p) => {
        const field = optionField(p.path ?? []);
        return field === undefined ? { message: p.message } : { field, message: p.message };
      }),
    };
  const problems: FieldProblem[] = [];
  const round = { ...entries.value.additions.rounds[0]! } as Json;
  const byName = new Map<string, string>();
  for (const s of base.value.stakeholders) {
    byName.set(s.id.toLowerCase(), s.id);
    byName.set(s.name.toLowerCase(), s.id);
  }
  const investments = [...((round.investments as Json[]) ?? [])];
  for (const name of proRata) {
    const id = byName.get(name.trim().toLowerCase());
    if (id === undefined) {
      problems.push({ field: "proRata", message: `${name.trim()} is not a stakeholder of the deal` });
      continue;
    }
    if (investments.some((inv) => inv.investor === id)) {
      problems.push({ field: "proRata", message: `${name.trim()} already invests an amount in the round` });
      continue;
    }
    investments.push({ investor: id, proRata: true });
  }
  round.investments = investments;
  const parsedClosings: Json[] = [];
  for (const text of closings) {
    const at = text.indexOf("=");
    const id = at < 0 ? "" : text.slice(0, at).trim();
    const date = at < 0 ? "" : text.slice(at + 1).trim();
    if (id === "" || date === "") {
      problems.push({ field: "closings", message: `"${text}": write ID=YYYY-MM-DD, e.g. first=2026-03-01` });
      continue;
    }
    parsedClosings.push({ id, date });
  }
  if (parsedClosings.length > 0) round.closings = parsedClosings;
  if (problems.length > 0) return { ok: false, problems };
  const rounds = Array.isArray(document.rounds) ? document.rounds.length : 0;
  const next = appendEntries(document, {
    stakeholders: entries.value.additions.stakeholders,
    pools: entries.value.additions.pools,
    rounds: [round],
  });
  return checked(next, fieldInRecord("rounds", rounds));
}

/**
 * The record a form's fields make: each non-empty text at its (dotted) key, `true` for a
 * ticked box; the keys of `previous` that the form does not show are kept, so that editing a
 * record through a form never drops what the form does not know.
 */
export function recordFromFields(
  fields: Readonly<Record<string, unknown>>,
  shown: readonly string[],
  previous?: Json,
): Json {
  const record: Json = previous ? structuredClone(previous) : {};
  for (const key of shown) {
    const value = fields[key];
    const parts = key.split(".");
    let target = record;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(target[part])) target[part] = {};
      target = target[part] as Json;
    }
    const last = parts[parts.length - 1]!;
    const empty =
      value === undefined ||
      value === "" ||
      value === false ||
      (Array.isArray(value) && value.length === 0) ||
      (isObject(value) && Object.keys(value).length === 0);
    if (empty) delete target[last];
    else target[last] = typeof value === "string" ? value.trim() : value;
  }
  // A nested object the form emptied is removed with its last field.
  for (const key of shown) {
    const head = key.split(".")[0]!;
    if (key.includes(".") && isObject(record[head]) && Object.keys(record[head] as Json).length === 0)
      delete record[head];
  }
  return record;
}

/** A record's field as the form shows it: a text, or a tick for a boolean. */
export function fieldOfRecord(record: Json, key: string): string | boolean {
  let value: unknown = record;
  for (const part of key.split(".")) value = isObject(value) ? value[part] : undefined;
  if (typeof value === "boolean") return value;
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The unsaved edits of a document as a history one can step through (SPEC WEB-AUTH-2): undo
 * goes back one edit, redo forward again; a new edit after an undo drops the edits undone.
 * At most `limit` edits are kept (the oldest dropped first).
 */
export interface EditHistory {
  readonly past: readonly DealDocumentJson[];
  readonly present: DealDocumentJson;
  readonly future: readonly DealDocumentJson[];
}

export const EDIT_HISTORY_LIMIT = 100;

export function startHistory(document: DealDocumentJson): EditHistory {
  return { past: [], present: document, future: [] };
}

export function pushEdit(history: EditHistory, document: DealDocumentJson): EditHistory {
  const past = [...history.past, history.present];
  return { past: past.slice(Math.max(0, past.length - EDIT_HISTORY_LIMIT)), present: document, future: [] };
}

export function undo(history: EditHistory): EditHistory {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: EditHistory): EditHistory {
  const next = history.future[0];
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}
