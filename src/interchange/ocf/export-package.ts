import { Rational } from "../../core/exact/rational.js";
import type { Ledger } from "../../core/ledger/ledger.js";
import { openingCapTable, orderedTransactions, replay } from "../../core/ledger/replay.js";
import type { Transaction } from "../../core/ledger/transaction.js";
import type { IsoDate } from "../../core/shared/date.js";
import { ok, type Problem, problem, type Result } from "../../core/shared/problem.js";
import { overlay, type Written, writePool, writeShareClass, writeStakeholder } from "./export-objects.js";
import { TransactionWriter } from "./export-transactions.js";
import { fingerprint } from "./fingerprint.js";
import { isJsonObject, type JsonObject, stringifyStable } from "./json.js";
import {
  OCF_FILE_KIND_SPECS,
  OCF_FILE_KINDS,
  OCF_MANIFEST_FILE_NAME,
  OCF_MANIFEST_FILE_TYPE,
  OCF_VERSION,
  type OcfEntry,
  type OcfFileKind,
  type OcfMapping,
  type OcfPreserved,
} from "./model.js";
import { md5Hex } from "./package-assembly.js";
import { isProblem } from "./problems.js";
import { writeVestingTerms } from "./vesting-terms.js";

export interface OcfBuildOptions {
  /** The manifest's generated_at, an ISO 8601 date-time: the one value that differs between two exports of one ledger. */
  readonly generatedAt: string;
  /** The manifest's as_of; by default the later of the preserved as_of and the last transaction date (OCF-EXP-3). */
  readonly asOf?: IsoDate;
  /** Issuer details OCF requires and the ledger does not hold; needed when no preserved issuer gives them. */
  readonly issuer?: { readonly id?: string; readonly countryOfFormation?: string };
}

export interface OcfExportReport {
  /** Objects written, by OCF object type (the manifest's issuer counts as ISSUER). */
  readonly written: Readonly<Record<string, number>>;
  /** Objects written verbatim from the preserved package. */
  readonly kept: number;
  /** Objects written from the ledger: records without a preserved object, or changed since the import. */
  readonly generated: number;
  /** Ledger details OCF 1.2.0 has no place for, or writes by convention (OCF-EXP-10). */
  readonly omitted: readonly string[];
  /** Preserved objects not written because the ledger records they stood for changed or were removed (OCF-EXP-4). */
  readonly dropped: readonly string[];
}

export interface BuiltOcfPackage {
  readonly manifest: JsonObject;
  /** Object files in manifest order; the required kinds always, the optional ones when they hold objects. */
  readonly files: readonly {
    readonly kind: OcfFileKind;
    readonly path: string;
    readonly items: readonly JsonObject[];
  }[];
  readonly report: OcfExportReport;
}

interface Counters {
  kept: number;
  generated: number;
  readonly omitted: string[];
  readonly dropped: string[];
}

/**
 * A ledger and what its import preserved, as an OCF package (OCF-EXP-*). Pure: the same ledger,
 * preserved data and options give the same package. Preserved objects are written verbatim while
 * the ledger records they stand for are unchanged (OCF-RT-2); the rest is written from the ledger.
 */
export function buildOcfPackage(
  ledger: Ledger,
  preserved: OcfPreserved | undefined,
  options: OcfBuildOptions,
): Result<BuiltOcfPackage> {
  const replayed = replay(ledger);
  if (!replayed.ok) return replayed;
  const opening = openingCapTable({ ...ledger, transactions: [] });
  if (!opening.ok) return opening;
  const entries = preserved?.entries ?? [];
  const counters: Counters = { kept: 0, generated: 0, omitted: [], dropped: [] };
  const validity = validityOf(ledger);

  const commonSeniority = lowestPreferredSeniority(ledger).sub(Rational.ONE);
  const objectFiles = new Map<OcfFileKind, JsonObject[]>();
  const written: [OcfFileKind, readonly { id: string }[], (r: never) => Written][] = [
    ["stakeholders", ledger.stakeholders, (s) => writeStakeholder(s)],
    ["stock_classes", ledger.classes, (c) => writeShareClass(c, commonSeniority)],
    ["stock_plans", ledger.pools, (p) => writePool(p)],
    [
      "vesting_terms",
      ledger.vestingSchedules,
      (v) => {
        const terms = writeVestingTerms(v);
        return typeof terms === "string"
          ? { problem: problem("ocf_export_incomplete", terms) }
          : { object: terms, omitted: [] };
      },
    ],
  ];
  for (const [kind, records, write] of written) {
    const items = emitRecords(
      kind,
      records,
      write as (r: { id: string }) => Written,
      entries,
      validity,
      counters,
    );
    if (!Array.isArray(items)) return { ok: false, problems: [items] };
    objectFiles.set(kind, items);
  }
  for (const kind of ["valuations", "stock_legend_templates", "financings", "documents"] as const) {
    const items = entries.filter((e) => e.file === kind).map((e) => e.object);
    counters.kept += items.length;
    objectFiles.set(kind, items);
  }

  const startConditions = new Map<string, string>();
  for (const terms of objectFiles.get("vesting_terms") ?? []) {
    const conditions = Array.isArray(terms.vesting_conditions) ? terms.vesting_conditions : [];
    const start = conditions.find(
      (c) => isJsonObject(c) && isJsonObject(c.trigger) && c.trigger.type === "VESTING_START_DATE",
    );
    if (isJsonObject(start) && typeof start.id === "string") startConditions.set(String(terms.id), start.id);
  }
  const writer = new TransactionWriter(opening.value, ledger.company.currency, (id) =>
    startConditions.get(id),
  );
  const transactions = emitTransactions(ledger.transactions, entries, validity, writer, counters);
  if (!Array.isArray(transactions)) return { ok: false, problems: [transactions] };
  objectFiles.set("transactions", transactions);

  const issuer = writeIssuer(ledger, preserved, options);
  if (isProblem(issuer)) return { ok: false, problems: [issuer] };
  const lastDate = ledger.transactions.reduce<string | undefined>(
    (max, t) => (max === undefined || t.date > max ? t.date : max),
    undefined,
  );
  const asOf =
    options.asOf ??
    [preserved?.manifest.asOf, lastDate]
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1) ??
    ledger.company.formationDate ??
    options.generatedAt.slice(0, 10);
  const manifest: JsonObject = {
    ocf_version: OCF_VERSION,
    file_type: OCF_MANIFEST_FILE_TYPE,
    issuer,
    as_of: asOf,
    generated_at: options.generatedAt,
    ...(preserved?.manifest.comments ? { comments: [...preserved.manifest.comments] } : {}),
  };
  const files = OCF_FILE_KINDS.flatMap((kind) => {
    const items = objectFiles.get(kind) ?? [];
    const spec = OCF_FILE_KIND_SPECS[kind];
    return spec.required || items.length > 0 ? [{ kind, path: spec.fileName, items }] : [];
  });
  const counts: Record<string, number> = { ISSUER: 1 };
  for (const f of files)
    for (const o of f.items) counts[String(o.object_type)] = (counts[String(o.object_type)] ?? 0) + 1;
  return ok({
    manifest,
    files,
    report: {
      written: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))),
      kept: counters.kept,
      generated: counters.generated,
      omitted: counters.omitted,
      dropped: counters.dropped,
    },
  });
}

/** The bytes of every file of a built package, the manifest first with each file's path and MD5 (OCF-EXP-1, OCF-EXP-2). */
export function serializeOcfPackage(
  built: BuiltOcfPackage,
): { readonly path: string; readonly bytes: Uint8Array }[] {
  const encoder = new TextEncoder();
  const files = built.files.map((f) => ({
    kind: f.kind,
    path: f.path,
    bytes: encoder.encode(
      stringifyStable({ file_type: OCF_FILE_KIND_SPECS[f.kind].fileType, items: [...f.items] }),
    ),
  }));
  const manifest: JsonObject = { ...built.manifest };
  for (const kind of OCF_FILE_KINDS) {
    const spec = OCF_FILE_KIND_SPECS[kind];
    const listed = files
      .filter((f) => f.kind === kind)
      .map((f) => ({ filepath: `./${f.path}`, md5: md5Hex(f.bytes) }));
    if (spec.required || listed.length > 0) manifest[spec.manifestKey] = listed;
  }
  return [
    { path: OCF_MANIFEST_FILE_NAME, bytes: encoder.encode(stringifyStable(manifest)) },
    ...files.map(({ path, bytes }) => ({ path, bytes })),
  ];
}

type Validity = (mapping: OcfMapping) => boolean;

/** Whether a preserved mapping still describes the ledger: every record it names exists with the fingerprint it had (OCF-RT-2). */
function validityOf(ledger: Ledger): Validity {
  const byKind: Record<OcfMapping["to"], Map<string, unknown>> = {
    stakeholder: new Map(ledger.stakeholders.map((r) => [r.id, r])),
    share_class: new Map(ledger.classes.map((r) => [r.id, r])),
    pool: new Map(ledger.pools.map((r) => [r.id, r])),
    vesting_schedule: new Map(ledger.vestingSchedules.map((r) => [r.id, r])),
    transactions: new Map(ledger.transactions.map((r) => [r.id, r])),
  };
  const cache = new Map<string, boolean>();
  return (mapping) => {
    const key = `${mapping.to}|${mapping.ids.join("\u0000")}|${mapping.fingerprint}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const records = mapping.ids.map((id) => byKind[mapping.to].get(id));
    const valid = records.every((r) => r !== undefined) && fingerprint(records) === mapping.fingerprint;
    cache.set(key, valid);
    return valid;
  };
}

function mappingKey(m: OcfMapping): string {
  return `${m.to}|${m.ids.join("\u0000")}|${m.fingerprint}`;
}

/** Unmapped entries of one file, grouped by the mapped entry before them (their anchor), or -1 at the start (OCF-EXP-4). */
function anchorsOf(list: readonly OcfEntry[]): Map<number, OcfEntry[]> {
  const anchors = new Map<number, OcfEntry[]>();
  let anchor = -1;
  for (const [i, e] of list.entries()) {
    if (e.mapped) anchor = i;
    else anchors.set(anchor, [...(anchors.get(anchor) ?? []), e]);
  }
  return anchors;
}

/** The objects of one file kind: ledger records in ledger order, each verbatim or written, with preserved unmapped objects kept in place. */
function emitRecords(
  kind: OcfFileKind,
  records: readonly { id: string }[],
  write: (r: { id: string }) => Written,
  entries: readonly OcfEntry[],
  valid: Validity,
  counters: Counters,
): JsonObject[] | Problem {
  const list = entries.filter((e) => e.file === kind);
  const anchors = anchorsOf(list);
  const byRecord = new Map<string, number>();
  for (const [i, e] of list.entries())
    if (e.mapped && !byRecord.has(e.mapped.ids[0]!)) byRecord.set(e.mapped.ids[0]!, i);
  const out: JsonObject[] = [];
  const emitted = new Set<number>();
  const anchored = (i: number) => {
    for (const e of anchors.get(i) ?? []) {
      out.push(e.object);
      counters.kept += 1;
    }
  };
  anchored(-1);
  for (const record of records) {
    const i = byRecord.get(record.id);
    const entry = i === undefined ? undefined : list[i];
    if (entry?.mapped && valid(entry.mapped)) {
      out.push(entry.object);
      counters.kept += 1;
    } else {
      const w = write(record);
      if ("problem" in w) return w.problem;
      out.push(entry ? overlay(entry.object, w.object) : w.object);
      counters.generated += 1;
      counters.omitted.push(...w.omitted);
    }
    if (i !== undefined) {
      emitted.add(i);
      anchored(i);
    }
  }
  for (const [i, e] of list.entries()) {
    if (!e.mapped || emitted.has(i)) continue;
    counters.dropped.push(
      `${String(e.object.object_type)} "${String(e.object.id)}": its ledger record "${e.mapped.ids[0]}" is no longer in the ledger`,
    );
    anchored(i);
  }
  return out;
}

/**
 * The transactions file (OCF-EXP-4, OCF-EXP-7): ledger transactions in replay order, each group of
 * preserved objects verbatim while its ledger transactions are unchanged, the others written from
 * the ledger; preserved unmapped transactions after the object they followed; then ordered by date,
 * stably.
 */
function emitTransactions(
  ledgerTxs: readonly Transaction[],
  entries: readonly OcfEntry[],
  valid: Validity,
  writer: TransactionWriter,
  counters: Counters,
): JsonObject[] | Problem {
  const list = entries.filter((e) => e.file === "transactions");
  const anchors = anchorsOf(list);
  const groups = new Map<string, number[]>();
  const groupOfTx = new Map<string, string>();
  for (const [i, e] of list.entries()) {
    if (!e.mapped) continue;
    const key = mappingKey(e.mapped);
    if (!groups.has(key)) for (const id of e.mapped.ids) if (!groupOfTx.has(id)) groupOfTx.set(id, key);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const out: JsonObject[] = [];
  const reached = new Set<string>();
  const anchored = (members: readonly number[]) => {
    for (const i of members) {
      for (const e of anchors.get(i) ?? []) {
        out.push(e.object);
        counters.kept += 1;
      }
    }
  };
  anchored([-1]);
  for (const tx of orderedTransactions(ledgerTxs)) {
    const key = groupOfTx.get(tx.id);
    const members = key === undefined ? undefined : groups.get(key);
    const first = key !== undefined && !reached.has(key);
    if (key !== undefined) reached.add(key);
    const mapping = members === undefined ? undefined : list[members[0]!]!.mapped!;
    if (members && mapping && valid(mapping)) {
      const objects = first ? members.map((i) => list[i]!.object) : [];
      const rejected = writer.keep(tx, objects, first ? (mapping.aliases ?? {}) : {});
      if (rejected) return rejected;
      if (first) {
        out.push(...objects);
        counters.kept += objects.length;
        anchored(members);
      }
      continue;
    }
    const w = writer.write(tx);
    if (isProblem(w)) return w;
    out.push(...w.objects);
    counters.generated += w.objects.length;
    counters.omitted.push(...w.omitted);
    if (members && first) {
      counters.dropped.push(
        `${members.map((i) => `${String(list[i]!.object.object_type)} "${String(list[i]!.object.id)}"`).join(", ")}: rewritten from the ledger, whose transactions ${mapping!.ids.join(", ")} changed since the import`,
      );
      anchored(members);
    }
  }
  for (const [key, members] of groups) {
    if (reached.has(key)) continue;
    counters.dropped.push(
      `${members.map((i) => `${String(list[i]!.object.object_type)} "${String(list[i]!.object.id)}"`).join(", ")}: their ledger transactions are no longer in the ledger`,
    );
    anchored(members);
  }
  return out
    .map((o, i) => ({ o, i, date: String(o.date ?? "") }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
    .map(({ o }) => o);
}

/** The manifest's issuer (OCF-EXP-3): the preserved one with the ledger's name and formation date, or one written from the ledger. */
function writeIssuer(
  ledger: Ledger,
  preserved: OcfPreserved | undefined,
  options: OcfBuildOptions,
): JsonObject | Problem {
  const { company } = ledger;
  const given = options.issuer ?? {};
  if (preserved) {
    const issuer: JsonObject = { ...preserved.manifest.issuer, legal_name: company.name };
    if (company.formationDate !== undefined) issuer.formation_date = company.formationDate;
    if (given.id !== undefined) issuer.id = given.id;
    if (given.countryOfFormation !== undefined) issuer.country_of_formation = given.countryOfFormation;
    return issuer;
  }
  if (company.formationDate === undefined) {
    return problem(
      "ocf_export_incomplete",
      "OCF requires the issuer's formation date; the company has none: add formed: YYYY-MM-DD under company in the deal file (the date of incorporation)",
    );
  }
  if (given.countryOfFormation === undefined || !/^[A-Z]{2}$/.test(given.countryOfFormation)) {
    return problem(
      "ocf_export_incomplete",
      "OCF requires the issuer's country of formation (ISO 3166-1 alpha-2, e.g. US); the ledger does not hold it: give it as an export option",
    );
  }
  return {
    object_type: "ISSUER",
    id: given.id ?? (slug(company.name) || "issuer"),
    legal_name: company.name,
    formation_date: company.formationDate,
    country_of_formation: given.countryOfFormation,
  };
}

function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function lowestPreferredSeniority(ledger: Ledger): Rational {
  let lowest = Rational.ONE;
  for (const c of ledger.classes) {
    if (c.type === "preferred" && c.preference) {
      const s = Rational.fromNumberText(c.preference.seniority);
      if (s.lt(lowest)) lowest = s;
    }
  }
  return lowest;
}
