/**
 * Refills the folder of real-report texts from the recipes of corpus/real.
 *
 * The texts come from the `search` tool's stored pages (corpus `pages`), which an agent
 * session calls as a tool: a script cannot call it. So the texts are refilled in two steps
 * (corpus/real/README.md):
 *
 *   1. `npm run corpus:fetch -- --out DIR` lists, for every recipe whose text is missing or
 *      differs, the search to make (corpus and exact query) and the rank and address to
 *      take; save each search's JSON answer as it is returned to a file.
 *   2. `npm run corpus:fetch -- --out DIR --answers FILE…` writes `DIR/ID.txt` from the
 *      saved answers: the excerpt of the result at the recipe's rank and address, as is.
 *
 * Every text written is checked against the recipe's hash, first and last words.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Recipe, readRecipes, shortHash } from "./real-corpus.js";

interface SavedAnswer {
  readonly corpus?: string;
  readonly query?: string;
  readonly results?: readonly { readonly rank?: number; readonly url?: string; readonly excerpt?: string }[];
}

function check(recipe: Recipe, text: string): string | null {
  if (shortHash(text) === recipe.sha256_12) return null;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const first = words.slice(0, 6).join(" ");
  const last = words.slice(-6).join(" ");
  return `hash ${shortHash(text)} ≠ ${recipe.sha256_12}${first === recipe.first_words ? "" : "; first words differ"}${
    last === recipe.last_words ? "" : "; last words differ"
  } (the stored page may have changed: spans whose hash differs are left out of the evaluation)`;
}

export function fetchTexts(realDir: string, outDir: string, answerFiles: readonly string[]): number {
  const answers: SavedAnswer[] = answerFiles.map((f) => JSON.parse(readFileSync(f, "utf8")) as SavedAnswer);
  mkdirSync(outDir, { recursive: true });
  let missing = 0;
  for (const recipe of readRecipes(realDir)) {
    const target = path.join(outDir, `${recipe.id}.txt`);
    const found = answers
      .filter((a) => a.query === recipe.query && (a.corpus ?? recipe.corpus) === recipe.corpus)
      .flatMap((a) => a.results ?? [])
      .find((r) => r.rank === recipe.rank && r.url === recipe.url && typeof r.excerpt === "string");
    if (found?.excerpt !== undefined) {
      writeFileSync(target, found.excerpt, "utf8");
      const problem = check(recipe, found.excerpt);
      console.log(`${recipe.id}: written${problem ? `, but ${problem}` : ", hash checks"}`);
      continue;
    }
    if (statSync(target, { throwIfNoEntry: false })?.isFile()) {
      const problem = check(recipe, readFileSync(target, "utf8"));
      if (problem === null) continue;
      console.log(`${recipe.id}: present, but ${problem}`);
    }
    missing++;
    console.log(
      `${recipe.id}: search corpus "${recipe.corpus}" for ${JSON.stringify(recipe.query)}; take rank ${recipe.rank} (${recipe.url}), ${recipe.chars} characters from «${recipe.first_words}» to «${recipe.last_words}»`,
    );
  }
  return missing;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const realAt = args.indexOf("--real");
  const realDir = realAt >= 0 ? (args[realAt + 1] ?? "corpus/real") : "corpus/real";
  const answersAt = args.indexOf("--answers");
  const answerFiles = answersAt >= 0 ? args.slice(answersAt + 1).filter((a) => !a.startsWith("--")) : [];
  if (out === undefined) {
    console.error(
      "usage: npm run corpus:fetch -- --out DIR [--answers SAVED-SEARCH.json …] [--real corpus/real]",
    );
    process.exit(2);
  }
  try {
    const missing = fetchTexts(realDir, out, answerFiles);
    console.log(missing === 0 ? "every text is present and checks" : `${missing} text(s) still to fetch`);
    process.exit(missing === 0 ? 0 : 1);
  } catch (e) {
    console.error(`corpus:fetch: ${(e as Error).message}`);
    process.exit(1);
  }
}
