/**
 * A plain-text table of an ingestion, for `roundtable ingest --format table`: one row per
 * claim, then the conflicts and the warnings. Amounts are written in full with their
 * hedge ("up to 100 000 000 000 USD"); nothing is rounded.
 */
import type { Rational } from "../exact/rational.js";
import type { ClaimAmount, DraftClaim, IngestOutput, PartyRef, Qualifier } from "./types.js";

function grouped(value: Rational): string {
  const text = value.toDecimalString(6);
  const [whole, fraction] = text.split(".");
  const digits = whole!.replace("-", "");
  const withSpaces = digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${whole!.startsWith("-") ? "-" : ""}${withSpaces}${fraction ? `.${fraction}` : ""}`;
}

const HEDGE: Record<Qualifier, string> = {
  exact: "",
  about: "about ",
  up_to: "up to ",
  less_than: "less than ",
  at_least: "at least ",
  more_than: "more than ",
  range: "",
};

/** An amount with its hedge: "about 40 000 000 000 USD", "10 000 000 000–100 000 000 000 USD". */
export function formatClaimAmount(amount: ClaimAmount | null, qualifier: Qualifier | null): string {
  if (!amount || !qualifier) return "—";
  if (qualifier === "range") return `${grouped(amount.min!)}–${grouped(amount.max!)} ${amount.currency}`;
  const value = amount.point ?? amount.max ?? amount.min;
  return value ? `${HEDGE[qualifier]}${grouped(value)} ${amount.currency}` : "—";
}

function party(p: PartyRef | readonly PartyRef[] | null): string {
  if (p === null) return "—";
  return Array.isArray(p) ? p.map((x) => x.name).join(" + ") : (p as PartyRef).name;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function row(c: DraftClaim): string[] {
  return [
    String(c.index),
    c.kind,
    c.subject?.name ?? "—",
    party(c.counterparty),
    `${formatClaimAmount(c.amount, c.qualifier)}${c.vague ? " (vague)" : ""}${c.currencyInferred ? " (currency?)" : ""}`,
    c.status,
    c.temporal,
    c.attribution ? clip(c.attribution.text, 40) : "—",
    `${c.evidence.start}–${c.evidence.end} ${clip(c.evidence.text, 60)}`,
  ];
}

export function renderClaimTable(output: IngestOutput): string {
  const header = [
    "#",
    "kind",
    "subject",
    "counterparty",
    "amount",
    "status",
    "time",
    "attribution",
    "evidence",
  ];
  const rows = output.claims.map(row);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  if (output.conflicts.length > 0) {
    out.push("", "conflicts:");
    for (const k of output.conflicts) out.push(`  [${k.claims.join(", ")}] ${k.type}: ${k.description}`);
  }
  if (output.warnings.length > 0) {
    out.push("", "warnings:");
    for (const w of output.warnings) out.push(`  ${w.code}: ${w.message}`);
  }
  return `${out.join("\n")}\n`;
}
