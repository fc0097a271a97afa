import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import { stakeholderId } from "../../../src/core/shared/ids.js";
import { buildCheckedOcfPackage, exportOcf } from "../../../src/interchange/ocf/export.js";
import { importOcf, importOcfFiles } from "../../../src/interchange/ocf/import.js";
import type { JsonObject } from "../../../src/interchange/ocf/json.js";
import { zipPackage } from "../../../src/interchange/ocf/package-writer.js";
import { acmeLedger, preferredClass, usd } from "./fixtures.js";
import { expectOk, expectProblems, packageFiles, SCHEMA_DIR, sample, text } from "./helpers.js";
import { commonStock, stockIssuance, tx } from "./ocf-objects.js";

const options = {
  schemaDir: SCHEMA_DIR,
  generatedAt: "2024-05-01T12:00:00Z",
  issuer: { countryOfFormation: "US" },
};
const json = (bytes: Uint8Array) => JSON.parse(text(bytes)) as JsonObject;

describe("OCF-EXP-1, OCF-EXP-2 a valid package with a manifest listing each file and its MD5", () => {
  const { files, report } = expectOk(buildCheckedOcfPackage(acmeLedger(), undefined, options));

  it("lists the required files, each with the MD5 of its bytes", () => {
    const manifest = json(files[0]!.bytes);
    expect(files.map((f) => f.path)).toEqual([
      "Manifest.ocf.json",
      "Stakeholders.ocf.json",
      "StockClasses.ocf.json",
      "StockPlans.ocf.json",
      "VestingTerms.ocf.json",
      "Valuations.ocf.json",
      "StockLegendTemplates.ocf.json",
      "Transactions.ocf.json",
    ]);
    for (const f of files.slice(1)) {
      const key = Object.keys(manifest).find(
        (k) =>
          k.endsWith("_files") && (manifest[k] as JsonObject[]).some((e) => e.filepath === `./${f.path}`),
      )!;
      const entry = (manifest[key] as JsonObject[])[0]!;
      expect(entry.md5).toBe(createHash("md5").update(f.bytes).digest("hex"));
    }
    expect(manifest).toMatchObject({
      ocf_version: "1.2.0",
      file_type: "OCF_MANIFEST_FILE",
      as_of: "2023-01-05",
      generated_at: "2024-05-01T12:00:00Z",
      issuer: {
        object_type: "ISSUER",
        id: "acme-robotics-inc",
        legal_name: "Acme Robotics, Inc.",
        formation_date: "2020-01-01",
        country_of_formation: "US",
      },
    });
    expect(report.kept).toBe(0);
    expect(report.dropped).toEqual([]);
  });

  it("writes keys in a fixed order, objects in ledger order, transactions by date", () => {
    const transactions = json(files.at(-1)!.bytes).items as JsonObject[];
    expect(Object.keys(transactions[1]!).slice(0, 4)).toEqual(["object_type", "id", "date", "security_id"]);
    const dates = transactions.map((t) => String(t.date));
    expect(dates).toEqual([...dates].sort());
    expect((json(files[1]!.bytes).items as JsonObject[]).map((s) => s.id)).toEqual([
      "ada",
      "bob",
      "vc",
      "eve",
      "bank",
    ]);
  });

  it("OCF-EXP-9 a partial transaction closes the security and issues its balance under a new id", () => {
    const transactions = json(files.at(-1)!.bytes).items as JsonObject[];
    const cancellation = transactions.find((t) => t.id === "t7")!;
    expect(cancellation).toMatchObject({
      object_type: "TX_EQUITY_COMPENSATION_CANCELLATION",
      security_id: "O-1",
      quantity: "30000",
      balance_security_id: "t7.balance",
    });
    // Eve was granted 100,000, exercised 20,000, and 30,000 are cancelled: the balance holds 50,000.
    expect(
      transactions.find(
        (t) => t.security_id === "t7.balance" && t.object_type === "TX_EQUITY_COMPENSATION_ISSUANCE",
      ),
    ).toMatchObject({ quantity: "50000", stakeholder_id: "eve" });
    // Bob's transfer of 6,000,000 (t20) takes his lots oldest first: CS-2's 5,900,000 (3,000,000 less
    // the 50,000 repurchased, doubled by the split) then 100,000 of CS-3's 200,000 (Ada's 100,000,
    // doubled). The ledger gives the fund one lot of 6,000,000; OCF gets the two parts cancelled, the
    // rest of CS-3 as a balance, and one issuance of CS-7.
    const t20 = transactions.filter((t) => String(t.id).startsWith("t20"));
    expect(t20.map((t) => [t.object_type, t.security_id, t.quantity, t.balance_security_id])).toEqual([
      ["TX_STOCK_CANCELLATION", "t8.balance", "5900000", undefined],
      ["TX_STOCK_CANCELLATION", "CS-3", "100000", "t20.2.balance"],
      ["TX_STOCK_ISSUANCE", "t20.2.balance", "100000", undefined],
      ["TX_STOCK_ISSUANCE", "CS-7", "6000000", undefined],
    ]);
  });

  it("two exports of one ledger are byte-identical, folders and zips", async () => {
    const again = expectOk(buildCheckedOcfPackage(acmeLedger(), undefined, options));
    expect(again.files.map((f) => text(f.bytes))).toEqual(files.map((f) => text(f.bytes)));
    const dir = mkdtempSync(join(tmpdir(), "ocf-out-"));
    expectOk(await exportOcf(acmeLedger(), undefined, join(dir, "a.zip"), options));
    expectOk(await exportOcf(acmeLedger(), undefined, join(dir, "b.zip"), options));
    expect(readFileSync(join(dir, "a.zip")).equals(readFileSync(join(dir, "b.zip")))).toBe(true);
    expect(Buffer.from(zipPackage(files)).equals(readFileSync(join(dir, "a.zip")))).toBe(true);
  });
});

describe("OCF-EXP-3 the issuer", () => {
  it("needs a country of formation when no import preserved one", () => {
    const [p] = expectProblems(buildCheckedOcfPackage(acmeLedger(), undefined, { ...options, issuer: {} }));
    expect(p!.code).toBe("ocf_export_incomplete");
    expect(p!.message).toBe(
      "OCF requires the issuer's country of formation (ISO 3166-1 alpha-2, e.g. US); the ledger does not hold it: give it as an export option",
    );
  });

  it("needs a formation date", () => {
    const ledger: Ledger = {
      ...acmeLedger(),
      company: { ...acmeLedger().company, formationDate: undefined },
    };
    expect(expectProblems(buildCheckedOcfPackage(ledger, undefined, options))[0]!.message).toBe(
      "OCF requires the issuer's formation date; the company has none: add formed: YYYY-MM-DD under company in the deal file (the date of incorporation)",
    );
  });
});

describe("OCF-EXP-10 what OCF has no place for is reported, and values it cannot hold are refused", () => {
  it("reports aliases, anti-dilution, uncapped participation", () => {
    const base = acmeLedger();
    const a = preferredClass("A", "1.00");
    const ledger: Ledger = {
      ...base,
      stakeholders: base.stakeholders.map((s) => (s.id === "vc" ? { ...s, aliases: ["VF1"] } : s)),
      classes: [
        base.classes[0]!,
        {
          ...a,
          antiDilution: "broad_based_weighted_average",
          preference: { ...a.preference!, participation: { kind: "full" } },
        },
      ],
    };
    const { report } = expectOk(buildCheckedOcfPackage(ledger, undefined, options));
    expect(report.omitted).toEqual([
      'stakeholder "vc": aliases (VF1) have no OCF field',
      'class "A": uncapped participation has no OCF field (OCF states only a participation cap)',
      'class "A": broad_based_weighted_average anti-dilution has no OCF 1.2.0 field',
      "transaction t11: the warrant's purchase price is not in the ledger; OCF requires one, written as 0",
      "transaction t20: a transfer taking shares from 2 lots is written as their cancellation and one issuance to the recipient",
    ]);
  });

  it("refuses a price OCF cannot write in 10 decimals", () => {
    const base = acmeLedger();
    const ledger: Ledger = {
      ...base,
      classes: [base.classes[0]!, preferredClass("A", "1.00")].map((c) =>
        c.id === "A" ? { ...c, originalIssuePrice: { ...usd("1"), amount: rat("1/3") } } : c,
      ),
    };
    expect(expectProblems(buildCheckedOcfPackage(ledger, undefined, options))[0]!.message).toBe(
      'class "A": original issue price 1/3 USD needs more than 10 decimal places, which OCF amounts cannot hold',
    );
  });
});

describe("OCF-EXP-11 nothing is written unless the whole package is valid", () => {
  it("a failing export leaves no output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ocf-out-"));
    const out = join(dir, "package");
    expectProblems(await exportOcf(acmeLedger(), undefined, out, { ...options, issuer: {} }));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an existing output is kept unless overwriting is asked for", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ocf-out-"));
    const out = join(dir, "package");
    expectOk(await exportOcf(acmeLedger(), undefined, out, options));
    const [p] = expectProblems(await exportOcf(acmeLedger(), undefined, out, options));
    expect(p!.code).toBe("output_exists");
    writeFileSync(join(out, "stale.txt"), "x");
    const written = expectOk(await exportOcf(acmeLedger(), undefined, out, { ...options, overwrite: true }));
    expect(written.path).toBe(out);
    expect(existsSync(join(out, "stale.txt"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["package"]);
    expect(
      expectOk(await importOcf(out, { schemaDir: SCHEMA_DIR })).ledger.transactions.length,
    ).toBeGreaterThan(0);
  });

  it("an output that cannot be written", async () => {
    const [p] = expectProblems(
      await exportOcf(acmeLedger(), undefined, "/nonexistent/dir/package.zip", options),
    );
    expect(p!.code).toBe("file_unwritable");
    expect(p!.message).toMatch(/^\/nonexistent\/dir\/package\.zip cannot be written: /);
  });

  it("a ledger that does not replay", () => {
    const base = acmeLedger();
    const ledger: Ledger = { ...base, transactions: base.transactions.filter((t) => t.id !== "t1") };
    const [p] = expectProblems(buildCheckedOcfPackage(ledger, undefined, options));
    expect(p!.code).toBe("transfer_exceeds_holding");
  });
});

describe("OCF-EXP-4 preserved objects: verbatim while unchanged, rewritten when the ledger changed", () => {
  const parts = () => ({
    stakeholders: sample("Stakeholders.ocf.json").items as JsonObject[],
    stock_classes: [commonStock()],
    valuations: [
      {
        object_type: "VALUATION",
        id: "v1",
        price_per_share: { amount: "1", currency: "USD" },
        effective_date: "2020-01-01",
        valuation_type: "409A",
        stock_class_id: "common",
      },
    ],
    transactions: [
      stockIssuance("i1", "2020-01-01", "s1", "stakeholder-sample-minimal-fields", "100", {
        comments: ["founder shares"],
      }),
      tx("TX_STOCK_ACCEPTANCE", "a1", "2020-01-02", { security_id: "s1" }),
      stockIssuance("i2", "2020-02-01", "s2", "d6c49a5a-257d-4b41-9f1d-073a77dfe719", "50"),
    ],
  });
  const imported = () => expectOk(importOcfFiles(packageFiles(parts()), { schemaDir: SCHEMA_DIR }));

  it("unchanged: every object written back as read, unmapped ones included", () => {
    const { ledger, preserved } = imported();
    const { files, report } = expectOk(buildCheckedOcfPackage(ledger, preserved, options));
    expect(report.generated).toBe(0);
    expect(json(files.find((f) => f.path === "Stakeholders.ocf.json")!.bytes).items).toEqual(
      parts().stakeholders,
    );
    expect(json(files.find((f) => f.path === "Valuations.ocf.json")!.bytes).items).toEqual(
      parts().valuations,
    );
    expect(json(files.find((f) => f.path === "Transactions.ocf.json")!.bytes).items).toEqual(
      parts().transactions,
    );
  });

  it("a renamed stakeholder keeps its contact details; an edited transaction is rewritten; a removed one is reported", () => {
    const { ledger, preserved } = imported();
    const edited: Ledger = {
      ...ledger,
      stakeholders: ledger.stakeholders.map((s) =>
        s.id === "stakeholder-sample-individual-all-fields" ? { ...s, name: "Person X Renamed" } : s,
      ),
      transactions: ledger.transactions
        .filter((t) => t.id !== "i2")
        .map((t) =>
          t.type === "stock_issuance" && t.id === "i1"
            ? { ...t, shares: 120n, holder: stakeholderId("stakeholder-sample-minimal-fields") }
            : t,
        ),
    };
    const { files, report } = expectOk(buildCheckedOcfPackage(edited, preserved, options));
    const people = json(files.find((f) => f.path === "Stakeholders.ocf.json")!.bytes).items as JsonObject[];
    const original = (parts().stakeholders as JsonObject[])[0]!;
    expect(people[0]).toEqual({ ...original, name: { legal_name: "Person X Renamed" } });
    const transactions = json(files.find((f) => f.path === "Transactions.ocf.json")!.bytes)
      .items as JsonObject[];
    expect(transactions.map((t) => [t.object_type, t.id, t.quantity])).toEqual([
      ["TX_STOCK_ISSUANCE", "i1", "120"],
      ["TX_STOCK_ACCEPTANCE", "a1", undefined],
    ]);
    expect(report.generated).toBe(2);
    expect(report.dropped).toEqual([
      'TX_STOCK_ISSUANCE "i1": rewritten from the ledger, whose transactions i1 changed since the import',
      'TX_STOCK_ISSUANCE "i2": their ledger transactions are no longer in the ledger',
    ]);
  });
});
