import type { Command } from "commander";
import {
  type FileFormat,
  formatOption,
  type OutputFormat,
  reportFileOptions,
  textOptionsOf,
  wantsReportFile,
  withTextOptions,
} from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

export function registerClaims(program: Command, io: CliIo): void {
  withTextOptions(
    program
      .command("claims")
      .description(
        "list a deal's sources and claims by date, the conflicts among them, and each consistent reading's feasible ranges",
      )
      .argument("<deal>", "deal file (YAML or JSON)")
      .option(
        "--claims <ids>",
        "a claim set of your own, comma-separated: its feasible ranges are shown first",
      )
      .addOption(formatOption(["table", "json", "pdf", "xlsx"]))
      .addOption(reportFileOptions()[0]!)
      .addOption(reportFileOptions()[1]!),
  ).action(
    async (
      file: string,
      options: {
        claims?: string;
        format: OutputFormat | FileFormat;
        out?: string;
        exact?: boolean;
        ids?: boolean;
      },
    ) => {
      // The PDF and XLSX renderers load only for a report written to a file (APP-6).
      const files = wantsReportFile(options) ? await import("../report-file.js") : undefined;
      const target = files?.reportTarget(io, options);
      const [{ claims }, { readDealFile }, { runUseCase }, { claimsText }, { jsonText }, { lastEventDate }] =
        await Promise.all([
          import("../../app/claims.js"),
          import("../deal-file.js"),
          import("../use-case.js"),
          import("../../report/claims-text.js"),
          import("../../report/text-formats.js"),
          import("../../app/select.js"),
        ]);
      const loaded = readDealFile(io, file);
      const report = await runUseCase(
        io,
        claims,
        loaded.deal,
        { claims: options.claims },
        file,
        loaded.locate,
      );
      if (files && target) {
        const { claimsDocument, claimsFiguresOf } = await import("../../render/reports/claims.js");
        return files.writeReportFile(
          io,
          target,
          claimsDocument(claimsFiguresOf(report, lastEventDate(loaded.deal)), { lang: language() }),
        );
      }
      io.stdout.write(
        options.format === "json"
          ? jsonText(claims.json(report))
          : claimsText(report, textOptionsOf(options)),
      );
    },
  );
}
