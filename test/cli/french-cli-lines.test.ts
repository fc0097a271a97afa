import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frenchUsageError } from "../../src/cli/messages.js";
import { cli } from "../support/cli.js";

/**
 * The CLI's own lines in French (issue 16, APP-9): the argument parser's usage errors, what
 * `import`, `close-round` and the report files say they did, and `--lang` on every command
 * (not only those that print tables). Each case is run through the CLI as a user types it,
 * so that a new message shape of the parser shows here as an English line.
 */
const FR = { ROUNDTABLE_LANG: "fr" };
const SEED = "examples/seed-to-series-a.yaml";

/** Lines of the parser's English left in a French run. */
const englishUsage = (text: string) =>
  text.split("\n").filter((l) => /^error:|Did you mean|run with --help|Expected \d+ argument/.test(l));

describe("APP-9: the argument parser's usage errors in French", () => {
  const cases: readonly [string, readonly string[], RegExp][] = [
    [
      "an unknown command, with the nearest",
      ["modle", SEED],
      /^erreur : commande inconnue 'modle'\n\(Vouliez-vous dire model \?\)$/m,
    ],
    ["an unknown option", ["model", SEED, "--bogus"], /^erreur : option inconnue '--bogus'$/m],
    ["a missing argument", ["captable"], /^erreur : argument obligatoire manquant 'deal'$/m],
    [
      "an option without its value",
      ["exit", SEED, "--at"],
      /^erreur : l'option '--at <[^>]+>' attend une valeur$/m,
    ],
    [
      "a value outside the choices",
      ["model", SEED, "--format", "docx"],
      /^erreur : la valeur 'docx' de l'option '--format <format>' n'est pas admise ; choix possibles : table, json, csv, pdf, xlsx\.$/m,
    ],
    [
      "too many arguments",
      ["captable", SEED, "extra"],
      /^erreur : trop d'arguments pour 'captable' : 1 attendu, 2 donnés\.$/m,
    ],
  ];
  for (const [what, args, expected] of cases)
    it(`${what}: in French, exit code 2, the French hint`, async () => {
      const r = await cli(args, { env: FR });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).toContain("(--help pour l'aide)");
      expect(englishUsage(r.stderr)).toEqual([]);
      const english = await cli(args);
      expect(english.code).toBe(2);
      expect(english.stderr).toMatch(/^error: /m);
      expect(english.stderr).toContain("(run with --help for usage)");
    });

  it("a line of another shape is kept as it is (nothing is invented)", () => {
    expect(frenchUsageError("error: something new happened\n")).toBe("error: something new happened\n");
    expect(frenchUsageError("(Did you mean one of model, solve?)")).toBe(
      "(Vouliez-vous dire l'un de model, solve ?)",
    );
  });
});

describe("APP-9: --lang on every command", () => {
  it("validate, diff, close-round and import take --lang fr (they refused it as an unknown option)", async () => {
    for (const args of [
      ["validate", SEED, "--lang", "fr"],
      ["diff", SEED, SEED, "--lang", "fr"],
      ["close-round", SEED, "--lang", "fr"],
    ]) {
      const r = await cli(args);
      expect(r.stderr).not.toContain("unknown option");
      expect(r.stderr).not.toContain("option inconnue");
    }
  });

  it("--lang en wins over a French locale, for the parser's errors too", async () => {
    const r = await cli(["model", SEED, "--bogus", "--lang", "en"], { env: { LANG: "fr_FR.UTF-8" } });
    expect(r.stderr).toContain("error: unknown option '--bogus'");
  });
});

describe("APP-9: what the commands say they did, in French", () => {
  it("import: the sheet read, the counts and the file written", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rt-fr-import-"));
    const out = path.join(dir, "lumiere.yaml");
    const r = await cli([
      "import",
      "examples/captable-template.csv",
      "--company",
      "Brasserie Lumière SAS",
      "--out",
      out,
      "--lang",
      "fr",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'lu examples/captable-template.csv : feuille « captable-template », disposition modèle, en-têtes à la ligne 1, UTF-8, séparateur ","',
    );
    expect(r.stderr).toContain("importé : 6 détenteurs, 2 catégories, 6 transactions");
    expect(r.stderr).toContain(`fichier écrit : ${out}`);
    expect(r.stderr).not.toMatch(/^(read|imported|wrote) /m);
    const again = await cli(["import", "examples/captable-template.csv", "--out", out, "--lang", "fr"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("existe déjà ; --force pour le remplacer");
  });

  it("close-round: the preview's lead and closing lines", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rt-fr-close-"));
    const deal = path.join(dir, "seed.yaml");
    copyFileSync(SEED, deal);
    const preview = await cli(["close-round", deal, "--lang", "fr"]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^Clore .+ ajouterait à .+ \(relancer avec --write pour l'écrire\) :$/m);
    expect(preview.stdout).toMatch(/^et déplacerait le tour \S+ des tours modélisés vers closedRounds\.$/m);
    const written = await cli(["close-round", deal, "--write", "--lang", "fr"]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(
      /clos dans .+ : \d+ catégories? ajoutées? et \d+ transactions? ajoutées?, tour \S+ retiré/,
    );
    expect(readFileSync(deal, "utf8")).toContain("closedRounds");
  });

  it("a report file: 'fichier écrit', the format and the size in octets with French grouping", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rt-fr-pdf-"));
    const out = path.join(dir, "pro-forma.xlsx");
    const r = await cli(["model", SEED, "--format", "xlsx", "--out", out, "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(
        `^fichier écrit : ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(XLSX, \\d{1,3}(\u202f\\d{3})* octets\\)$`,
        "m",
      ),
    );
  });
});

describe("APP-9: the fields an assumption gives, named in French", () => {
  it("model --lang fr names the transaction by its kind, date and holder in French (not 'the stock issuance of')", async () => {
    const r = await cli(["model", "examples/openai-round.yaml", "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(utilisée pour l'émission d'actions du 2025-10-28 à Microsoft)");
    expect(r.stdout).not.toContain("the stock issuance of");
    const english = await cli(["model", "examples/openai-round.yaml"]);
    expect(english.stdout).toContain("(used in the stock issuance of 2025-10-28 to Microsoft)");
  });

  it("a what-if in French: 'Hypothèse (à partir du scénario de base)' and the figure in Md$", async () => {
    const r = await cli(["model", "examples/openai-round.yaml", "--set", "amazon=40B", "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Hypothèse (à partir du scénario de base) : Amazon = 40 Md$");
    expect(r.stdout).not.toContain("What-if");
  });
});

describe("APP-9: the names the engine makes for quantities, in French", () => {
  it("claims --lang fr: 'participation de Microsoft', 'taille du tour …' in the timeline, the conflicts and the ranges; the deal's own names as they are", async () => {
    const r = await cli(["claims", "examples/openai-round.yaml", "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2025-10-28 +participation de Microsoft +OpenAI and Microsoft +environ 27 %/m);
    expect(r.stdout).toMatch(/^non datée +taille du tour 2026 mega-round +/m);
    expect(r.stdout).toMatch(/^valorisation post-money du tour 2026 mega-round +\[747 Md\$ ; 913 Md\$\]$/m);
    expect(r.stdout).toMatch(/^non datée +Amazon \+ Nvidia \+ Microsoft +IA : OpenAI/m);
    for (const english of ["Microsoft's stake", "mega-round size", "post-money valuation"])
      expect(r.stdout).not.toContain(english);
    const english = await cli(["claims", "examples/openai-round.yaml"]);
    expect(english.stdout).toContain("Microsoft's stake");
    expect(english.stdout).toContain("2026 mega-round post-money valuation");
  });

  it("the JSON keeps the English names only (no French field added)", async () => {
    const r = await cli(["claims", "examples/openai-round.yaml", "--format", "json", "--lang", "fr"]);
    expect(r.stdout).toContain("Microsoft's stake");
    expect(r.stdout).not.toContain("participation de");
    expect(r.stdout).not.toContain("nameFr");
    expect(r.stdout).not.toContain("subjectFr");
  });
});

describe("APP-9: validate, diff and the IPO in French", () => {
  it("validate: 'valide — 10 détenteurs, 1 catégorie, …' for a deal and a workspace", async () => {
    const deal = await cli(["validate", SEED, "--lang", "fr"]);
    expect(deal.stdout).toBe(`${SEED} : valide — 10 détenteurs, 1 catégorie, 8 transactions, 1 tour\n`);
    const ws = await cli(["validate", "examples/ai-ecosystem.yaml", "--lang", "fr"]);
    expect(ws.stdout).toBe(
      "examples/ai-ecosystem.yaml : espace de travail valide — 2 sociétés, 8 parties, 7 accords, 3 participations déclarées, 1 tour\n",
    );
  });

  it("diff: records and the pro forma's moves in French words and numbers (field names stay the file's)", async () => {
    const r = await cli([
      "diff",
      "examples/down-round.yaml",
      "examples/down-round-pay-to-play.yaml",
      "--lang",
      "fr",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("~ société Halden Robotics Inc. (company) modifiée");
    expect(r.stdout).toContain("+ détenteur Skerry Ventures (fund-a) ajouté");
    expect(r.stdout).toContain("− catégorie Seed Preferred (seed) retirée");
    expect(r.stdout).toContain(
      "~ transaction émission d'actions à Founders (together) le 2019-03-04 (t1) modifiée",
    );
    expect(r.stdout).toContain("    argent frais : 6 M$ → 8,5 M$");
    expect(r.stdout).toContain("    Founders (together) : 33,06 % → 29,77 % entièrement dilué");
    for (const english of [" changed", " added", " removed", "fully diluted", "new money", " on 2019"])
      expect(r.stdout).not.toContain(english);
  });

  it("exit --ipo: the heading, the headers and the share counts in French", async () => {
    const r = await cli(["exit", SEED, "--ipo", "500M", "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Introduction en bourse à \d+,\d+ \$ par action \(valorisation avant l'introduction 500 M\$\)$/m,
    );
    expect(r.stdout).toMatch(/^Détenteur +Actions +Numéraire +Valeur$/m);
    expect(r.stdout).toMatch(/^Ada Lovelace +4\u202f625\u202f000 /m);
  });

  it("simulate: the claims behind the figures by their French names", async () => {
    const r = await cli(["simulate", "examples/openai-round.yaml", "--runs", "100", "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("OpenAI and Microsoft : participation de Microsoft");
    expect(r.stdout).not.toContain("Microsoft's stake");
  });
});
