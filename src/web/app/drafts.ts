import type { RoundEdit } from "../../app/round-session.js";

/** A round's edit and the edit it started from (the deal's terms, as the fields first wrote them). */
export interface RoundDraft {
  readonly initial: RoundEdit;
  readonly current: RoundEdit;
}

/** A source and its claims accepted from an ingested report, to be added to the deal's lists (SPEC DEAL-6). */
export interface IngestedAddition {
  readonly source: Readonly<Record<string, unknown>>;
  readonly claims: readonly Readonly<Record<string, unknown>>[];
}

/** Unsaved edits of a deal, and the stored version they were made on (the version a save expects). */
export interface DealDraft {
  readonly baseVersion: number;
  readonly rounds: Readonly<Record<string, RoundDraft>>;
  /** Sources with their claims accepted from ingested reports, in the order accepted. */
  readonly ingested?: readonly IngestedAddition[];
}

/** True when a draft holds anything to save. */
export function draftIsEmpty(draft: DealDraft): boolean {
  return Object.keys(draft.rounds).length === 0 && (draft.ingested ?? []).length === 0;
}

function isAddition(value: unknown): value is IngestedAddition {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    v.source !== null &&
    typeof v.source === "object" &&
    Array.isArray(v.claims) &&
    v.claims.every((c) => c !== null && typeof c === "object")
  );
}

const PREFIX = "roundtable:draft:";

function key(workspace: string, deal: string): string {
  return `${PREFIX}${workspace}/${deal}`;
}

function isEdit(value: unknown): value is RoundEdit {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.basis === "string" &&
    typeof v.valueText === "string" &&
    Array.isArray(v.amountTexts) &&
    (v.poolTargetText === null || typeof v.poolTargetText === "string")
  );
}

/**
 * Drafts live in localStorage, so that nothing typed is lost when a save fails, the
 * page reloads or the browser closes. A draft that cannot be read is ignored.
 */
export function readDraft(workspace: string, deal: string): DealDraft | undefined {
  try {
    const text = globalThis.localStorage?.getItem(key(workspace, deal));
    if (!text) return undefined;
    const parsed = JSON.parse(text) as { baseVersion?: unknown; rounds?: unknown; ingested?: unknown };
    if (
      typeof parsed.baseVersion !== "number" ||
      parsed.rounds === null ||
      typeof parsed.rounds !== "object"
    ) {
      return undefined;
    }
    const rounds: Record<string, RoundDraft> = {};
    for (const [id, d] of Object.entries(
      parsed.rounds as Record<string, { initial?: unknown; current?: unknown }>,
    )) {
      if (isEdit(d.initial) && isEdit(d.current)) rounds[id] = { initial: d.initial, current: d.current };
    }
    const ingested = Array.isArray(parsed.ingested) ? parsed.ingested.filter(isAddition) : [];
    return { baseVersion: parsed.baseVersion, rounds, ...(ingested.length > 0 ? { ingested } : {}) };
  } catch {
    return undefined;
  }
}

export function writeDraft(workspace: string, deal: string, draft: DealDraft | undefined): void {
  try {
    if (!draft || draftIsEmpty(draft)) globalThis.localStorage?.removeItem(key(workspace, deal));
    else globalThis.localStorage?.setItem(key(workspace, deal), JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the draft still lives in memory for this page.
  }
}
