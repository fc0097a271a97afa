import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import { BackendFactory } from "../server/support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "../server/support/team.js";
import { cli } from "../support/cli.js";

/**
 * The JSON contract of the CLI and the API (SPEC APP-3): what every command prints with
 * --format json on every example, and what the API answers for the same computations, was
 * captured before the application layer existed (test/golden). The faces now render the
 * layer's typed reports; these files prove that the JSON stayed the same, byte for byte.
 * Run with UPDATE_GOLDENS=1 only to capture a deliberate, documented change.
 */
const GOLDEN = path.join(import.meta.dirname, "..", "golden");
/** The official OCF schemas beside the checkout (a worktree's shared folder is /work/shared). */
const OCF_SCHEMAS =
  ["../shared/ocf/v1.2.0/schema", "../../shared/ocf/v1.2.0/schema"]
    .map((p) => path.resolve(p))
    .find((p) => existsSync(p)) ?? path.resolve("../shared/ocf/v1.2.0/schema");
const UPDATE = process.env.UPDATE_GOLDENS === "1";

function golden(file: string, actual: string): void {
  const target = path.join(GOLDEN, `${file}.golden`);
  if (UPDATE || !existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, actual);
    return;
  }
  expect(actual).toBe(readFileSync(target, "utf8"));
}

const DEALS = {
  "down-round": { investor: "series-b-lead" },
  "openai-round": { investor: "amazon" },
  "seed-to-series-a": { investor: "seed-fund" },
} as const;
const WORKSPACES = { "ai-ecosystem": "amazon", "cloud-partners": "helios" } as const;

/** Every CLI case: a file name and the arguments. */
function cliCases(): [string, string[]][] {
  const cases: [string, string[]][] = [];
  for (const [name, { investor }] of Object.entries(DEALS)) {
    const file = `examples/${name}.yaml`;
    cases.push(
      [`${name}.model.json`, ["model", file, "--format", "json"]],
      [`${name}.model.csv`, ["model", file, "--format", "csv"]],
      [`${name}.model-low.json`, ["model", file, "--format", "json", "--scenario", "low"]],
      [`${name}.solve.json`, ["solve", file, "--target", `${investor}=12%`, "--format", "json"]],
      [
        `${name}.solve-amount.json`,
        ["solve", file, "--target", `${investor}=12%`, "--for", "amount", "--format", "json"],
      ],
      [`${name}.captable.json`, ["captable", file, "--format", "json"]],
      [`${name}.captable.csv`, ["captable", file, "--format", "csv"]],
      [`${name}.captable-class.csv`, ["captable", file, "--format", "csv", "--by", "class"]],
      [`${name}.captable-asof.json`, ["captable", file, "--format", "json", "--as-of", "2020-06-30"]],
      [`${name}.claims.json`, ["claims", file, "--format", "json"]],
      [`${name}.scenarios.json`, ["scenarios", file, "--format", "json"]],
      [`${name}.scenarios.csv`, ["scenarios", file, "--format", "csv"]],
      [`${name}.simulate.json`, ["simulate", file, "--runs", "300", "--seed", "7", "--json"]],
      [`${name}.exit-at.json`, ["exit", file, "--at", "15M,60M,1B,1T", "--format", "json"]],
      [`${name}.exit-at.csv`, ["exit", file, "--at", "15M,60M,1B,1T", "--format", "csv"]],
      [
        `${name}.exit-estimate.json`,
        ["exit", file, "--at", "between $10M and $2T", "--runs", "200", "--format", "json"],
      ],
      [`${name}.exit-breakpoints.json`, ["exit", file, "--breakpoints", "--format", "json"]],
      [`${name}.exit-sweep.json`, ["exit", file, "--sweep", "0..2T", "--steps", "9", "--format", "json"]],
      [`${name}.exit-sweep.csv`, ["exit", file, "--sweep", "0..2T", "--steps", "9", "--format", "csv"]],
      [`${name}.exit-ipo.json`, ["exit", file, "--ipo", "$1T", "--format", "json"]],
      [`${name}.validate.txt`, ["validate", file]],
    );
  }
  for (const [name, investor] of Object.entries(WORKSPACES)) {
    const file = `examples/${name}.yaml`;
    cases.push(
      [`${name}.flows.json`, ["flows", file, "--format", "json"]],
      [`${name}.flows.csv`, ["flows", file, "--format", "csv"]],
      [`${name}.flows-runs.json`, ["flows", file, "--runs", "200", "--seed", "3", "--format", "json"]],
      [`${name}.exposure.json`, ["exposure", file, investor, "--format", "json"]],
      [`${name}.validate.txt`, ["validate", file]],
    );
  }
  for (const text of readdirSync("corpus/ingest").filter((f) => f.endsWith(".txt"))) {
    cases.push([
      `ingest.${text.replace(/\.txt$/, "")}.json`,
      ["ingest", `corpus/ingest/${text}`, "--format", "json"],
    ]);
  }
  cases.push([
    "ingest.with-deal.json",
    [
      "ingest",
      "corpus/ingest/brightwave-talks-en.txt",
      "--deal",
      "examples/openai-round.yaml",
      "--format",
      "json",
    ],
  ]);
  return cases;
}

describe("APP-3: the CLI's JSON (and CSV) is the documented one, byte for byte", () => {
  for (const [file, args] of cliCases()) {
    it(`roundtable ${args.join(" ")}`, async () => {
      const r = await cli(args);
      golden(`cli/${file}`, `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`);
    });
  }

  it("OCF export then import gives the same files and the same deal", async () => {
    for (const name of Object.keys(DEALS)) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-golden-"));
      const out = path.join(dir, "ocf");
      const exported = await cli([
        "export-ocf",
        `examples/${name}.yaml`,
        "--out",
        out,
        "--country",
        "US",
        "--schemas",
        OCF_SCHEMAS,
      ]);
      const files = exported.code === 0 ? readdirSync(out).sort() : [];
      const contents = files.map((f) => `=== ${f}\n${readFileSync(path.join(out, f), "utf8")}`).join("\n");
      golden(
        `cli/${name}.export-ocf.txt`,
        `exit ${exported.code}\n${exported.stdout}${exported.stderr}\n${contents}`
          .replaceAll(dir, "<tmp>")
          // The manifest records when it was written: the only field the clock gives.
          .replace(/"generated_at": "[^"]*"/g, '"generated_at": "<clock>"'),
      );
      if (exported.code !== 0) continue;
      const imported = await cli(["import-ocf", out, "--schemas", OCF_SCHEMAS]);
      golden(
        `cli/${name}.import-ocf.txt`,
        `exit ${imported.code}\n--- stdout\n${imported.stdout}--- stderr\n${imported.stderr}`.replaceAll(
          dir,
          "<tmp>",
        ),
      );
    }
  });
});

describe("APP-3: the API's JSON for the same computations", () => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  const backends = new BackendFactory("sqlite");
  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
  });
  afterAll(async () => {
    await app?.close();
    await backends.cleanup();
  });

  const dealQueries: [string, string][] = [
    ["model", ""],
    ["model", "scenario=low"],
    ["solve", "investor=INVESTOR&fraction=12%25"],
    ["solve", "investor=INVESTOR&fraction=0.12&for=amount"],
    ["captable", ""],
    ["captable", "asOf=2020-06-30"],
    ["validate", ""],
    ["claims", ""],
    ["scenarios", ""],
    ["exit", "at=15M,60M,1B,1T"],
    ["exit", "at=between%20%2410M%20and%20%242T&runs=200"],
    ["exit", "breakpoints=true"],
    ["exit", "sweep=0..2T&steps=9"],
    ["exit", "ipo=%241T"],
  ];
  for (const [name, { investor }] of Object.entries(DEALS)) {
    for (const [computation, query] of dealQueries) {
      const q = query.replace("INVESTOR", investor);
      it(`POST /api/v1/compute/${computation}?${q} with ${name}`, async () => {
        const r = await as(app, team.viewer, {
          method: "POST",
          url: `/api/v1/compute/${computation}?${q}`,
          headers: { "content-type": "application/yaml" },
          payload: yamlOf(`examples/${name}.yaml`),
        });
        golden(
          `api/${name}.${computation}.${q.replace(/[^a-z0-9.=]+/gi, "_")}.json`,
          `${r.statusCode}\n${r.body}\n`,
        );
      });
    }
  }
  for (const [name, investor] of Object.entries(WORKSPACES)) {
    for (const [computation, query] of [
      ["flows", ""],
      ["flows", "runs=200&seed=3"],
      ["exposure", `investor=${investor}`],
    ] as const) {
      it(`POST /api/v1/compute/${computation}?${query} with ${name}`, async () => {
        const r = await as(app, team.viewer, {
          method: "POST",
          url: `/api/v1/compute/${computation}?${query}`,
          headers: { "content-type": "application/yaml" },
          payload: yamlOf(`examples/${name}.yaml`),
        });
        golden(
          `api/${name}.${computation}.${query.replace(/[^a-z0-9.=]+/gi, "_")}.json`,
          `${r.statusCode}\n${r.body}\n`,
        );
      });
    }
  }
  for (const persona of ["viewer", "investor"] as const) {
    for (const slug of ["openai", "seed"]) {
      for (const computation of ["model", "captable", "validate"]) {
        it(`GET the stored ${slug} deal's ${computation} as ${persona}`, async () => {
          const r = await as(app, team[persona], {
            method: "GET",
            url: `/api/v1/workspaces/acme/deals/${slug}/${computation}`,
          });
          golden(`api/stored.${slug}.${computation}.${persona}.json`, `${r.statusCode}\n${r.body}\n`);
        });
      }
    }
  }
});
