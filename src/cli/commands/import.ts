import { existsSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { spreadsheetImport } from "../../app/import.js";
import { parseInput } from "../../app/use-case.js";
import { parseIsoDate } from "../../core/shared/date.js";
import { type FileRole, message } from "../../core/shared/messages.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { readFailure } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import type { CliIo } from "../io.js";
import { cliText } from "../messages.js";
import { flagMessage } from "../use-case.js";

interface ImportFlags {
  out?: string;
  force?: boolean;
  sheet?: string;
  map?: string;
  company?: string;
  currency?: string;
  layout?: "template" | "summary" | "ledger";
  date?: string;
  formed?: string;
  dateOrder?: "dmy" | "mdy";
  strict?: boolean;
}

function readInput(io: CliIo, file: string, what: FileRole): Buffer {
  try {
    return io.readBytes(path.resolve(io.cwd, file));
  } catch (error) {
    throw CommandFailure.of(
      "file_unreadable",
      message("cannot_read", { what, why: readFailure(error) }),
      file,
    );
  }
}

/**
 * `roundtable import`: a cap table from a CSV or XLSX spreadsheet into a deal file
 * (docs/spec/import.md). The command only reads the flags and the files, runs the `import`
 * use case (src/app/import.ts), and writes the deal atomically when the whole import loads.
 */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command("import")
    .description(
      "read a cap table from a spreadsheet (CSV or XLSX: the template, a summary by holder and class, or a ledger of issuances) into a deal file",
    )
    .argument("<file>", "a .csv or .xlsx file")
    .option("--out <file>", "write the deal file here (default: print it)")
    .option("--force", "replace an existing --out file")
    .option("--sheet <name>", "the sheet to read (default: the first)")
    .option(
      "--map <file>",
      "a mapping file (YAML) saying which column is which, the layout, the sheet, the header row",
    )
    .option("--company <name>", "the company's name (default: the file's name)")
    .option(
      "--currency <code>",
      "the cap table's currency, ISO 4217 (default: the one the amounts name, else USD)",
    )
    .addOption(
      new Option("--layout <layout>", "the sheet's layout (default: found from the headers)").choices([
        "template",
        "summary",
        "ledger",
      ]),
    )
    .option(
      "--date <YYYY-MM-DD>",
      "the date of holdings the sheet gives no date for (the date of the cap table)",
    )
    .option(
      "--formed <YYYY-MM-DD>",
      "the company's date of formation (incorporation), which an OCF export needs",
    )
    .addOption(
      new Option(
        "--date-order <order>",
        "how dates written with slashes read: dmy (31/12/2025) or mdy (12/31/2025)",
      ).choices(["dmy", "mdy"]),
    )
    .option(
      "--strict",
      "percentages in the sheet that differ from the imported shares are errors, not warnings",
    )
    .action(async (file: string, flags: ImportFlags) => {
      if (flags.currency !== undefined && !/^[A-Z]{3}$/.test(flags.currency))
        throw CommandFailure.of("usage", message("flag_currency", { got: flags.currency }));
      const date = flags.date === undefined ? undefined : parseIsoDate(flags.date);
      if (flags.date !== undefined && date === undefined)
        throw CommandFailure.of(
          "usage",
          message("flag_date", { flag: "--date", form: "calendar", got: flags.date }),
        );
      const formed = flags.formed === undefined ? undefined : parseIsoDate(flags.formed);
      if (flags.formed !== undefined && formed === undefined)
        throw CommandFailure.of(
          "usage",
          message("flag_date", { flag: "--formed", form: "calendar", got: flags.formed }),
        );
      const out = flags.out === undefined ? undefined : path.resolve(io.cwd, flags.out);
      if (out && existsSync(out) && !flags.force)
        throw CommandFailure.of(
          "output_exists",
          message("output_exists", { out: flags.out ?? out }),
          flags.out,
        );
      const mapping =
        flags.map === undefined ? undefined : readInput(io, flags.map, "mapping file").toString("utf8");
      const bytes = readInput(io, file, "spreadsheet");
      const input = parseInput(spreadsheetImport, {
        ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
        ...(flags.layout !== undefined ? { layout: flags.layout } : {}),
        ...(flags.company !== undefined ? { company: flags.company } : {}),
        ...(flags.currency !== undefined ? { currency: flags.currency } : {}),
        ...(flags.date !== undefined ? { date: flags.date } : {}),
        ...(flags.formed !== undefined ? { formed: flags.formed } : {}),
        ...(flags.dateOrder !== undefined ? { dateOrder: flags.dateOrder } : {}),
        ...(mapping !== undefined ? { mapping } : {}),
        strict: flags.strict ? "true" : "false",
      });
      if (!input.ok) {
        const p = input.problems[0]!;
        // The mapping file is given by --map.
        throw CommandFailure.of(
          "usage",
          flagMessage(p.path?.[0] === "mapping" ? { ...p, path: ["map"] } : p),
        );
      }
      const imported = await spreadsheetImport.run(
        {
          bytes: new Uint8Array(bytes),
          name: file,
          ...(flags.map !== undefined ? { mappingName: flags.map } : {}),
        },
        input.value,
      );
      if (!imported.ok)
        throw CommandFailure.fromProblems(
          imported.problems,
          imported.about === "mapping" ? (flags.map ?? file) : file,
        );
      const result = imported.value;
      printDiagnostics(
        io,
        imported.warnings.map((w) => diagnosticFrom(w, file)),
      );
      const c = result.counts;
      io.stderr.write(
        `${cliText.spreadsheetRead(file, result.sheet, result.layout, result.headerRow, result.csv)}\n`,
      );
      for (const column of result.columns) io.stderr.write(`  ${column}\n`);
      io.stderr.write(`${cliText.imported(c.holders, c.classes, c.transactions)}\n`);
      if (out) {
        try {
          io.writeFileAtomic(out, result.yaml);
        } catch (error) {
          throw CommandFailure.of(
            "file_unwritable",
            message("cannot_write_deal_file", { why: (error as Error).message }),
            flags.out,
          );
        }
        io.stderr.write(`${cliText.wroteFile(flags.out!)}\n`);
      } else io.stdout.write(result.yaml);
    });
}
