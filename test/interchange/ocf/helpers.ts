import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import { replay } from "../../../src/core/ledger/replay.js";
import { capTableView } from "../../../src/core/ledger/views.js";
import type { IsoDate } from "../../../src/core/shared/date.js";
import type { Problem, Result } from "../../../src/core/shared/problem.js";
import type { JsonObject } from "../../../src/interchange/ocf/json.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The official OCF 1.2.0 schemas and samples, beside the checkout (never copied into it). */
export const OCF_DIR = resolve(REPO, "..", "shared", "ocf", "v1.2.0");
export const SCHEMA_DIR = join(OCF_DIR, "schema");
export const SAMPLES_DIR = join(OCF_DIR, "samples");

export function sample(name: string): JsonObject {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, name), "utf8")) as JsonObject;
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(
      `expected success, got:\n${result.problems.map((p) => `${p.code}: ${p.message}`).join("\n")}`,
    );
  return result.value;
}

export function expectProblems<T>(result: Result<T>): readonly Problem[] {
  if (result.ok) throw new Error("expected failure, got success");
  return result.problems;
}

const encoder = new TextEncoder();

export interface PackageParts {
  readonly issuer?: JsonObject;
  readonly stakeholders?: JsonObject[];
  readonly stock_classes?: JsonObject[];
  readonly stock_plans?: JsonObject[];
  readonly vesting_terms?: JsonObject[];
  readonly valuations?: JsonObject[];
  readonly stock_legend_templates?: JsonObject[];
  readonly transactions?: JsonObject[];
  readonly financings?: JsonObject[];
}

const FILES: [keyof PackageParts, string, string, string][] = [
  ["stakeholders", "stakeholders_files", "OCF_STAKEHOLDERS_FILE", "Stakeholders.ocf.json"],
  ["stock_classes", "stock_classes_files", "OCF_STOCK_CLASSES_FILE", "StockClasses.ocf.json"],
  ["stock_plans", "stock_plans_files", "OCF_STOCK_PLANS_FILE", "StockPlans.ocf.json"],
  ["vesting_terms", "vesting_terms_files", "OCF_VESTING_TERMS_FILE", "VestingTerms.ocf.json"],
  ["valuations", "valuations_files", "OCF_VALUATIONS_FILE", "Valuations.ocf.json"],
  [
    "stock_legend_templates",
    "stock_legend_templates_files",
    "OCF_STOCK_LEGEND_TEMPLATES_FILE",
    "StockLegends.ocf.json",
  ],
  ["transactions", "transactions_files", "OCF_TRANSACTIONS_FILE", "Transactions.ocf.json"],
  ["financings", "financings_files", "OCF_FINANCINGS_FILE", "Financings.ocf.json"],
];

export const ISSUER: JsonObject = {
  object_type: "ISSUER",
  id: "issuer-1",
  legal_name: "Test Co",
  formation_date: "2010-01-01",
  country_of_formation: "US",
};

/** A package in memory with correct MD5s, written the way a third-party tool might (keys as given, 2-space JSON). */
export function packageFiles(parts: PackageParts): { path: string; bytes: Uint8Array }[] {
  const files: { path: string; bytes: Uint8Array }[] = [];
  const manifest: JsonObject = {
    ocf_version: "1.2.0",
    file_type: "OCF_MANIFEST_FILE",
    issuer: parts.issuer ?? ISSUER,
    as_of: "2023-12-31",
    generated_at: "2024-01-01T00:00:00Z",
  };
  for (const [key, listKey, fileType, name] of FILES) {
    const items = parts[key] as JsonObject[] | undefined;
    if (items === undefined) {
      if (key !== "financings") manifest[listKey] = [];
      continue;
    }
    const bytes = encoder.encode(JSON.stringify({ file_type: fileType, items }, null, 2));
    files.push({ path: name, bytes });
    manifest[listKey] = [{ filepath: `./${name}`, md5: createHash("md5").update(bytes).digest("hex") }];
  }
  return [{ path: "Manifest.ocf.json", bytes: encoder.encode(JSON.stringify(manifest, null, 2)) }, ...files];
}

/** Every holder's position as plain strings, as of a date: shares per class, options, warrants, unconverted amounts; and the pools. */
export function positions(ledger: Ledger, asOf?: IsoDate): Record<string, unknown> {
  const table = replay(ledger, asOf);
  if (!table.ok) throw new Error(table.problems[0]?.message);
  const view = capTableView(table.value);
  const holders: Record<string, unknown> = {};
  for (const h of view.holders) {
    const byClass: Record<string, string> = {};
    for (const [c, n] of [...h.sharesByClass].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (n !== 0n) byClass[c] = n.toString();
    holders[h.holder] = {
      byClass,
      options: h.options.toString(),
      warrants: h.warrants.toString(),
      unconverted: h.unconverted.amount.toString(),
    };
  }
  const pools: Record<string, string> = {};
  for (const p of view.pools) pools[p.pool] = `${p.reserved}/${p.available}`;
  const classes: Record<string, string> = {};
  for (const c of view.classes)
    classes[c.classId] = `${c.issued}/${c.authorized ?? "unlimited"}/${c.conversionRatio.toString()}`;
  return { holders, pools, classes };
}

/** The distinct transaction dates of a ledger, in order. */
export function transactionDates(ledger: Ledger): IsoDate[] {
  return [...new Set(ledger.transactions.map((t) => t.date))].sort();
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
