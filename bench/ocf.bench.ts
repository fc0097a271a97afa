import { currency, money } from "../src/core/exact/money.js";
import { Rational } from "../src/core/exact/rational.js";
import type { Ledger } from "../src/core/ledger/ledger.js";
import type { Transaction } from "../src/core/ledger/transaction.js";
import { addMonths, isoDate } from "../src/core/shared/date.js";
import { poolId, securityId, shareClassId, stakeholderId, transactionId } from "../src/core/shared/ids.js";
import { buildCheckedOcfPackage } from "../src/interchange/ocf/export.js";
import { importOcfFiles } from "../src/interchange/ocf/import.js";
import { resolveOcfSchemaDir } from "../src/interchange/ocf/schema-location.js";
import { loadOcfSchemas } from "../src/interchange/ocf/schema-validator.js";
import { type BenchReport, timeMedian } from "./harness.js";

const USD = currency("USD");

/**
 * A company with `holders` holders: each gets common shares and an option grant, then a share of
 * them transfers shares, exercises and has options cancelled, month by month. Deterministic.
 */
export function syntheticLedger(holders: number): Ledger {
  const common = shareClassId("common");
  const plan = poolId("plan");
  const ids = Array.from({ length: holders }, (_, i) => stakeholderId(`h${i}`));
  const txs: Transaction[] = [];
  let n = 0;
  const next = () => {
    n += 1;
    return n;
  };
  const start = isoDate("2020-01-01");
  for (const [i, holder] of ids.entries()) {
    const k = next();
    const date = addMonths(start, i % 24);
    txs.push({
      type: "stock_issuance",
      id: transactionId(`t${k}`),
      date,
      security: securityId(`s${k}`),
      holder,
      classId: common,
      shares: 10_000n + BigInt(i),
      pricePerShare: money("0.01", USD),
      investedAmount: undefined,
      vestingId: undefined,
      vestingStart: undefined,
    });
    const g = next();
    txs.push({
      type: "option_grant",
      id: transactionId(`t${g}`),
      date,
      security: securityId(`o${i}`),
      holder,
      poolId: plan,
      classId: undefined,
      optionType: "option",
      quantity: 1_000n,
      exercisePrice: money("0.10", USD),
      vestingId: undefined,
      vestingStart: undefined,
      expirationDate: undefined,
    });
  }
  for (const [i, holder] of ids.entries()) {
    const date = addMonths(start, 30 + (i % 24));
    if (i % 3 === 0) {
      const k = next();
      txs.push({
        type: "transfer",
        id: transactionId(`t${k}`),
        date,
        from: holder,
        to: ids[(i + 1) % holders]!,
        classId: common,
        shares: 1_000n,
        security: securityId(`s${2 * i + 1}`),
        resultingSecurity: securityId(`r${k}`),
        pricePerShare: money("0.50", USD),
      });
    }
    if (i % 3 === 1) {
      const k = next();
      txs.push({
        type: "exercise",
        id: transactionId(`t${k}`),
        date,
        security: securityId(`o${i}`),
        quantity: 400n,
        resultingSecurity: securityId(`x${k}`),
      });
    }
    if (i % 3 === 2) {
      const k = next();
      txs.push({
        type: "cancellation",
        id: transactionId(`t${k}`),
        date,
        security: securityId(`o${i}`),
        quantity: 250n,
      });
    }
  }
  return {
    company: { name: "Synthetic Co", formationDate: start, currency: USD, exchangeRates: [] },
    stakeholders: ids.map((id) => ({
      kind: "stakeholder" as const,
      id,
      name: `Holder ${id}`,
      type: "individual" as const,
      aliases: [],
    })),
    classes: [
      {
        kind: "share_class",
        id: common,
        name: "Common",
        type: "common",
        authorizedShares: undefined,
        originalIssuePrice: undefined,
        conversionPrice: undefined,
        baseConversionRatio: Rational.ONE,
        convertsTo: undefined,
        preference: undefined,
        antiDilution: "none",
        dividends: undefined,
        ipoRatchetMultiple: undefined,
      },
    ],
    pools: [{ id: plan, name: "Plan", classId: common, initialReserved: BigInt(holders) * 2_000n }],
    vestingSchedules: [],
    transactions: txs,
  };
}

export default async function (): Promise<BenchReport[]> {
  // The bench validates against the official schemas: $ROUNDTABLE_OCF_SCHEMAS, else the copy beside the checkout.
  const dir = resolveOcfSchemaDir(
    process.env.ROUNDTABLE_OCF_SCHEMAS ? undefined : "../shared/ocf/v1.2.0/schema",
  );
  if (!dir.ok || dir.value === undefined)
    return [
      {
        name: "OCF import and export",
        figures: [],
        notes: [dir.ok ? "no OCF schema folder" : dir.problems[0]!.message],
      },
    ];
  const t0 = performance.now();
  loadOcfSchemas(dir.value);
  const loadMs = performance.now() - t0;
  const options = {
    schemaDir: dir.value,
    generatedAt: "2024-01-01T00:00:00Z",
    issuer: { countryOfFormation: "US" },
  };
  const figures = [
    {
      label: "read and register the OCF 1.2.0 schemas (Ajv compiles each on first use)",
      value: loadMs,
      unit: "ms",
    },
  ];
  const notes: string[] = [];
  for (const holders of [100, 1_000, 3_000]) {
    const ledger = syntheticLedger(holders);
    let files: { path: string; bytes: Uint8Array }[] = [];
    const exportMs = timeMedian(
      () => {
        const built = buildCheckedOcfPackage(ledger, undefined, options);
        if (!built.ok) throw new Error(built.problems[0]?.message);
        files = [...built.value.files];
      },
      { warmup: 1, minRuns: 3, minMs: 200 },
    );
    const importMs = timeMedian(
      () => {
        const imported = importOcfFiles(files, options);
        if (!imported.ok) throw new Error(imported.problems[0]?.message);
      },
      { warmup: 1, minRuns: 3, minMs: 200 },
    );
    const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
    figures.push(
      {
        label: `export, checked (${ledger.transactions.length} ledger transactions, ${holders} holders)`,
        value: exportMs,
        unit: "ms",
      },
      {
        label: `import, validated (same package, ${(bytes / 1024).toFixed(0)} KiB)`,
        value: importMs,
        unit: "ms",
      },
    );
  }
  notes.push(
    "export includes validating the package it writes against the schemas and references; import includes schema validation, hashes, references and mapping",
  );
  return [{ name: "OCF import and export", figures, notes }];
}
