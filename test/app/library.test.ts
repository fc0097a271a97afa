import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * APP-7: roundtable is a typed library. The package is built as it is published (dist/
 * with its declarations), then a scratch project outside the repository imports it by its
 * name, runs a use case, and type-checks against its declarations.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const scratch = mkdtempSync(path.join(os.tmpdir(), "roundtable-consumer-"));

describe("APP-7: the public library", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [TSC, "-p", path.join(ROOT, "tsconfig.build.json")], { stdio: "pipe" });
    mkdirSync(path.join(scratch, "node_modules"));
    symlinkSync(ROOT, path.join(scratch, "node_modules", "roundtable"), "dir");
    writeFileSync(path.join(scratch, "package.json"), '{ "name": "consumer", "type": "module" }\n');
    writeFileSync(
      path.join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [path.join(ROOT, "node_modules", "@types")],
        },
      }),
    );
  }, 600_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('APP-7: `import { model, loadDeal } from "roundtable"` runs the README\'s example', () => {
    const script = `
import { readFileSync } from "node:fs";
import { compactMoney, loadDeal, model } from "roundtable";
const loaded = loadDeal(readFileSync(${JSON.stringify(path.join(ROOT, "examples/openai-round.yaml"))}, "utf8"), "openai-round.yaml");
if (!loaded.ok) throw new Error(loaded.diagnostics[0].message);
const result = await model.run(loaded.deal, {});
if (!result.ok) throw new Error(result.problems[0].message);
const amazon = result.value.holders.find((h) => h.holder.id === "amazon");
console.log(compactMoney(result.value.round.postMoneyValuation), amazon.holder.name, amazon.fullyDilutedAfter.toDecimalString(6));
`;
    writeFileSync(path.join(scratch, "example.mjs"), script);
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: scratch, encoding: "utf8" });
    expect(run.stderr).toBe("");
    // The openai-round example: $830B post-money; Amazon's $27B buys 348,387,096 of 10,709,677,418 shares.
    expect(run.stdout).toBe("$830B Amazon 0.03253\n");
  }, 120_000);

  it("APP-7: the reports are typed from the declarations; a wrong use does not compile", () => {
    writeFileSync(
      path.join(scratch, "typed.ts"),
      `import { type ModelReport, type Rational, model, loadDeal } from "roundtable";
export async function postMoney(text: string): Promise<Rational | undefined> {
  const loaded = loadDeal(text, "deal.yaml");
  if (!loaded.ok) return undefined;
  const result = await model.run(loaded.deal, { round: "series-a" });
  const report: ModelReport | undefined = result.ok ? result.value : undefined;
  return report?.round.postMoneyValuation.amount;
}
`,
    );
    const good = spawnSync(process.execPath, [TSC, "-p", "."], { cwd: scratch, encoding: "utf8" });
    expect(good.stdout + good.stderr).toBe("");
    expect(good.status).toBe(0);
    writeFileSync(
      path.join(scratch, "wrong.ts"),
      `import { model, loadDeal } from "roundtable";
const loaded = loadDeal("", "x.yaml");
if (loaded.ok) await model.run(loaded.deal, { round: 3 });
`,
    );
    const bad = spawnSync(process.execPath, [TSC, "-p", "."], { cwd: scratch, encoding: "utf8" });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/wrong\.ts.*error TS2322/);
    rmSync(path.join(scratch, "wrong.ts"));
  }, 300_000);
});
