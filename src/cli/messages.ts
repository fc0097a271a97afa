/**
 * The CLI's own lines — what a command says it did, and the usage errors of its argument
 * parser — in the run's language (APP-9). Diagnostics have their catalogue (failure.ts and
 * src/core/shared/errors.ts); tables are rendered by src/report. What is here is only the
 * face's own words: one function per line, English and French side by side, so that a
 * French run never prints an English sentence of the CLI's.
 */
import { frenchFixed } from "../report/fr.js";
import { type Language, language } from "./lang.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const frenchCount = (n: number) => frenchFixed(String(n));

/** Picks the run's language's text. */
function say(en: string, fr: string, lang: Language = language()): string {
  return lang === "fr" ? fr : en;
}

export const cliText = {
  wroteFile: (file: string) => say(`wrote ${file}`, `fichier écrit : ${file}`),
  wroteReport: (file: string, format: string, bytes: number) =>
    say(
      `wrote ${file} (${format.toUpperCase()}, ${bytes.toLocaleString("en-US")} bytes)`,
      `fichier écrit : ${file} (${format.toUpperCase()}, ${frenchCount(bytes)} octets)`,
    ),
  cannotWrite: (file: string, why: string) =>
    say(`cannot write ${file}: ${why}`, `impossible d'écrire ${file} : ${why}`),
  cannotWriteDeal: (why: string) =>
    say(`cannot write the deal file: ${why}`, `impossible d'écrire le dossier : ${why}`),
  outputExists: (file: string) =>
    say(`${file} exists; pass --force to replace it`, `${file} existe déjà ; --force pour le remplacer`),
  /** Why a file could not be written, from the system's error code. */
  writeFailure: (code: string | undefined, message: string) => {
    switch (code) {
      case "EACCES":
      case "EPERM":
        return say("permission denied", "permission refusée");
      case "ENOENT":
        return say("the folder does not exist", "le dossier n'existe pas");
      case "EROFS":
        return say("the file system is read-only", "le système de fichiers est en lecture seule");
      case "ENOSPC":
        return say("no space left on the device", "plus de place sur le disque");
      default:
        return message;
    }
  },
  spreadsheetRead: (
    file: string,
    sheet: string,
    layout: string,
    headerRow: number,
    csv?: { encoding: string; delimiter: string },
  ) =>
    say(
      `read ${file}: sheet "${sheet}", ${layout} layout, headers in row ${headerRow}${
        csv ? `, ${csv.encoding}, delimiter ${JSON.stringify(csv.delimiter)}` : ""
      }`,
      `lu ${file} : feuille « ${sheet} », disposition ${frenchLayout(layout)}, en-têtes à la ligne ${headerRow}${
        csv ? `, ${csv.encoding}, séparateur ${JSON.stringify(csv.delimiter)}` : ""
      }`,
    ),
  imported: (holders: number, classes: number, transactions: number) =>
    say(
      `imported ${plural(holders, "holder", "holders")}, ${plural(classes, "class", "classes")}, ${plural(
        transactions,
        "transaction",
        "transactions",
      )}`,
      `importé : ${plural(holders, "détenteur", "détenteurs")}, ${plural(classes, "catégorie", "catégories")}, ${plural(
        transactions,
        "transaction",
        "transactions",
      )}`,
    ),
  ocfMapped: (counts: string) => say(`mapped: ${counts}`, `repris : ${counts}`),
  ocfUnmapped: (counts: string) =>
    say(
      `kept, with no counterpart in the ledger: ${counts}`,
      `conservés, sans équivalent dans le registre : ${counts}`,
    ),
  ocfUnresolved: (counts: string) =>
    say(
      `kept with unresolved references: ${counts}`,
      `conservés avec des références non résolues : ${counts}`,
    ),
  ocfWritten: (file: string, counts: string) =>
    say(`wrote ${file}: ${counts}`, `paquet écrit : ${file} : ${counts}`),
  ocfKept: (kept: number, generated: number) =>
    say(
      `kept verbatim from the import: ${kept}; written from the ledger: ${generated}`,
      `repris tels quels de l'import : ${kept} ; écrits depuis le registre : ${generated}`,
    ),
  ocfNote: (note: string) => say(`  note: ${note}`, `  remarque : ${note}`),
  ocfDropped: (what: string) =>
    say(
      `  dropped (its ledger records changed): ${what}`,
      `  écarté (ses écritures du registre ont changé) : ${what}`,
    ),
  ingestAdded: (source: string, claims: number, file: string) =>
    say(
      `added source "${source}" with ${plural(claims, "claim", "claims")} to ${file}`,
      `source « ${source} » ajoutée avec ${plural(claims, "affirmation", "affirmations")} à ${file}`,
    ),
  ingestSkipped: (claim: string, reason: string) =>
    say(`  not added: ${claim}: ${reason}`, `  non ajoutée : ${claim} : ${reason}`),
  ingestUnknownName: (name: string, id: string) =>
    say(
      `  named but not a stakeholder of the deal: ${name} (proposed id ${id})`,
      `  nommé mais absent des détenteurs du dossier : ${name} (identifiant proposé ${id})`,
    ),
  closeRoundPreview: (round: string, file: string) =>
    say(
      `Closing ${round} would add to ${file} (run again with --write to write it):`,
      `Clore ${round} ajouterait à ${file} (relancer avec --write pour l'écrire) :`,
    ),
  closeRoundMove: (roundId: string) =>
    say(
      `and move round ${roundId} from the modelled rounds to closedRounds.`,
      `et déplacerait le tour ${roundId} des tours modélisés vers closedRounds.`,
    ),
  closeRoundDone: (round: string, file: string, classes: number, transactions: number, roundId: string) =>
    say(
      `closed ${round} into ${file}: ${plural(classes, "class", "classes")} and ${plural(
        transactions,
        "transaction",
        "transactions",
      )} added, round ${roundId} removed`,
      `${round} clos dans ${file} : ${plural(classes, "catégorie ajoutée", "catégories ajoutées")} et ${plural(
        transactions,
        "transaction ajoutée",
        "transactions ajoutées",
      )}, tour ${roundId} retiré`,
    ),
  validDeal: (
    file: string,
    v: { stakeholders: number; classes: number; transactions: number; rounds: number },
  ) =>
    say(
      `${file}: valid — ${v.stakeholders} stakeholders, ${plural(v.classes, "class", "classes")}, ${v.transactions} transactions, ${plural(v.rounds, "round", "rounds")}`,
      `${file} : valide — ${plural(v.stakeholders, "détenteur", "détenteurs")}, ${plural(v.classes, "catégorie", "catégories")}, ${plural(v.transactions, "transaction", "transactions")}, ${plural(v.rounds, "tour", "tours")}`,
    ),
  validWorkspace: (
    file: string,
    v: { companies: number; parties: number; agreements: number; stakes: number; rounds: number },
  ) =>
    say(
      `${file}: valid workspace — ${plural(v.companies, "company", "companies")}, ${plural(v.parties, "party", "parties")}, ${plural(v.agreements, "agreement", "agreements")}, ${plural(v.stakes, "declared stake", "declared stakes")}, ${plural(v.rounds, "round", "rounds")}`,
      `${file} : espace de travail valide — ${plural(v.companies, "société", "sociétés")}, ${plural(v.parties, "partie", "parties")}, ${plural(v.agreements, "accord", "accords")}, ${plural(v.stakes, "participation déclarée", "participations déclarées")}, ${plural(v.rounds, "tour", "tours")}`,
    ),
  usageHint: () => say("(run with --help for usage)", "(--help pour l'aide)"),
  internalError: (message: string) =>
    say(
      `roundtable: internal error: ${message}\nThis is a bug in roundtable; please report it with the command and input that caused it.`,
      `roundtable : erreur interne : ${message}\nC'est un défaut de roundtable ; merci de le signaler avec la commande et les données qui l'ont causé.`,
    ),
};

function frenchLayout(layout: string): string {
  return layout === "template"
    ? "modèle"
    : layout === "summary"
      ? "récapitulatif"
      : layout === "ledger"
        ? "registre"
        : layout;
}

/**
 * The argument parser's usage errors (commander's, always English) in French: each of its
 * message shapes, matched whole; a message of another shape is kept as it is.
 */
export function frenchUsageError(text: string): string {
  const rules: readonly [RegExp, (...m: string[]) => string][] = [
    [/^error: unknown option '(.*?)'$/, (o) => `erreur : option inconnue '${o}'`],
    [/^error: unknown command '(.*?)'$/, (c) => `erreur : commande inconnue '${c}'`],
    [/^error: missing required argument '(.*?)'$/, (a) => `erreur : argument obligatoire manquant '${a}'`],
    [/^error: option '(.*?)' argument missing$/, (o) => `erreur : l'option '${o}' attend une valeur`],
    [/^error: required option '(.*?)' not specified$/, (o) => `erreur : l'option obligatoire '${o}' manque`],
    [
      /^error: (option|environment variable) '(.*?)' cannot be used with (option|environment variable) '(.*?)'$/,
      (_a, o1, _b, o2) => `erreur : l'option '${o1}' ne peut pas être employée avec l'option '${o2}'`,
    ],
    [
      /^error: too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      (c, expected, got) =>
        `erreur : trop d'arguments${c ? ` pour '${c}'` : ""} : ${expected} attendu${expected === "1" ? "" : "s"}, ${got} donnés.`,
    ],
    [
      /^error: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\.$/,
      (o, v, choices) =>
        `erreur : la valeur '${v}' de l'option '${o}' n'est pas admise ; choix possibles : ${choices}.`,
    ],
    [
      /^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\. Allowed choices are (.*)\.$/,
      (v, a, choices) =>
        `erreur : la valeur '${v}' de l'argument '${a}' n'est pas admise ; choix possibles : ${choices}.`,
    ],
    [/^\(Did you mean one of (.*)\?\)$/, (list) => `(Vouliez-vous dire l'un de ${list} ?)`],
    [/^\(Did you mean (.*)\?\)$/, (one) => `(Vouliez-vous dire ${one} ?)`],
  ];
  return text
    .split("\n")
    .map((line) => {
      for (const [pattern, render] of rules) {
        const m = pattern.exec(line);
        if (m) return render(...m.slice(1).map((g) => g ?? ""));
      }
      return line;
    })
    .join("\n");
}
