import { existsSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { modelledRoundLines, modelledRoundsForExport } from "../../app/ocf-export.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { dealYaml, ledgerToDocument } from "../../deal/serialize.js";
import { exportOcf, importOcf, preservedOf, validationNote } from "../../interchange/ocf/index.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import type { CliIo } from "../io.js";

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
            `${options.out} exists; pass --force to replace it`,
            options.out,
          );
        const imported = await importOcf(path.resolve(io.cwd, source), {
          onInconsistency: options.onInconsistency,
          env: io.env,
          ...(options.schemas ? { schemaDir: path.resolve(io.cwd, options.schemas) } : {}),
        });
        if (!imported.ok) throw CommandFailure.fromProblems(imported.problems, source);
        io.stderr.write(`${validationNote(imported.value.validation ?? "own_checks")}\n`);
        const { ledger, preserved, report } = imported.value;
        printDiagnostics(
          io,
          report.warnings.map((w) => diagnosticFrom(w, source)),
        );
        const text = dealYaml(
          ledgerToDocument(ledger, { ocfPreserved: preserved }),
          `Imported from the Open Cap Format package ${path.basename(source)} by roundtable import-ocf.\nObjects with no counterpart in the ledger are kept in ocfPreserved so that export-ocf writes them back.`,
        );
        io.stderr.write(`mapped: ${counts(report.mapped)}\n`);
        io.stderr.write(`kept, with no counterpart in the ledger: ${counts(report.unmapped)}\n`);
        if (Object.values(report.unresolved).some((n) => n > 0))
          io.stderr.write(`kept with unresolved references: ${counts(report.unresolved)}\n`);
        if (out) {
          try {
            io.writeFileAtomic(out, text);
          } catch (error) {
            throw CommandFailure.of(
              "file_unwritable",
              `cannot write the deal file: ${(error as Error).message}`,
              options.out,
            );
          }
          io.stderr.write(`wrote ${options.out}\n`);
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
        if (options.format !== "text" && options.format !== "json")
          throw CommandFailure.of("usage", `--format must be text or json, not "${options.format}"`);
        if (options.country !== undefined && !/^[A-Z]{2}$/.test(options.country)) {
          throw CommandFailure.of(
            "usage",
            `--country takes an ISO 3166-1 alpha-2 code such as US or FR, got "${options.country}"`,
          );
        }
        const loaded = readDealFile(io, file);
        const kept = preservedOf(loaded.deal.document.ocfPreserved);
        if (!kept.ok) throw CommandFailure.of("deal_invalid_field", kept.problems[0]!.message, file);
        const preserved = kept.value;
        // OCF-EXP-14: a round still only modelled is never dropped silently.
        const modelled = modelledRoundsForExport(loaded.deal, options.includeModelled === true);
        if (!modelled.ok) throw CommandFailure.fromProblems(modelled.problems, file, loaded.locate);
        const exported = await exportOcf(
          modelled.value.ledger,
          preserved,
          path.resolve(io.cwd, options.out),
          {
            overwrite: options.force ?? false,
            onInconsistency: options.onInconsistency,
            ...(options.country ? { issuer: { countryOfFormation: options.country } } : {}),
            env: io.env,
            ...(options.schemas ? { schemaDir: path.resolve(io.cwd, options.schemas) } : {}),
          },
        );
        // These problems are about the package written, not about places in the deal file.
        if (!exported.ok) throw CommandFailure.fromProblems(exported.problems, options.out);
        const r = exported.value;
        printDiagnostics(
          io,
          r.warnings.map((w) => diagnosticFrom(w, file)),
        );
        if (options.format === "json") {
          io.stdout.write(
            `${JSON.stringify(
              {
                out: options.out,
                written: r.written,
                validation: r.validation,
                kept: r.kept,
                generated: r.generated,
                omitted: r.omitted,
                dropped: r.dropped,
                notExported: modelled.value.notExported,
                includedModelled: modelled.value.included,
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        io.stdout.write(`wrote ${options.out}: ${counts(r.written)}\n`);
        for (const line of modelledRoundLines(modelled.value)) io.stdout.write(`${line}\n`);
        io.stdout.write(`${validationNote(r.validation)}\n`);
        io.stdout.write(
          `kept verbatim from the import: ${r.kept}; written from the ledger: ${r.generated}\n`,
        );
        for (const o of r.omitted) io.stdout.write(`  note: ${o}\n`);
        for (const d of r.dropped) io.stdout.write(`  dropped (its ledger records changed): ${d}\n`);
      },
    );
}
