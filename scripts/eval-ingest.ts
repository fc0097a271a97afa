/**
 * Evaluates the ingester on annotated reports: every `NAME.txt` beside a `NAME.gold.json`
 * in the given folders (docs/spec/ingest.md ING-EVAL). Prints precision, recall and F1
 * overall, per claim kind and per language, field accuracy on matched claims, conflict
 * scores, and per document what was missed or spurious.
 *
 *   npm run eval:ingest -- corpus/ingest ../shared/fixtures [--json] [--quiet]
 *   npm run eval:ingest -- --texts DIR [--split dev|held-out|all] [--real corpus/real] [--json] [--quiet]
 *   npm run eval:ingest -- --texts DIR --blind-set N [--real corpus/real] [--json] [--quiet]
 *   npm run eval:ingest -- --texts DIR --batch N [--real corpus/real] [--json] [--quiet]
 *
 * With `--texts`, the real-report corpus is scored (ING-EVAL-4): recipes and gold from
 * corpus/real, texts from DIR (never committed), every span's hash checked first; claims
 * match on kind, counterparty and amount, and the company raising money is scored on the
 * matched claims. The default split is `dev`: the held-out third is read only for a
 * final score. `--blind-set N` scores only the held-out reports of blind set N (the third
 * set's recipes carry no field and are set 3; corpus/real/README.md), whatever `--split`;
 * `--batch N` only the development reports of batch N (their recipes say `batch: N`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ingestOutputToJson } from "../src/core/ingest/claim-json.js";
import { type Evaluation, type EvaluationInput, evaluate, parseGold } from "../src/core/ingest/evaluate.js";
import { ingest } from "../src/core/ingest/ingest.js";
import { blindSetOf, loadRealCorpus, readRecipes, type Split } from "./real-corpus.js";

export interface CorpusDocument {
  readonly id: string;
  readonly textPath: string;
  readonly goldPath: string;
}

/** The annotated documents of the folders, in name order. */
export function findCorpus(dirs: readonly string[]): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const dir of dirs) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new Error(`${dir} is not a folder`);
    }
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".txt")) continue;
      const id = file.slice(0, -4);
      const goldPath = path.join(dir, `${id}.gold.json`);
      if (!statSync(goldPath, { throwIfNoEntry: false })?.isFile()) continue;
      out.push({ id, textPath: path.join(dir, file), goldPath });
    }
  }
  return out;
}

/** Runs the ingester on each document and scores it against its gold file. */
export function evaluateCorpus(dirs: readonly string[]): Evaluation {
  const inputs: EvaluationInput[] = [];
  for (const doc of findCorpus(dirs)) {
    const text = readFileSync(doc.textPath, "utf8");
    const gold = parseGold(JSON.parse(readFileSync(doc.goldPath, "utf8")), doc.goldPath);
    if (!gold.ok) throw new Error(gold.problems.map((p) => p.message).join("\n"));
    const result = ingest(new Uint8Array(readFileSync(doc.textPath)), {
      lang: "auto",
      ...(gold.value.publicationDate ? { sourceDate: gold.value.publicationDate } : {}),
    });
    if (!result.ok) throw new Error(`${doc.textPath}: ${result.problems.map((p) => p.message).join("; ")}`);
    const json = ingestOutputToJson(result.value);
    inputs.push({
      id: doc.id,
      text,
      gold: gold.value,
      predicted: json.claims,
      predictedConflicts: json.conflicts,
    });
  }
  return evaluate(inputs);
}

/** Scores the real-report corpus of `realDir` with the texts of `textsDir` (ING-EVAL-4). */
export function evaluateRealCorpus(
  realDir: string,
  textsDir: string,
  split: Split,
  blindSet?: number,
  batch?: number,
): { evaluation: Evaluation; problems: string[] } {
  const corpus = loadRealCorpus(realDir, textsDir, split, blindSet, batch);
  const inputs: EvaluationInput[] = corpus.documents.map((doc) => {
    const result = ingest(new TextEncoder().encode(doc.text), {
      lang: "auto",
      ...(doc.gold.publicationDate ? { sourceDate: doc.gold.publicationDate } : {}),
    });
    if (!result.ok) throw new Error(`${doc.recipe.id}: ${result.problems.map((p) => p.message).join("; ")}`);
    const json = ingestOutputToJson(result.value);
    return {
      id: doc.recipe.id,
      text: doc.text,
      gold: doc.gold,
      predicted: json.claims,
      predictedConflicts: json.conflicts,
    };
  });
  return { evaluation: evaluate(inputs, { matchSubject: false }), problems: corpus.problems };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(7);
}

function row(
  label: string,
  s: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number },
): string {
  return `${label.padEnd(24)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

function print(evaluation: Evaluation, quiet: boolean): void {
  console.log(
    `roundtable ingestion evaluation — Node ${process.version}, ${os.cpus()[0]?.model ?? "CPU"}, ${os.platform()}`,
  );
  console.log(`${evaluation.documents.length} documents\n`);
  console.log(row("overall", evaluation.overall));
  console.log("\nper kind");
  for (const [k, s] of Object.entries(evaluation.byKind)) console.log(row(`  ${k}`, s));
  console.log("\nper language");
  for (const [k, s] of Object.entries(evaluation.byLanguage)) console.log(row(`  ${k}`, s));
  console.log("\nfields on matched claims");
  for (const [k, f] of Object.entries(evaluation.fields)) {
    console.log(
      `  ${k.padEnd(22)} ${pct(f.total === 0 ? 1 : f.correct / f.total)}  (${f.correct}/${f.total})`,
    );
  }
  console.log(`\n${row("conflicts", evaluation.conflicts)}`);
  console.log("\nper document");
  for (const d of evaluation.documents) {
    console.log(row(`  ${d.id}`, d.scores));
    if (d.evidenceNotFound.length > 0)
      console.log(`      gold evidence not in the text: claims ${d.evidenceNotFound.join(", ")}`);
    if (quiet) continue;
    for (const g of d.missed) {
      console.log(
        `      missed   #${g.idx} ${g.kind} ${g.subject} ← ${JSON.stringify(g.counterparty)} ${g.qualifier ?? ""} ${JSON.stringify(g.amount)} «${g.evidence}»`,
      );
    }
    for (const p of d.spurious) {
      console.log(
        `      spurious #${p.idx} ${p.kind} ${p.subject} ← ${JSON.stringify(p.counterparty)} ${p.qualifier ?? ""} ${JSON.stringify(p.amount)} «${p.evidence}»`,
      );
    }
    for (const e of d.fieldErrors) {
      console.log(
        `      field    gold #${e.gold} / #${e.predicted} ${e.field}: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.got)}`,
      );
    }
  }
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const flagValue = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const textsDir = flagValue("--texts");
  const flagValues = new Set(["--texts", "--split", "--real", "--blind-set", "--batch"].map(flagValue));
  const dirs = args.filter((a) => !a.startsWith("--") && !flagValues.has(a));
  const split = (flagValue("--split") ?? "dev") as Split;
  const blindSetText = flagValue("--blind-set");
  const blindSet = blindSetText === undefined ? undefined : Number(blindSetText);
  const batchText = flagValue("--batch");
  const batch = batchText === undefined ? undefined : Number(batchText);
  const badBlindSet =
    args.includes("--blind-set") &&
    (blindSet === undefined || !Number.isInteger(blindSet) || blindSet < 1 || textsDir === undefined);
  const badBatch =
    args.includes("--batch") &&
    (batch === undefined || !Number.isInteger(batch) || batch < 1 || textsDir === undefined);
  if (
    (dirs.length === 0 && textsDir === undefined) ||
    !["dev", "held-out", "all"].includes(split) ||
    badBlindSet ||
    badBatch
  ) {
    if (badBatch) {
      console.error(
        textsDir === undefined
          ? "eval:ingest: --batch scores the real-report corpus: give the folder of its texts with --texts DIR"
          : `eval:ingest: --batch takes a positive whole number (the development batch to score); got ${JSON.stringify(batchText ?? null)}`,
      );
    }
    if (badBlindSet) {
      console.error(
        textsDir === undefined
          ? "eval:ingest: --blind-set scores the real-report corpus: give the folder of its texts with --texts DIR"
          : `eval:ingest: --blind-set takes a positive whole number (the held-out set to score); got ${JSON.stringify(blindSetText ?? null)}`,
      );
    }
    console.error(
      "usage: npm run eval:ingest -- <folder> [<folder>…] [--json] [--quiet]\n" +
        "       npm run eval:ingest -- --texts DIR [--split dev|held-out|all] [--real corpus/real] [--json] [--quiet]\n" +
        "       npm run eval:ingest -- --texts DIR --blind-set N [--real corpus/real] [--json] [--quiet]\n" +
        "       npm run eval:ingest -- --texts DIR --batch N [--real corpus/real] [--json] [--quiet]",
    );
    process.exit(2);
  }
  try {
    let evaluation: Evaluation;
    if (textsDir !== undefined) {
      const realDir = flagValue("--real") ?? "corpus/real";
      if (blindSet !== undefined && !readRecipes(realDir).some((r) => blindSetOf(r) === blindSet)) {
        throw new Error(`${realDir}/recipes.json has no held-out report of blind set ${blindSet}`);
      }
      if (batch !== undefined && !readRecipes(realDir).some((r) => !r.held_out && r.batch === batch)) {
        throw new Error(`${realDir}/recipes.json has no development report of batch ${batch}`);
      }
      const real = evaluateRealCorpus(realDir, textsDir, split, blindSet, batch);
      for (const p of real.problems) console.error(`left out: ${p}`);
      const what =
        blindSet !== undefined
          ? `blind set ${blindSet}`
          : batch !== undefined
            ? `development batch ${batch}`
            : `split ${split}`;
      if (real.evaluation.documents.length === 0) throw new Error(`no document of the ${what} could be read`);
      if (!args.includes("--json")) console.log(`real-report corpus, ${what}`);
      evaluation = real.evaluation;
    } else {
      evaluation = evaluateCorpus(dirs);
    }
    if (args.includes("--json")) console.log(JSON.stringify(evaluation, null, 2));
    else print(evaluation, args.includes("--quiet"));
  } catch (e) {
    console.error(`eval:ingest: ${(e as Error).message}`);
    process.exit(1);
  }
}
