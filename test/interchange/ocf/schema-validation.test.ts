import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importOcfFiles } from "../../../src/interchange/ocf/import.js";
import type { JsonObject } from "../../../src/interchange/ocf/json.js";
import { OCF_FILE_KIND_SPECS, OCF_FILE_KINDS } from "../../../src/interchange/ocf/model.js";
import { OCF_SCHEMAS_ENV, resolveOcfSchemaDir } from "../../../src/interchange/ocf/schema-location.js";
import { loadOcfSchemas } from "../../../src/interchange/ocf/schema-validator.js";
import {
  expectOk,
  expectProblems,
  ISSUER,
  packageFiles,
  SAMPLES_DIR,
  SCHEMA_DIR,
  sample,
} from "./helpers.js";

const schemas = expectOk(loadOcfSchemas(SCHEMA_DIR));
const kindOf = (fileType: string) =>
  OCF_FILE_KINDS.find((k) => OCF_FILE_KIND_SPECS[k].fileType === fileType)!;

describe("OCF-VAL-1 the official schemas, found by option, environment or default", () => {
  it("OCF-VAL-4: with no folder given and no variable set, there is none: roundtable's own checks run", () => {
    expect(expectOk(resolveOcfSchemaDir(undefined, {}))).toBeUndefined();
    expect(expectOk(resolveOcfSchemaDir(undefined, { [OCF_SCHEMAS_ENV]: "" }))).toBeUndefined();
  });

  it("takes $ROUNDTABLE_OCF_SCHEMAS when no folder is given, and an explicit folder before it", () => {
    expect(expectOk(resolveOcfSchemaDir(undefined, { [OCF_SCHEMAS_ENV]: SCHEMA_DIR }))).toBe(SCHEMA_DIR);
    const empty = mkdtempSync(join(tmpdir(), "ocf-empty-"));
    const [p] = expectProblems(resolveOcfSchemaDir(empty, { [OCF_SCHEMAS_ENV]: SCHEMA_DIR }));
    expect(p!.code).toBe("ocf_schemas_missing");
    expect(p!.message).toContain(empty);
  });

  it("fails clearly when the variable's folder does not hold the schemas, without writing the (server's) path", () => {
    const [p] = expectProblems(
      resolveOcfSchemaDir(undefined, { [OCF_SCHEMAS_ENV]: "/nonexistent/ocf-schemas" }),
    );
    expect(p!.code).toBe("ocf_schemas_missing");
    expect(p!.message).toBe(
      "the folder $ROUNDTABLE_OCF_SCHEMAS names does not hold the official OCF 1.2.0 schemas (files/OCFManifestFile.schema.json); set it to the folder holding files/, objects/, types/, or unset it to check with roundtable's own checks only",
    );
    expect(p!.message).not.toContain("/nonexistent");
  });

  it("an import with a missing schema folder fails before reading the package", () => {
    const [p] = expectProblems(importOcfFiles(packageFiles({}), { schemaDir: "/nonexistent/ocf-schemas" }));
    expect(p!.code).toBe("ocf_schemas_missing");
  });
});

describe("OCF-VAL-2 every official sample file is valid", () => {
  for (const name of readdirSync(SAMPLES_DIR)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    it(name, () => {
      const json = sample(name);
      const problems =
        json.file_type === "OCF_MANIFEST_FILE"
          ? schemas.validateManifest(name, json)
          : schemas.validateFile(name, kindOf(String(json.file_type)), json);
      expect(problems).toEqual([]);
    });
  }
});

describe("OCF-VAL-2 a violation names the file, the object, the JSON path and the rule", () => {
  const transactions = () => sample("Transactions.ocf.json");
  const item = (file: JsonObject, id: string) => (file.items as JsonObject[]).find((i) => i.id === id)!;

  it("a value breaking a pattern", () => {
    const file = transactions();
    item(file, "test-stock-issuance-minimal").quantity = "1,000";
    expect(schemas.validateFile("Transactions.ocf.json", "transactions", file).map((p) => p.message)).toEqual(
      [
        'Transactions.ocf.json, TX_STOCK_ISSUANCE "test-stock-issuance-minimal", at /items/45/quantity: must match pattern "^[+-]?[0-9]+(\\.[0-9]{1,10})?$" (rule "pattern" of objects/transactions/issuance/StockIssuance.schema.json)',
      ],
    );
  });

  it("a missing required property and an unknown one, with the path as segments", () => {
    const file = transactions();
    const issuance = item(file, "test-stock-issuance-minimal");
    delete issuance.stakeholder_id;
    issuance.holder = "x";
    const problems = schemas.validateFile("Transactions.ocf.json", "transactions", file);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      [
        "ocf_schema_violation",
        'Transactions.ocf.json, TX_STOCK_ISSUANCE "test-stock-issuance-minimal", at /items/45: must have required property \'stakeholder_id\' (rule "required" of objects/transactions/issuance/StockIssuance.schema.json)',
      ],
      [
        "ocf_schema_violation",
        'Transactions.ocf.json, TX_STOCK_ISSUANCE "test-stock-issuance-minimal", at /items/45: must NOT have additional properties ("holder") (rule "additionalProperties" of objects/transactions/issuance/StockIssuance.schema.json)',
      ],
    ]);
    expect(problems[0]!.path).toEqual(["Transactions.ocf.json", "items", 45]);
  });

  it("inside a oneOf, the errors of the branch the object's type names, not of every branch", () => {
    const file = transactions();
    const safe = item(file, "test-safe-issuance-all-fields");
    const mechanism = ((safe.conversion_triggers as JsonObject[])[0]!.conversion_right as JsonObject)
      .conversion_mechanism as JsonObject;
    mechanism.conversion_mfn = "no";
    expect(schemas.validateFile("Transactions.ocf.json", "transactions", file).map((p) => p.message)).toEqual(
      [
        'Transactions.ocf.json, TX_CONVERTIBLE_ISSUANCE "test-safe-issuance-all-fields", at /items/13/conversion_triggers/0/conversion_right/conversion_mechanism/conversion_mfn: must be boolean (rule "type" of types/conversion_mechanisms/SAFEConversionMechanism.schema.json)',
      ],
    );
  });

  it("a type no branch has", () => {
    const file = transactions();
    const safe = item(file, "test-safe-issuance-all-fields");
    const mechanism = ((safe.conversion_triggers as JsonObject[])[0]!.conversion_right as JsonObject)
      .conversion_mechanism as JsonObject;
    mechanism.type = "SAFE";
    const [p] = schemas.validateFile("Transactions.ocf.json", "transactions", file);
    expect(p!.message).toMatch(
      /^Transactions\.ocf\.json, TX_CONVERTIBLE_ISSUANCE "test-safe-issuance-all-fields", at \/items\/13\/conversion_triggers\/0\/conversion_right\/conversion_mechanism: has type "SAFE", none of "SAFE_CONVERSION", "CONVERTIBLE_NOTE_CONVERSION", .* \(rule "oneOf" of /,
    );
  });

  it("an object type the file may not hold", () => {
    const file = sample("Stakeholders.ocf.json");
    (file.items as JsonObject[])[0]!.object_type = "STOCK_CLASS";
    const [p] = schemas.validateFile("Stakeholders.ocf.json", "stakeholders", file);
    expect(p!.message).toBe(
      'Stakeholders.ocf.json, STOCK_CLASS "stakeholder-sample-individual-all-fields", at /items/0/object_type: object_type "STOCK_CLASS" is not one a OCF_STAKEHOLDERS_FILE may hold (rule "oneOf" of files/StakeholdersFile.schema.json)',
    );
  });

  it("the manifest, located in it", () => {
    const manifest = sample("Manifest.ocf.json");
    manifest.as_of = "2022-13-01";
    expect(schemas.validateManifest("Manifest.ocf.json", manifest).map((p) => p.message)).toEqual([
      'Manifest.ocf.json, manifest, at /as_of: must match format "date" (rule "format" of files/OCFManifestFile.schema.json)',
    ]);
  });

  it("an import stops on a violation, whatever the inconsistency mode", () => {
    const files = packageFiles({
      stakeholders: [{ object_type: "STAKEHOLDER", id: "a", name: {}, stakeholder_type: "INDIVIDUAL" }],
    });
    for (const mode of ["fail", "preserve"] as const) {
      const problems = expectProblems(
        importOcfFiles(files, { schemaDir: SCHEMA_DIR, onInconsistency: mode }),
      );
      expect(problems.map((p) => p.message)).toEqual([
        'Stakeholders.ocf.json, STAKEHOLDER "a", at /items/0/name: must have required property \'legal_name\' (rule "required" of objects/Stakeholder.schema.json)',
      ]);
    }
  });
});

describe("OCF-VAL-3 transaction files may hold issuer authorized share adjustments", () => {
  it("accepts TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT, which the 1.2.0 file schema's oneOf leaves out", () => {
    const adjustment = {
      object_type: "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT",
      id: "x",
      issuer_id: ISSUER.id as string,
      date: "2020-01-01",
      new_shares_authorized: "100",
    };
    expect(
      schemas.validateFile("T.json", "transactions", {
        file_type: "OCF_TRANSACTIONS_FILE",
        items: [adjustment],
      }),
    ).toEqual([]);
    expect(schemas.allowedObjectTypes("transactions").has("TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT")).toBe(
      true,
    );
    expect(schemas.allowedObjectTypes("stakeholders")).toEqual(new Set(["STAKEHOLDER"]));
  });
});
