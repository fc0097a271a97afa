import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, tempFile } from "../support/cli.js";

/**
 * The CLI in French (issue 16, APP-9): `--lang fr`, `ROUNDTABLE_LANG=fr` or a French locale
 * word the tables, the engine's explanations and the messages in French, with French
 * numbers; JSON does not change. The figures are those of the English tables of the same
 * examples (openai-round.yaml: $77.50 a share, $775B pre-money, $55B new money, $830B
 * post-money, from the public reports cited in the example).
 */
const OPENAI = "examples/openai-round.yaml";
const SEED = "examples/seed-to-series-a.yaml";

/** Words only English has: a French message containing one was left untranslated. */
const ENGLISH_WORDS =
  /\b(the|and|which|cannot|is not|does not|with|from|when|give|takes|got|names|unknown|expected)\b/i;

describe("APP-9: model, captable, exit and claims in French", () => {
  it("model --lang fr: French words, French numbers, 'le scénario de base', the pricing note from fr.ts", async () => {
    const r = await cli(["model", OPENAI, "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/prix par action\s+77,50 \$/);
    expect(r.stdout).toMatch(/pré-money\s+775 Md\$/);
    expect(r.stdout).toMatch(/argent frais\s+55 Md\$/);
    expect(r.stdout).toMatch(/post-money\s+830 Md\$/);
    // Two valuations that read the same compactly (830 Md$) are written exactly (issue 16).
    expect(r.stdout).toContain(
      "La valorisation post-money calculée (829\u202f999\u202f999\u202f895,00 $) diffère de celle indiquée (830\u202f000\u202f000\u202f000,00 $) : -105 $ dus aux actions entières.",
    );
    // A price that does not end at four places: "exactement" and a decimal comma.
    const seed = await cli(["model", SEED, "--lang", "fr"]);
    expect(seed.stdout).toMatch(/prix par action\s+\S+ \$ {2}\(exactement \d+,\d+\)/);
    const english = await cli(["model", OPENAI]);
    expect(english.stdout).toContain(
      "(stated post-money $830,000,000,000.00, priced $829,999,999,895.00: -$105 from whole shares)",
    );
    expect(r.stdout).toContain("Montants du scénario de base");
    expect(r.stdout).toMatch(/Microsoft\s+2\u202f700\u202f000\u202f000\s+27,00 %/);
    expect(r.stdout).toMatch(/Amazon .* nouveau\s+27 Md\$/);
    for (const english of ["price per share", "new money", "Holder", "Amounts from", "Central"])
      expect(r.stdout).not.toContain(english);
  });

  it("captable in French from the locale (LANG=fr_FR.UTF-8) and from ROUNDTABLE_LANG; --lang en wins over both", async () => {
    const byLocale = await cli(["captable", SEED], { env: { LANG: "fr_FR.UTF-8" } });
    expect(byLocale.stdout).toContain("Acme Robotics, Inc. — table de capitalisation au 2023-06-15");
    expect(byLocale.stdout).toMatch(/Ada Lovelace\s+4\u202f625\u202f000\s+28,56 %/);
    expect(byLocale.stdout).toMatch(/Alan Turing .*131\u202f250 sur 300\u202f000/);
    expect(byLocale.stdout).toContain("Total : 16\u202f193\u202f443 émises");
    const byVariable = await cli(["captable", SEED], { env: { ROUNDTABLE_LANG: "fr", LANG: "en_US.UTF-8" } });
    expect(byVariable.stdout).toBe(byLocale.stdout);
    const english = await cli(["captable", SEED, "--lang", "en"], { env: { ROUNDTABLE_LANG: "fr" } });
    expect(english.stdout).toContain("cap table as of 2023-06-15");
    expect(english.stdout).toMatch(/Ada Lovelace\s+4,625,000\s+28\.56%/);
  });

  it("exit --lang fr: the waterfall and the breakpoints' events in French", async () => {
    const at = await cli(["exit", SEED, "--at", "10M;50M", "--lang", "fr"]);
    expect(at.stdout).toContain("Répartition à la sortie (au 2023-06-15)");
    expect(at.stdout).toMatch(/Prix par action ordinaire\s+0,3627 \$\s+2,9711 \$/);
    expect(at.stdout).toMatch(/Lead Ventures\s+4 M\$\s+11,1 M\$/);
    const bp = await cli(["exit", SEED, "--breakpoints", "--lang", "fr"]);
    expect(bp.stdout).toContain("Points de rupture");
    expect(bp.stdout).toContain("les actions ordinaires commencent à recevoir de la valeur");
    expect(bp.stdout).not.toMatch(/common starts|preferences paid/i);
  });

  it("exit --breakpoints --ids: every position the events name keeps its id, options included, in French as in English", async () => {
    const fr = await cli(["exit", SEED, "--breakpoints", "--ids", "--lang", "fr"]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain(
      "changements : options Common Stock au prix d’exercice de 0,05 [options:common@0.05]",
    );
    expect(fr.stdout).toContain("préférences payées : Series A Preferred [shares:series-a],");
    const en = await cli(["exit", SEED, "--breakpoints", "--ids", "--lang", "en"]);
    expect(en.stdout).toContain("changes: Common Stock options at 0.05 [options:common@0.05]");
    expect(en.stdout).toContain("preferences paid: Series A Preferred [shares:series-a],");
    // Without --ids, names alone, in both languages.
    for (const lang of ["fr", "en"]) {
      const plain = await cli(["exit", SEED, "--breakpoints", "--lang", lang]);
      expect(plain.stdout, lang).toMatch(/0[.,]05/);
      expect(plain.stdout, lang).not.toContain("[options:");
      expect(plain.stdout, lang).not.toContain("[shares:");
    }
  });

  it("claims --lang fr: the conflict and the gaps worded in French from their codes", async () => {
    const r = await cli(["claims", OPENAI, "--lang", "fr"]);
    expect(r.stdout).toContain("informations, conflits et plages possibles");
    expect(r.stdout).toContain("Conflits (1) : des informations qui ne peuvent pas toutes tenir");
    expect(r.stdout).toMatch(/exige pour Amazon \+ Nvidia \+ Microsoft au moins 60 Md\$/);
    expect(r.stdout).toContain("Lecture 1 (par défaut : la plus lourde)");
    expect(r.stdout).toMatch(/Amazon\s+\[10 Md\$ ; 44 Md\$\]/);
  });

  it("errors lead with the catalogue's French summary and keep their code and exit code; JSON is the same in both languages", async () => {
    const missing = await cli(["model", "examples/none.yaml", "--lang", "fr"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^examples\/none\.yaml : Un fichier d'entrée ne peut pas être lu\. Détail : .* \(file_unreadable\)\n$/,
    );
    const round = await cli(["model", OPENAI, "--round", "nope"], { env: { LANG: "fr_FR.UTF-8" } });
    expect(round.code).toBe(2);
    expect(round.stderr).toContain("La commande ou la requête est mal formée.");
    const fr = await cli(["model", OPENAI, "--format", "json", "--lang", "fr"]);
    const en = await cli(["model", OPENAI, "--format", "json"]);
    expect(fr.stdout).toBe(en.stdout);
  });

  it("no English after the French summary: the flags, the file, YAML, the schema, the ledger and the amounts have French messages", async () => {
    const seedText = readFileSync(SEED, "utf8");
    const unknownHolder = tempFile("unknown.yaml", seedText.replace("holder: ada", "holder: nobody"));
    const badYaml = tempFile("bad.yaml", "company: [a\n");
    const unknownField = tempFile(
      "field.yaml",
      "roundtable: 1\ncompany: {name: X, currency: EUR, bogus: 1}\n",
    );
    const fr = { env: { ROUNDTABLE_LANG: "fr" } };
    const cases: [args: string[], code: number, detail: string][] = [
      [
        ["exit", SEED, "--at", "$10M", "--sweep", "$1M..$2M"],
        2,
        "indiquez une seule option parmi --at, --breakpoints, --sweep ou --ipo",
      ],
      [["model", badYaml], 1, "syntaxe YAML ou JSON invalide à cet endroit"],
      [
        ["model", unknownHolder],
        1,
        "transaction t1 (stock_issuance, 2021-03-01) : nomme un actionnaire inconnu, « nobody »",
      ],
      [["model", unknownField], 1, "company.bogus : champ inconnu « bogus »"],
      [
        ["model", SEED, "--round", "nope"],
        2,
        "aucun tour « nope » dans le dossier ; ses tours sont series-a",
      ],
      [["model", "examples/none.yaml"], 1, "impossible de lire le fichier du dossier : fichier introuvable"],
      [
        ["captable", SEED, "--as-of", "2020-13-45"],
        2,
        "--as-of attend une date AAAA-MM-JJ, reçu « 2020-13-45 »",
      ],
      [["exit", SEED, "--at", "ten dollars"], 2, "« ten dollars » n'est pas un montant"],
      [
        ["exit", SEED, "--at", "$10M", "--format", "pdf"],
        2,
        "--format pdf écrit un fichier : nommez-le avec --out",
      ],
      [["solve", SEED, "--target", "foo"], 2, "--target attend investisseur=fraction"],
      [["simulate", OPENAI, "--seed", "x"], 2, "--seed attend un nombre entier, reçu « x »"],
      [
        ["add-round", SEED, "--name", "B", "--date", "2027-01-01", "--invest", "A=$1M"],
        2,
        "indiquez une seule option parmi --pre-money, --post-money ou --price",
      ],
      [
        [
          "add-round",
          SEED,
          "--name",
          "B",
          "--date",
          "2027-01-01",
          "--pre-money",
          "$9M",
          "--invest",
          "A=$1M",
          "--seniority",
          "high",
        ],
        2,
        "--seniority est un nombre entier ; reçu « high »",
      ],
      [
        ["add-safe", SEED, "--investor", "A", "--amount", "$1M", "--date", "2027-01-01"],
        2,
        "un SAFE demande un plafond",
      ],
      [
        [
          "add-round",
          SEED,
          "--name",
          "B",
          "--date",
          "2027-01-01",
          "--pre-money",
          "beaucoup",
          "--invest",
          "A=$1M",
        ],
        1,
        "le nouveau tour : « beaucoup » : « beaucoup » n'est pas un qualificatif connu",
      ],
      [
        ["model", "examples/ai-ecosystem.yaml"],
        1,
        "c'est un fichier d'espace de travail (plusieurs sociétés)",
      ],
    ];
    for (const [args, code, detail] of cases) {
      const r = await cli(args, fr);
      const what = `${args.join(" ")}\n${r.stderr}`;
      expect(r.code, what).toBe(code);
      expect(r.stderr, what).toMatch(/ : .+ Détail : .+ \([a-z_]+\)\n$/);
      expect(r.stderr, what).toContain(detail);
      const worded = r.stderr.slice(r.stderr.indexOf("Détail : ")).replace(/\([a-z_]+\)\n$/, "");
      expect(worded, what).not.toMatch(ENGLISH_WORDS);
    }
  });

  it("add-round and add-safe --lang fr: the preview in French from the same typed report, figures as in English", async () => {
    const round = [
      "add-round",
      SEED,
      "--name",
      "Growth",
      "--date",
      "2027-06-01",
      "--pre-money",
      "$80M",
      "--invest",
      "Acme=$10M",
      "--pool-target",
      "10%",
    ];
    const en = await cli(round);
    expect(en.stdout).toContain(
      "Growth (2027-06-01): price $4.2153 per share, pre-money $80M, new money $10M, post-money $90M",
    );
    expect(en.stdout).toMatch(/Acme\s+11\.11% fully diluted/);
    const fr = await cli([...round, "--lang", "fr"]);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain(
      "Growth (2027-06-01) : prix 4,2153 $ par action, pré-money 80 M$, argent frais 10 M$, post-money 90 M$",
    );
    expect(fr.stdout).toMatch(/Acme\s+11,11 % entièrement dilué/);
    expect(fr.stdout).toMatch(/2021 Stock Plan \(disponible\)\s+10,00 % entièrement dilué/);
    expect(fr.stdout).toContain("nouvel actionnaire : Acme (id acme)");
    expect(fr.stdout).not.toMatch(ENGLISH_WORDS);
    const safe = await cli(
      ["add-safe", SEED, "--investor", "Angel", "--amount", "$100K", "--date", "2027-01-01", "--cap", "$10M"],
      { env: { LANG: "fr_FR.UTF-8" } },
    );
    expect(safe.stdout).toContain(
      "SAFE safe-angel : Angel investit 100 k$ le 2027-01-01, plafond post-money 10 M$",
    );
    expect(safe.stdout).toContain("se convertit en 1,00 % du capital de la société au plafond");
  });

  it("ingest keeps its own --lang (the report's language): no French output from it", async () => {
    const r = await cli(["ingest", "corpus/ingest/brightwave-talks-en.txt", "--lang", "en"], {
      env: { LANG: "en_US.UTF-8" },
    });
    expect(r.code).toBe(0);
  });

  it("scenarios and simulate --lang fr: French words and numbers; scenarios compact, exact with --exact", async () => {
    const fr = await cli(["scenarios", OPENAI, "--lang", "fr"]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain("2026 mega-round, par scénario");
    expect(fr.stdout).toMatch(/bas\s+de base\s+haut/);
    expect(fr.stdout).toMatch(/Taille du tour\s+36 Md\$\s+55 Md\$\s+74 Md\$/);
    expect(fr.stdout).toMatch(/Microsoft : détention\s+27,04 %\s+25,75 %/);
    const en = await cli(["scenarios", OPENAI, "--lang", "en"]);
    expect(en.stdout).toMatch(/Round size\s+\$36B\s+\$55B\s+\$74B/);
    const exact = await cli(["scenarios", OPENAI, "--lang", "en", "--exact"]);
    expect(exact.stdout).toMatch(/Post-money\s+\$746,999,999,934\.30\s+\$829,999,999,895\.00/);
    const sim = await cli(["simulate", OPENAI, "--runs", "200", "--lang", "fr"]);
    expect(sim.code).toBe(0);
    expect(sim.stdout).toMatch(/200 scénarios, graine 1 \(200 évalués/);
    expect(sim.stdout).toMatch(/Taille du tour \(milliards USD\)\s+\d+,\d{3}/);
    expect(sim.stdout).toMatch(/Microsoft : détention %/);
    for (const english of ["by scenario", "Round size", "ownership", "scenarios, seed", "mean"])
      expect(`${fr.stdout}${sim.stdout}`).not.toContain(english);
  });
});
