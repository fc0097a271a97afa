import type { CapTableReport } from "./captable-report.js";
import type { ModelReport } from "./model-report.js";

/**
 * The text forms of reports shared by adapters (the CLI prints them, the web app
 * downloads them): JSON with a two-space indent and a final newline, keys in the order
 * the report builds them; CSV per RFC 4180 with CRLF line ends (SPEC OUT-1).
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** CSV per RFC 4180: fields with commas, quotes or line breaks are quoted. */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${[header, ...rows].map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}

/** The pro forma of `roundtable model --format csv`: one row per holder and unallocated pool. */
export function modelCsv(report: ModelReport): string {
  return renderCsv(
    [
      "holder",
      "shares_before",
      "fully_diluted_shares_before",
      "fully_diluted_before",
      "shares_after",
      "fully_diluted_shares_after",
      "fully_diluted_after",
      "dilution",
      "invested",
    ],
    report.holders.map((h) => [
      h.name,
      h.sharesBefore,
      h.fullyDilutedSharesBefore,
      h.fullyDilutedBefore,
      h.sharesAfter,
      h.fullyDilutedSharesAfter,
      h.fullyDilutedAfter,
      h.dilution ?? "",
      h.invested,
    ]),
  );
}

/** The cap table of `roundtable captable --format csv`, per holder or per class. */
export function capTableCsv(report: CapTableReport, by: "holder" | "class"): string {
  const rows = by === "holder" ? report.holders : report.classes;
  return renderCsv(
    [
      "name",
      "outstanding",
      "as_converted",
      "fully_diluted",
      "outstanding_fraction",
      "as_converted_fraction",
      "fully_diluted_fraction",
    ],
    rows.map((r) => [
      r.name,
      r.outstanding,
      r.asConverted,
      r.fullyDiluted,
      r.outstandingFraction,
      r.asConvertedFraction,
      r.fullyDilutedFraction,
    ]),
  );
}
