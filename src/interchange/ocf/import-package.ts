import {
  type Currency,
  type ExchangeRate,
  isCurrency,
  currency as toCurrency,
} from "../../core/exact/money.js";
import { applyTransaction } from "../../core/ledger/apply.js";
import type { CapTable } from "../../core/ledger/cap-table.js";
import type { Ledger, OptionPoolDefinition } from "../../core/ledger/ledger.js";
import { openingCapTable, replay } from "../../core/ledger/replay.js";
import type { ShareClass } from "../../core/ledger/share-class.js";
import type { Stakeholder } from "../../core/ledger/stakeholder.js";
import type { Transaction } from "../../core/ledger/transaction.js";
import type { VestingSchedule } from "../../core/ledger/vesting.js";
import { type SecurityId, securityId, type TransactionId, transactionId } from "../../core/shared/ids.js";
import { LIMITS } from "../../core/shared/limits.js";
import { type Problem, problem, type Result, warning } from "../../core/shared/problem.js";
import { fingerprint } from "./fingerprint.js";
import { readCompany, readPool, readShareClass, readStakeholder } from "./import-objects.js";
import { issuanceWithoutCounterpart, mapTransaction, type TxMappingContext } from "./import-transactions.js";
import { isJsonObject, type Json, type JsonObject } from "./json.js";
import {
  OCF_VERSION,
  type OcfEntry,
  type OcfImport,
  type OcfImportReport,
  type OcfMapping,
  type OcfPackage,
} from "./model.js";
import {
  canonicalType,
  isIssuance,
  locate,
  objectId,
  objectType,
  type PackageObject,
  packageObjects,
  str,
  strList,
} from "./package-objects.js";
import { ocfProblem, ocfWarning } from "./problems.js";
import { checkReferences } from "./references.js";
import { readVestingTerms } from "./vesting-terms.js";

export interface OcfMapOptions {
  /**
   * "fail" (the default): any broken reference, hash mismatch or object the ledger rejects fails
   * the import. "preserve": such objects are set aside, kept verbatim and reported (OCF-MAP-40).
   */
  readonly onInconsistency?: "fail" | "preserve";
  /** The ledger's currency; by default the currency most amounts of the package are in (OCF-MAP-2). */
  readonly currency?: Currency;
  /** Rates between the package's currencies and the ledger's, which the ledger needs to accept amounts in other currencies. */
  readonly exchangeRates?: readonly ExchangeRate[];
  /** Warnings found while reading the package (hash mismatches in "preserve" mode), carried into the report. */
  readonly readWarnings?: readonly Problem[];
}

interface Group {
  readonly owner: PackageObject;
  readonly absorbed: readonly PackageObject[];
  readonly txs: readonly Transaction[];
  readonly aliases: Readonly<Record<string, string>>;
}

/**
 * Maps a read and validated OCF package into a ledger (OCF-MAP-*). Pure: no I/O. Every object
 * either maps, or is kept verbatim in `preserved` with the reason it does not, and counted in
 * the report; nothing is dropped.
 */
export function mapOcfPackage(pkg: OcfPackage, options: OcfMapOptions = {}): Result<OcfImport> {
  const mode = options.onInconsistency ?? "fail";
  const objects = packageObjects(pkg);
  const issuer = isJsonObject(pkg.manifest.issuer) ? pkg.manifest.issuer : {};
  const problems: Problem[] = [];
  const setAside = new Map<number, string>();
  const notes = new Map<number, string>();
  const records = new Map<number, OcfMapping>();
  const warnings: Problem[] = [...(options.readWarnings ?? [])];
  const putAside = (o: PackageObject, p: Problem, consequence = false) => {
    if (!setAside.has(o.seq)) setAside.set(o.seq, p.message);
    if (!consequence) problems.push(p);
  };
  for (const { seq, problem: p } of checkReferences(objects, str(issuer, "id")).problems) {
    putAside(objects[seq]!, p);
  }

  const currency = options.currency ?? dominantCurrency(objects) ?? toCurrency("USD");
  const company = readCompany(issuer, currency, options.exchangeRates ?? []);
  const live = (kind: PackageObject["kind"]) =>
    objects.filter((o) => o.kind === kind && !setAside.has(o.seq));

  const stakeholders: Stakeholder[] = [];
  for (const o of live("stakeholders")) {
    const s = readStakeholder(o);
    stakeholders.push(s);
    records.set(o.seq, { to: "stakeholder", ids: [s.id], fingerprint: fingerprint([s]) });
  }
  const classes: ShareClass[] = [];
  const classObjects = new Map<string, PackageObject>();
  for (const o of live("stock_classes")) {
    const c = readShareClass(o, warnings);
    if (!c.ok) {
      putAside(o, c.problem);
      continue;
    }
    classes.push(c.value);
    classObjects.set(c.value.id, o);
    records.set(o.seq, { to: "share_class", ids: [c.value.id], fingerprint: fingerprint([c.value]) });
  }
  const pools: OptionPoolDefinition[] = [];
  for (const o of live("stock_plans")) {
    const p = readPool(o, classes, warnings);
    if (!p.ok) {
      putAside(o, p.problem);
      continue;
    }
    pools.push(p.value);
    records.set(o.seq, { to: "pool", ids: [p.value.id], fingerprint: fingerprint([p.value]) });
  }
  const vestingSchedules: VestingSchedule[] = [];
  for (const o of live("vesting_terms")) {
    const v = readVestingTerms(o.object);
    if (!v.ok) {
      notes.set(
        o.seq,
        `${v.reason}; roundtable's schedules are a cliff then equal monthly steps (OCF-MAP-6)`,
      );
      continue;
    }
    vestingSchedules.push(v.schedule);
    records.set(o.seq, {
      to: "vesting_schedule",
      ids: [v.schedule.id],
      fingerprint: fingerprint([v.schedule]),
    });
    for (const text of v.approximations) warnings.push(ocfWarning("ocf_unmappable", locate(o), text));
  }
  for (const kind of ["valuations", "stock_legend_templates", "financings", "documents"] as const) {
    for (const o of live(kind))
      notes.set(o.seq, `${objectType(o)} objects have no counterpart in the ledger`);
  }

  const opening = openingCapTable({
    company,
    stakeholders,
    classes,
    pools,
    vestingSchedules,
    transactions: [],
  });
  if (!opening.ok) {
    // Only a conversion cycle gets here: references to unknown classes are caught above.
    for (const p of opening.problems) {
      const index = typeof p.path?.[1] === "number" ? p.path[1] : 0;
      const o = classObjects.get(classes[index]?.id ?? "");
      problems.push(o ? ocfProblem(p.code, locate(o, ["conversion_rights"]), p.message) : p);
    }
    return importFailure(problems);
  }
  const table = opening.value;

  // Pre-scan (OCF-MAP-20, OCF-MAP-21): which issuances and vesting starts another transaction stands for.
  const issuances = new Map<string, PackageObject>();
  for (const o of objects) {
    if (isIssuance(o) && !setAside.has(o.seq) && !issuances.has(String(o.object.security_id))) {
      issuances.set(String(o.object.security_id), o);
    }
  }
  const anyIssuance = new Map<string, PackageObject>();
  for (const o of objects) {
    if (isIssuance(o) && !anyIssuance.has(String(o.object.security_id)))
      anyIssuance.set(String(o.object.security_id), o);
  }
  const setAsideSecurities = new Set<string>();
  for (const o of objects)
    if (isIssuance(o) && setAside.has(o.seq)) setAsideSecurities.add(String(o.object.security_id));
  const absorbedBy = new Map<number, number>();
  for (const o of objects) {
    if (o.kind !== "transactions" || isIssuance(o) || setAside.has(o.seq)) continue;
    const created = strList(o.object, "resulting_security_ids");
    const balance = str(o.object, "balance_security_id");
    if (balance !== undefined) created.push(balance);
    if (created.length === 0) continue;
    // Set-aside issuances count here too: what results from a transaction on them is set aside with it.
    const from = issuances.get(String(o.object.security_id)) ?? anyIssuance.get(String(o.object.security_id));
    if (!from || issuanceWithoutCounterpart(from.object) !== undefined) continue;
    for (const id of new Set(created)) {
      const issuance = issuances.get(id) ?? anyIssuance.get(id);
      if (issuance && !absorbedBy.has(issuance.seq)) absorbedBy.set(issuance.seq, o.seq);
    }
  }
  const vestingMapped = new Set<string>(vestingSchedules.map((v) => v.id));
  const vestingStarts = new Map<string, PackageObject>();
  for (const o of objects) {
    if (canonicalType(objectType(o)) !== "TX_VESTING_START" || setAside.has(o.seq)) continue;
    const security = String(o.object.security_id);
    const issuance = issuances.get(security);
    if (
      !issuance ||
      vestingStarts.has(security) ||
      absorbedBy.has(issuance.seq) ||
      issuanceWithoutCounterpart(issuance.object) !== undefined ||
      !vestingMapped.has(String(issuance.object.vesting_terms_id))
    ) {
      continue;
    }
    vestingStarts.set(security, o);
    absorbedBy.set(o.seq, issuance.seq);
  }

  const txIds = new Set(objects.filter((o) => o.kind === "transactions").map(objectId));
  const issued = new Set<string>();
  const plans = new Map(live("stock_plans").map((o) => [objectId(o), o.object]));
  const ctx: TxMappingContext = {
    table,
    aliases: new Map<string, SecurityId>(),
    issuances,
    vestingStarts,
    vestingMapped,
    plans,
    setAsideSecurities,
    currency,
    newTxId(base: string): TransactionId {
      let id = base;
      for (let n = 2; issued.has(id) || (id !== base && txIds.has(id)); n += 1) id = `${base}#${n}`;
      issued.add(id);
      return transactionId(id);
    },
  };

  const ordered = objects
    .filter((o) => o.kind === "transactions" && !absorbedBy.has(o.seq))
    .sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a.seq - b.seq));
  const ledgerTxs: Transaction[] = [];
  const troubled = new Set<string>();
  const groups = new Map<number, Group>();
  const markSecuritiesAside = (o: PackageObject, absorbed: readonly PackageObject[]) => {
    for (const x of [o, ...absorbed]) if (isIssuance(x)) setAsideSecurities.add(String(x.object.security_id));
    for (const id of strList(o.object, "resulting_security_ids")) setAsideSecurities.add(id);
    const balance = str(o.object, "balance_security_id");
    if (balance !== undefined) setAsideSecurities.add(balance);
  };
  for (const o of ordered) {
    if (problems.length > LIMITS.ocfProblems && mode === "fail") break;
    if (setAside.has(o.seq)) {
      markSecuritiesAside(o, []);
      continue;
    }
    const created = [
      ...strList(o.object, "resulting_security_ids"),
      ...(str(o.object, "balance_security_id") === undefined ? [] : [str(o.object, "balance_security_id")!]),
    ];
    const lost = created.find((id) => setAsideSecurities.has(id) || !issuances.has(id));
    if (lost !== undefined && !isIssuance(o)) {
      putAside(
        o,
        ocfProblem(
          "ocf_broken_reference",
          locate(o),
          `creates security "${lost}", whose issuance was set aside`,
        ),
        true,
      );
      markSecuritiesAside(o, []);
      continue;
    }
    const m = mapTransaction(ctx, o);
    if (m.kind === "unmapped") {
      notes.set(o.seq, m.reason);
      continue;
    }
    if (m.kind === "problem") {
      // A second problem on a security already in trouble follows from the first: reported once.
      const security = str(o.object, "security_id");
      const followOn = security !== undefined && troubled.has(security);
      putAside(o, m.problem, m.consequence || followOn);
      if (security !== undefined) troubled.add(security);
      markSecuritiesAside(o, []);
      continue;
    }
    const asideAbsorbed = m.absorbed.find((a) => setAside.has(a.seq));
    if (asideAbsorbed) {
      putAside(
        o,
        ocfProblem(
          "ocf_broken_reference",
          locate(o),
          `creates security "${String(asideAbsorbed.object.security_id)}", whose issuance was set aside`,
        ),
        true,
      );
      markSecuritiesAside(o, m.absorbed);
      continue;
    }
    const rejected = applyAtomically(table, m.txs);
    if (rejected) {
      const security = str(o.object, "security_id");
      putAside(
        o,
        ocfProblem(rejected.code, locate(o), rejected.message),
        security !== undefined && troubled.has(security),
      );
      if (security !== undefined) troubled.add(security);
      markSecuritiesAside(o, m.absorbed);
      continue;
    }
    ledgerTxs.push(...m.txs);
    for (const [balance, target] of Object.entries(m.aliases)) ctx.aliases.set(balance, securityId(target));
    warnings.push(...m.approximations);
    groups.set(o.seq, { owner: o, absorbed: m.absorbed, txs: m.txs, aliases: m.aliases });
  }
  for (const group of groups.values()) {
    const mapping: OcfMapping = {
      to: "transactions",
      ids: group.txs.map((t) => t.id),
      fingerprint: fingerprint(group.txs),
      ...(Object.keys(group.aliases).length > 0 ? { aliases: group.aliases } : {}),
    };
    for (const x of [group.owner, ...group.absorbed]) records.set(x.seq, mapping);
  }
  for (const [seq, owner] of absorbedBy) {
    if (records.has(seq) || setAside.has(seq)) continue;
    const o = objects[seq]!;
    if (setAside.has(owner)) {
      putAside(
        o,
        ocfProblem(
          "ocf_broken_reference",
          locate(o),
          `belongs to ${objectType(objects[owner]!)} "${objectId(objects[owner]!)}", which was set aside`,
        ),
        true,
      );
    } else {
      notes.set(
        seq,
        `belongs to ${objectType(objects[owner]!)} "${objectId(objects[owner]!)}", which has no counterpart in the ledger`,
      );
    }
  }

  if (mode === "fail" && problems.length > 0) return importFailure(problems);
  for (const p of problems) warnings.push(warning(p.code, p.message, p.path));

  const ledger: Ledger = { company, stakeholders, classes, pools, vestingSchedules, transactions: ledgerTxs };
  const check = replay(ledger);
  if (!check.ok) {
    // Every transaction was applied in this order above; a replay that disagrees is a bug.
    throw new Error(`OCF import built a ledger that does not replay: ${check.problems[0]?.message ?? ""}`);
  }
  const entries: OcfEntry[] = objects.map((o) => {
    const mapped = records.get(o.seq);
    const note = setAside.get(o.seq) ?? notes.get(o.seq);
    return {
      file: o.kind,
      object: o.object,
      ...(mapped && !setAside.has(o.seq) ? { mapped } : {}),
      ...(mapped && !setAside.has(o.seq) ? {} : { note: note ?? "has no counterpart in the ledger" }),
    };
  });
  const report: OcfImportReport = {
    mapped: countBy(
      objects.filter((o) => records.has(o.seq) && !setAside.has(o.seq)),
      { ISSUER: 1 },
    ),
    unmapped: countBy(objects.filter((o) => !records.has(o.seq) && !setAside.has(o.seq))),
    unresolved: countBy(objects.filter((o) => setAside.has(o.seq))),
    warnings,
  };
  const comments = Array.isArray(pkg.manifest.comments)
    ? pkg.manifest.comments.filter((c): c is string => typeof c === "string")
    : undefined;
  return {
    ok: true,
    value: {
      ledger,
      preserved: {
        format: "roundtable-ocf-preserved/1",
        ocfVersion: OCF_VERSION,
        manifest: {
          issuer,
          asOf: String(pkg.manifest.as_of),
          ...(comments === undefined ? {} : { comments }),
        },
        entries,
      },
      report,
    },
    warnings,
  };
}

/** The failure of an import: its problems, at most LIMITS.ocfProblems of them and a count of the rest. */
export function importFailure(problems: readonly Problem[]): Result<OcfImport> {
  if (problems.length === 0) throw new Error("importFailure called without problems");
  const shown = problems.slice(0, LIMITS.ocfProblems);
  if (problems.length > shown.length) {
    shown.push(
      problem(problems[0]!.code, `… and ${problems.length - shown.length} more problems in the package`),
    );
  }
  return { ok: false, problems: shown };
}

/** Applies a group of ledger transactions all or nothing; returns the first rejection. */
function applyAtomically(table: CapTable, txs: readonly Transaction[]): Problem | undefined {
  if (txs.length === 1) return applyTransaction(table, txs[0]!);
  const trial = table.clone();
  for (const tx of txs) {
    const rejected = applyTransaction(trial, tx);
    if (rejected) return rejected;
  }
  copyInto(table, trial);
  return undefined;
}

function copyInto(target: CapTable, source: CapTable): void {
  const maps = [
    [target.stakeholders, source.stakeholders],
    [target.classes, source.classes],
    [target.pools, source.pools],
    [target.vestingSchedules, source.vestingSchedules],
    [target.securities, source.securities],
    [target.issuedByClass, source.issuedByClass],
  ] as [Map<unknown, unknown>, Map<unknown, unknown>][];
  for (const [to, from] of maps) {
    to.clear();
    for (const [k, v] of from) to.set(k, v);
  }
  for (const id of source.usedSecurityIds) target.usedSecurityIds.add(id);
}

function dateOf(o: PackageObject): string {
  return typeof o.object.date === "string" ? o.object.date : "";
}

function countBy(
  objects: readonly PackageObject[],
  start: Record<string, number> = {},
): Record<string, number> {
  const out: Record<string, number> = { ...start };
  for (const o of objects) out[objectType(o)] = (out[objectType(o)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The currency most Monetary amounts of the package are in; ties go to the first in code order (OCF-MAP-2). */
function dominantCurrency(objects: readonly PackageObject[]): Currency | undefined {
  const counts = new Map<string, number>();
  const walk = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isJsonObject(value)) {
      if (
        typeof value.amount === "string" &&
        typeof value.currency === "string" &&
        isCurrency(value.currency)
      ) {
        counts.set(value.currency, (counts.get(value.currency) ?? 0) + 1);
      }
      for (const v of Object.values(value)) walk(v);
    }
  };
  for (const o of objects) walk(o.object as JsonObject);
  let best: string | undefined;
  for (const [code, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (best === undefined || n > counts.get(best)!) best = code;
  }
  return best === undefined ? undefined : toCurrency(best);
}
