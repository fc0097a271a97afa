import { existsSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { modelledRoundLines, ocfExport } from "../../app/ocf-export.js";
import { ocfImport } from "../../app/ocf-import.js";
import { message } from "../../core/shared/messages.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { validationNote, writeOcfPackage } from "../../interchange/ocf/index.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { textOrJsonFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { cliText } from "../messages.js";

function counts(record: Readonly<Record<string, number>>): string {
  const entries = Object.entries(record).filter(([, n]) => n > 0);
  return entries.length === 0 ? "none" : entries.map(([type, n]) => `${type} ${n}`).join(", ");
}

export function registerOcf(program: Command, io: CliIo): void {
  program
    .command("import-ocf")
    .description(
      "read an Open Cap Format package (folder, .zip or manifest) into a deal file; objects with no counterpart are kept and reported",
    )
    .argument("<package>", "an OCF package: a folder, a .zip, or its Manifest.ocf.json")
    .option("--out <file>", "write the deal file here (default: print it)")
    .option("--force", "replace an existing --out file")
    .addOption(
      new Option(
        "--on-inconsistency <mode>",
        "a package whose references do not resolve: fail, or keep it as it is",
      )
        .choices(["fail", "preserve"])
        .default("fail"),
    )
    .option(
      "--schemas <dir>",
      "the folder of the official OCF 1.2.0 JSON Schemas to validate against (default: $ROUNDTABLE_OCF_SCHEMAS; with neither, roundtable's own checks only)",
    )
    .action(
      async (
        source: string,
        options: { out?: string; force?: boolean; onInconsistency: "fail" | "preserve"; schemas?: string },
      ) => {
        const out = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
        if (out && existsSync(out) && !options.force)
          throw CommandFailure.of(
            "output_exists",
            message("output_exists", { out: options.out ?? out }),
            options.out,
          );
        const imported = await ocfImport.run(
          { kind: "path", path: path.resolve(io.cwd, source) },
          { onInconsistency: options.onInconsistency },
          { env: io.env, ...(options.schemas ? { schemaDir: path.resolve(io.cwd, options.schemas) } : {}) },
        );
        if (!imported.ok) throw CommandFailure.fromProblems(imported.problems, source);
        io.stderr.write(`${validationNote(imported.value.validation)}\n`);
        const { report, text } = imported.value;
        printDiagnostics(
          io,
          report.warnings.map((w) => diagnosticFrom(w, source)),
        );
        io.stderr.write(`${cliText.ocfMapped(counts(report.mapped))}\n`);
        io.stderr.write(`${cliText.ocfUnmapped(counts(report.unmapped))}\n`);
        if (Object.values(report.unresolved).some((n) => n > 0))
          io.stderr.write(`${cliText.ocfUnresolved(counts(report.unresolved))}\n`);
        if (out) {
          try {
            io.writeFileAtomic(out, text);
          } catch (error) {
            throw CommandFailure.of(
              "file_unwritable",
              message("cannot_write_deal_file", { why: (error as Error).message }),
              options.out,
            );
          }
          io.stderr.write(`${cliText.wroteFile(options.out!)}\n`);
        } else io.stdout.write(text);
      },
    );

  program
    .command("export-ocf")
    .description(
      "write a deal's ledger as a valid Open Cap Format package (folder or .zip), with its manifest and file hashes",
    )
    .argument("<deal>", "deal file (YAML or JSON)")
    .requiredOption("--out <path>", "a folder, or a file ending in .zip")
    .option("--force", "replace an existing output")
    .addOption(
      new Option(
        "--on-inconsistency <mode>",
        "references that do not resolve (kept from an import with --on-inconsistency preserve): fail, or write them as they are",
      )
        .choices(["fail", "preserve"])
        .default("fail"),
    )
    .option(
      "--country <code>",
      "the issuer's country of formation (ISO 3166-1 alpha-2, e.g. US), which OCF requires; kept from an import when there is one",
    )
    .option(
      "--schemas <dir>",
      "the folder of the official OCF 1.2.0 JSON Schemas to validate against (default: $ROUNDTABLE_OCF_SCHEMAS; with neither, roundtable's own checks only)",
    )
    .option(
      "--include-modelled",
      "also write the rounds still only modelled, as close-round would record them (the pro forma as of each one's last closing); without it they are listed as not exported",
    )
    .option(
      "--format <format>",
      "text or json (what was written, the validation, the rounds not exported)",
      "text",
    )
    .action(
      async (
        file: string,
        options: {
          out: string;
          force?: boolean;
          onInconsistency: "fail" | "preserve";
          country?: string;
          schemas?: string;
          includeModelled?: boolean;
          format: string;
        },
      ) => {
        textOrJsonFormat(options.format);
        if (options.country !== undefined && !/^[A-Z]{2}$/.test(options.country)) {
          throw CommandFailure.of("usage", message("flag_country", { got: options.country }));
        }
        const loaded = readDealFile(io, file);
        const exported = ocfExport.run(
          loaded.deal,
          {
            onInconsistency: options.onInconsistency,
            ...(options.country ? { country: options.country } : {}),
            includeModelled: options.includeModelled === true,
          },
          { env: io.env, ...(options.schemas ? { schemaDir: path.resolve(io.cwd, options.schemas) } : {}) },
        );
        if (!exported.ok)
          // Problems with the package written are not about places in the deal file.
          throw exported.about === "deal"
            ? CommandFailure.fromProblems(exported.problems, file, loaded.locate)
            : CommandFailure.fromProblems(exported.problems, options.out);
        const written = writeOcfPackage(
          path.resolve(io.cwd, options.out),
          exported.value.files,
          options.force ?? false,
        );
        if (!written.ok) throw CommandFailure.fromProblems(written.problems, options.out);
        const modelled = exported.value.modelled;
        const r = exported.value.report;
        printDiagnostics(
          io,
          exported.warnings.map((w) => diagnosticFrom(w, file)),
        );
        if (options.format === "json") {
          io.stdout.write(`${JSON.stringify(ocfExport.json(exported.value, options.out), null, 2)}\n`);
          return;
        }
        io.stdout.write(`${cliText.ocfWritten(options.out, counts(r.written))}\n`);
        for (const line of modelledRoundLines(modelled)) io.stdout.write(`${line}\n`);
        io.stdout.write(`${validationNote(exported.value.validation)}\n`);
        io.stdout.write(`${cliText.ocfKept(r.kept, r.generated)}\n`);
        for (const o of r.omitted) io.stdout.write(`${cliText.ocfNote(o)}\n`);
        for (const d of r.dropped) io.stdout.write(`${cliText.ocfDropped(d)}\n`);
      },
    );
}
