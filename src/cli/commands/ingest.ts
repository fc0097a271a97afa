import path from "node:path";
import { type Command, Option } from "commander";
import { ingest } from "../../app/ingest.js";
import { dealTextWithAddition, ingestIntoDeal } from "../../app/ingest-into-deal.js";
import { parseIsoDate } from "../../core/shared/date.js";
import type { Problem } from "../../core/shared/problem.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { ingestText } from "../../report/ingest-text.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";
import { cliText } from "../messages.js";

interface IngestCliOptions {
  lang: "fr" | "en" | "auto";
  sourceDate?: string;
  deal?: string;
  write?: boolean;
  round?: string;
  title?: string;
  publisher?: string;
  url?: string;
  sourceId?: string;
  format: OutputFormat;
  exact?: boolean;
}

export function registerIngest(program: Command, io: CliIo): void {
  program
    .command("ingest")
    .description(
      "read a news report (French or English) and propose draft claims, with the words they rest on; with --deal --write, add them to a deal",
    )
    .argument("<file>", "a plain-text report, or - for standard input")
    .addOption(
      new Option("--lang <lang>", "the report's language").choices(["fr", "en", "auto"]).default("auto"),
    )
    .option("--source-date <date>", "the report's publication date (YYYY-MM-DD)")
    .option("--deal <deal>", "match names against this deal's company and stakeholders")
    .option("--write", "add the report as a source, with its claims, to the --deal file")
    .option("--round <id>", "with --write: the round the claims are about (default: the deal's last)")
    .option("--title <title>", "the report's title, for the source")
    .option("--publisher <name>", "the report's publisher, for the source")
    .option("--url <url>", "the report's address, for the source")
    .option("--source-id <id>", "the new source's id (default: from the title)")
    .addOption(formatOption(["table", "json"]))
    .option("--exact", "in the table, amounts to the cent instead of $1.2M")
    .action(async (file: string, options: IngestCliOptions) => {
      if (options.write && !options.deal)
        throw CommandFailure.of("usage", "--write needs --deal <deal file> to write to");
      const sourceDate = options.sourceDate === undefined ? undefined : parseIsoDate(options.sourceDate);
      if (options.sourceDate !== undefined && !sourceDate)
        throw CommandFailure.of("usage", `--source-date takes YYYY-MM-DD, got "${options.sourceDate}"`);
      let bytes: Buffer;
      try {
        bytes = file === "-" ? io.readStdin() : io.readBytes(path.resolve(io.cwd, file));
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw CommandFailure.of(
          "file_unreadable",
          `cannot read the report: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message}`,
          file,
        );
      }
      const loaded = options.deal ? readDealFile(io, options.deal) : undefined;
      if (!options.write || !loaded) {
        const read = await ingest.run(
          { text: new Uint8Array(bytes), deal: loaded?.deal },
          { lang: options.lang, ...(sourceDate ? { sourceDate } : {}) },
        );
        if (!read.ok) throw CommandFailure.fromProblems(read.problems, file);
        printWarnings(io, read.warnings, file);
        io.stdout.write(
          options.format === "json"
            ? jsonText(ingest.json(read.value))
            : ingestText(read.value, { exact: options.exact === true, lang: language() }),
        );
        return;
      }
      // --write: one new source with its claims, added to the deal file; nothing else changes.
      const read = ingestIntoDeal.run(
        { text: new Uint8Array(bytes), deal: loaded.deal },
        {
          lang: options.lang,
          ...(sourceDate ? { sourceDate } : {}),
          round: options.round,
          sourceId: options.sourceId,
          title: options.title,
          publisher: options.publisher,
          url: options.url,
        },
      );
      if (!read.ok) throw CommandFailure.fromProblems(read.problems, file);
      printWarnings(io, read.warnings, file);
      const added = read.value.addition;
      if (!added.ok) {
        const p = added.problems[0]!;
        throw CommandFailure.of(
          p.code,
          p.code === "deal_duplicate_id" ? `${p.message} with --source-id` : p.message,
          options.deal,
        );
      }
      const { draft, entries } = added.value;
      // The edited deal must load before anything is written.
      const edited = dealTextWithAddition(loaded.text, options.deal!, entries);
      if (!edited.ok)
        throw edited.diagnostics
          ? new CommandFailure(edited.diagnostics, 1)
          : CommandFailure.of("deal_syntax", edited.problems[0]!.message, options.deal);
      try {
        io.writeFileAtomic(path.resolve(io.cwd, options.deal!), edited.text);
      } catch (error) {
        throw CommandFailure.of(
          "file_unwritable",
          cliText.cannotWriteDeal((error as Error).message),
          options.deal,
        );
      }
      io.stdout.write(`${cliText.ingestAdded(draft.source.id, entries.claims.length, options.deal!)}\n`);
      for (const s of entries.skipped) io.stdout.write(`${cliText.ingestSkipped(s.claim, s.reason)}\n`);
      for (const n of draft.newStakeholders) io.stdout.write(`${cliText.ingestUnknownName(n.name, n.id)}\n`);
    });
}

function printWarnings(io: CliIo, warnings: readonly Problem[], file: string): void {
  printDiagnostics(
    io,
    warnings.map((w) => diagnosticFrom(w, file)),
  );
}
