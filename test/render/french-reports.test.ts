import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { cli } from "../support/cli.js";

/**
 * The reports to hand over in French (issue 16, "French throughout"): `--lang fr` words
 * every title, label, header and mark in French, the PDF writes its figures the French way
 * (decimal comma, groups and units after a no-break space, 830 Md$, 27,00 %), and the
 * workbook keeps the same numbers under French sheet names and headers.
 */

const OPENAI = "examples/openai-round.yaml";
const SEED = "examples/seed-to-series-a.yaml";

function outDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "roundtable-fr-reports-"));
}

/** The PDF's text as pdftotext (poppler-utils) extracts it, every run of blanks (no-break spaces too) one space. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
    /[\s\u00a0\u202f]+/g,
    " ",
  );
}

async function writeReport(args: readonly string[], ext: "pdf" | "xlsx", lang: "fr" | "en" = "fr") {
  const file = path.join(outDir(), `report-${lang}.${ext}`);
  const result = await cli([...args, "--lang", lang, "--format", ext, "--out", file]);
  expect(result.stderr).toContain(lang === "fr" ? `fichier écrit : ${file}` : `wrote ${file}`);
  expect(result.code).toBe(0);
  return file;
}

async function json(args: readonly string[]) {
  const result = await cli([...args, "--format", "json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/** A worked French percentage from the JSON's decimal fraction: "0.27" → "27,00 %" (two places, half-even). */
function frenchPercentOf(fraction: string): string {
  const percent = Rational.parse(fraction)!.mulInt(100n).toFixed(2);
  return `${percent.replace(".", ",")} %`;
}

/** A worked French grouping of an integer string: "10709677418" → "10 709 677 418". */
function frenchGroups(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** Expects every French label, and none of the English ones. */
function expectFrench(text: string, french: readonly string[], english: readonly string[]) {
  for (const label of french) expect(text, `French "${label}"`).toContain(label);
  for (const label of english) expect(text, `English "${label}"`).not.toContain(label);
}

/** English words of the documents' chrome, which no French file has. */
const CHROME_EN = ["Document version", " of 1", "Estimates:", "Unsaved edits", "Holder", "Invested"];

describe("French PDF reports (--lang fr)", () => {
  it("the pro forma: French labels, exact money as 775 000 000 000,00 $, prices 77,50 $, 27,00 %, 55 Md$", async () => {
    const report = await json(["model", OPENAI]);
    const text = pdfText(await writeReport(["model", OPENAI], "pdf"));
    expectFrench(
      text,
      [
        "Pro forma",
        "Prix par action 77,50 $",
        // Key figures compact, the exact amount beside.
        "Valorisation pré-money 775 Md$ 775 000 000 000,00 $",
        "Argent frais 55 Md$ 54 999 999 895,00 $",
        "Valorisation post-money 830 Md$ 829 999 999 895,00 $",
        "Actions entièrement diluées après 10 709 677 418",
        "Pro forma par détenteur",
        "Détenteur",
        "Actions ED",
        "Investi",
        "nouveau",
        "Catégories d'actions",
        "de préférence",
        "Scénario et informations",
        "scénario de base",
        "Amazon (2 informations)",
        "valorisation post-money du tour 2026 mega-round 830 Md$ de base",
        "Hypothèses utilisées",
        "Estimations : Des montants du tour sont des estimations",
        "Page 1 sur 3",
      ],
      [
        ...CHROME_EN,
        "Price per share",
        "Pre-money valuation",
        "New money",
        "Fully diluted",
        "Pro forma by holder",
        "Share classes",
        "Scenario and claims",
        "Assumptions used",
        "(2 claims)",
        "$775",
        "$830B",
        "27.00%",
      ],
    );
    expect(text).toContain(
      `Total 10 000 000 000 100,00 % ${frenchGroups(report.round.fullyDilutedSharesAfter)} 100,00 % 55 Md$`,
    );
    for (const h of report.holders) {
      expect(text).toContain(h.name);
      expect(text).toContain(frenchPercentOf(h.fullyDilutedAfter));
      expect(text).toContain(frenchGroups(h.fullyDilutedSharesAfter));
    }
  });

  it("the cap table: French headers and summary, grouped shares, French percentages", async () => {
    const report = await json(["captable", SEED]);
    const text = pdfText(await writeReport(["captable", SEED], "pdf"));
    expectFrench(
      text,
      [
        "Table de capitalisation",
        `au ${report.asOf}`,
        "Synthèse",
        `Actions émises ${frenchGroups(report.totals.outstanding)}`,
        `Actions entièrement diluées ${frenchGroups(report.totals.fullyDiluted)}`,
        "Par détenteur",
        "Par catégorie",
        `Actions sur une base convertie ${frenchGroups(report.totals.asConverted)}`,
        "Détention entièrement diluée par détenteur",
        "Par détenteur et catégorie",
        "Le pourcentage entièrement dilué compte aussi les options",
      ],
      [...CHROME_EN, "Cap table", "Summary", "Outstanding", "As-converted", "By holder", "By class"],
    );
    for (const h of report.holders) {
      expect(text).toContain(h.name);
      expect(text).toContain(frenchPercentOf(h.fullyDilutedFraction));
    }
  });

  it("the exit: the waterfall at 10 M$ and 50 M$, states and breakpoints in French", async () => {
    const at = await json(["exit", SEED, "--at", "50M"]);
    const text = pdfText(await writeReport(["exit", SEED, "--at", "10M;50M"], "pdf"));
    expectFrench(
      text,
      [
        "Répartition à la sortie",
        "à 10 M$ ; 50 M$",
        "Valeurs de sortie comparées",
        "À une sortie de 50 M$",
        "Valeur de sortie 50 000 000,00 $",
        "À répartir entre les détenteurs",
        "Prix par action ordinaire",
        "prend sa préférence",
        "convertit",
        "Produit (exact)",
        "Points de rupture",
        "Ce qui se passe",
        "préférences payées",
        "Multiple :",
      ],
      [
        ...CHROME_EN,
        "Exit waterfall",
        "At an exit of",
        "Exit value",
        "Breakpoints",
        "takes preference",
        "preferences paid",
        "What happens",
        "$50M",
      ],
    );
    for (const h of at.outcomes[0].holders.filter((x: { total: string }) => x.total !== "0"))
      expect(text).toContain(h.name);
    // Lead Ventures paid 4 M$ for its Series A shares: 1,00x at 10 M$ (a 1x preference).
    expect(text).toMatch(/Lead Ventures .*4 M\$ .*1,00x/);
  });

  it("the claims: sources, statuses, conflicts and ranges worded by the French renderers", async () => {
    const text = pdfText(await writeReport(["claims", OPENAI], "pdf"));
    expectFrench(
      text,
      [
        "Informations, conflits et plages possibles",
        "10 informations",
        "Les informations et leurs preuves",
        "rumeur",
        "conclu",
        "jusqu'à 50 Md$",
        "environ 40 Md$",
        "ne peuvent pas toutes tenir",
        "Lecture 1 (par défaut : la plus lourde)",
        "(20 Md$ ; 50 Md$]",
        "24,30 %",
        "les conditions indiquées du dossier",
        "valorisation post-money du tour 2026 mega-round 747 Md$ 913 Md$ [747 Md$ ; 913 Md$]",
        "participation de Microsoft 24,30 % 29,70 %",
        "fonds géante",
      ],
      [
        ...CHROME_EN,
        "Claims dossier",
        "cannot all hold",
        "Reading 1",
        "in talks",
        "up to $50B",
        "($20B, $50B]",
        "Feasible range",
        "the deal's stated terms",
        "post-money valuation",
        "Microsoft's stake",
      ],
    );
  });

  it("the scenarios side by side: bas, de base, haut, with French money and percentages", async () => {
    const text = pdfText(await writeReport(["scenarios", OPENAI], "pdf"));
    expectFrench(
      text,
      [
        "Scénarios côte à côte",
        "bas de base haut",
        "Taille du tour 36 Md$ 55 Md$ 74 Md$",
        "Valorisation post-money 747 Md$ 830 Md$ 913 Md$",
        "Prix par action 71,10 $ 77,50 $ 83,90 $",
        "Détention entièrement diluée après le tour",
        "Microsoft 27,04 % 25,75 % 24,81 %",
        "Les informations de chaque scénario",
        "Scénario :",
      ],
      [
        ...CHROME_EN,
        "Scenarios side by side",
        "Round size",
        "$830B",
        "Claims behind each scenario",
        "the deal's own terms",
      ],
    );
  });

  it("the Monte Carlo summary: percentiles and histograms in French, marked as a simulation", async () => {
    const text = pdfText(await writeReport(["simulate", OPENAI, "--runs", "300", "--seed", "3"], "pdf"));
    expectFrench(
      text,
      [
        "Simulation Monte-Carlo",
        "Simulation : Les chiffres sont des statistiques de 300 scénarios tirés (graine 3)",
        "Scénarios tirés 300",
        "Centiles des chiffres du tour",
        "Moyenne",
        "Valorisation post-money : distribution sur les scénarios tirés",
        "Microsoft : détention",
        "Tous les centiles",
        "P50",
        "Md$",
      ],
      [...CHROME_EN, "Monte Carlo simulation", "Post-money valuation", "Every percentile", "Mean", "seed 3"],
    );
  });

  it("the PDF's document language (its catalog's /Lang) follows the report's", async () => {
    const french = readFileSync(await writeReport(["captable", SEED], "pdf")).toString("latin1");
    expect(french).toMatch(/\/Lang \(fr\)/);
    const english = readFileSync(await writeReport(["captable", SEED], "pdf", "en")).toString("latin1");
    expect(english).toMatch(/\/Lang \(en\)/);
  });
});

/** Every number of a workbook, sheet by sheet in order, by cell address (formulas by their cached result). */
function numbersOf(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.worksheets.forEach((sheet, i) => {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const n =
          typeof v === "number"
            ? v
            : v && typeof v === "object" && "result" in v && typeof v.result === "number"
              ? v.result
              : undefined;
        if (n !== undefined) out.push(`${i}:${cell.address}=${n}`);
      }),
    );
  });
  return out;
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("French XLSX reports (--lang fr)", () => {
  for (const [kind, args, sheets, english] of [
    [
      "pro forma",
      ["model", OPENAI],
      ["Rapport", "Pro forma par détenteur", "Catégories d'actions", "Hypothèses utilisées"],
      ["Report", "Pro forma by holder"],
    ],
    [
      "cap table",
      ["captable", SEED],
      ["Table de capitalisation", "Rapport", "Synthèse", "Par détenteur"],
      ["Cap table", "By holder"],
    ],
    [
      "exit",
      ["exit", SEED, "--at", "10M;50M"],
      ["Rapport", "À une sortie de 50 M$", "Points de rupture"],
      ["Breakpoints"],
    ],
    ["claims", ["claims", OPENAI], ["Rapport", "Sources", "Conflits"], ["Conflicts"]],
    ["scenarios", ["scenarios", OPENAI], ["Rapport", "Scénarios côte à côte"], ["Scenarios side by side"]],
    [
      "simulation",
      ["simulate", OPENAI, "--runs", "200", "--seed", "5"],
      ["Rapport", "L'échantillon", "Le tour", "Chaque détenteur"],
      ["The round"],
    ],
  ] as const) {
    it(`the ${kind}: French sheet names and headers, the same numbers as the English workbook`, async () => {
      const fr = await workbook(await writeReport(args, "xlsx", "fr"));
      const en = await workbook(await writeReport(args, "xlsx", "en"));
      const names = fr.worksheets.map((s) => s.name);
      for (const s of sheets) expect(names).toContain(s);
      for (const s of english) expect(names).not.toContain(s);
      expect(fr.worksheets.length).toBe(en.worksheets.length);
      const numbers = numbersOf(fr);
      expect(numbers.length).toBeGreaterThan(5);
      expect(numbers).toEqual(numbersOf(en));
      const report = fr.getWorksheet("Rapport")!;
      expect(report.getCell("A3").value).toBe("Société");
      expect(report.getCell("A4").value).not.toBe("Subject");
    });
  }

  it("the pro forma's headers and formulas: Détenteur, Actions ED après, the ownership formula", async () => {
    const report = await json(["model", OPENAI]);
    const wb = await workbook(await writeReport(["model", OPENAI], "xlsx"));
    const sheet = wb.getWorksheet("Pro forma par détenteur")!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      "Détenteur",
      "Actions ED avant",
      "ED avant",
      "Actions ED après",
      "ED après",
      "Dilution",
      "Investi",
    ]);
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe(report.holders[0].name);
    expect(first.getCell(4).value).toBe(Number(report.holders[0].fullyDilutedSharesAfter));
    expect((first.getCell(5).value as { formula: string }).formula).toBe(`D4/D$${4 + report.holders.length}`);
  });

  it("the French cap table's first sheet reads back through the spreadsheet importer as the English one does", async () => {
    const fr = await writeReport(["captable", SEED], "xlsx");
    const wb = await workbook(fr);
    expect(wb.worksheets[0]!.name).toBe("Table de capitalisation");
    expect(wb.worksheets[0]!.getCell("A1").value).toBe("Détenteur");
    const en = await writeReport(["captable", SEED], "xlsx", "en");
    const imported = async (file: string) => {
      const result = await cli(["import", file, "--date", "2023-06-15", "--company", "Acme Robotics, Inc."]);
      expect(result.stderr).not.toMatch(/import_headers_unrecognised/);
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const french = await imported(fr);
    expect(french).toContain("Lead Ventures");
    // The same deal but for the file it came from (named in the deal's head comment).
    const strip = (yaml: string) =>
      yaml
        .replaceAll(/report-(fr|en)\.xlsx/g, "report.xlsx")
        .replaceAll('sheet "Table de capitalisation"', 'sheet "Cap table"');
    expect(strip(french)).toBe(strip(await imported(en)));
  });
});
