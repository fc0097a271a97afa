import type { Command } from "commander";
import { lastEventDate } from "../../render/reports/bridge.js";
import { claimsDocument, claimsFiguresOf } from "../../render/reports/claims.js";
import { type ClaimsReport, claimsReport, unknownClaims } from "../../report/claims-report.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { reportFileOptions, reportTarget, writeReportFile } from "../report-file.js";
import { renderTable } from "../table.js";

function renderClaims(report: ClaimsReport): string {
  if (report.claims.length === 0) return `${report.company}: the deal has no claims.\n`;
  const out: string[] = [`${report.company} — claims, conflicts and feasible ranges`, ""];
  out.push("Sources");
  for (const s of report.sources) {
    out.push(
      `  [${s.id}] ${[s.publisher, s.title].filter(Boolean).join(", ") || "(untitled)"}${s.date ? `, ${s.date}` : ""} — ${s.type}, reliability ${s.reliability}`,
    );
  }
  out.push("", "Claims, in date order");
  out.push(
    renderTable(
      [
        { header: "Date" },
        { header: "Claim" },
        { header: "Source" },
        { header: "About" },
        { header: "Value" },
        { header: "Status" },
        { header: "Change" },
      ],
      report.timeline.map((e) => [
        String(e.date ?? "undated"),
        String(e.claim),
        String(e.source),
        String(e.subject),
        String(e.value),
        String(e.status),
        String(e.change),
      ]),
    ).trimEnd(),
  );
  out.push("");
  if (report.conflicts.length === 0) out.push("No conflict: all the claims can hold together.");
  else {
    out.push(`Conflicts (${report.conflicts.length}): claims that cannot all hold`);
    for (const c of report.conflicts) out.push(`  ${c.claims.join(" + ")}: ${c.explanation}`);
  }
  if (report.gaps.length > 0) {
    out.push("", "Gaps between group claims and their members' own claims");
    for (const g of report.gaps) out.push(`  ${g.claim}: ${g.text}`);
  }
  const sections = report.chosen
    ? [{ title: `Your claim set (${report.chosen.claims.join(", ")})`, ranges: report.chosen.ranges }]
    : [];
  report.readings.forEach((r, i) => {
    const dropped = r.dropped.length === 0 ? "every claim" : `without ${r.dropped.join(", ")}`;
    sections.push({
      title: `Reading ${i + 1}${i === 0 ? " (the default: heaviest)" : ""}: ${dropped} — weight ${r.weight}`,
      ranges: r.ranges,
    });
  });
  for (const section of sections) {
    out.push("", section.title);
    out.push(
      renderTable(
        [{ header: "Quantity" }, { header: "Feasible range" }],
        section.ranges.map((x) => [x.label, x.text]),
      ).trimEnd(),
    );
  }
  if (!report.complete) out.push("", "note: a limit stopped the enumeration; the lists above are partial.");
  return `${out.join("\n")}\n`;
}

export function registerClaims(program: Command, io: CliIo): void {
  program
    .command("claims")
    .description(
      "list a deal's sources and claims by date, the conflicts among them, and each consistent reading's feasible ranges",
    )
    .argument("<deal>", "deal file (YAML or JSON)")
    .option("--claims <ids>", "a claim set of your own, comma-separated: its feasible ranges are shown first")
    .addOption(formatOption(["table", "json", "pdf", "xlsx"]))
    .addOption(reportFileOptions()[0]!)
    .addOption(reportFileOptions()[1]!)
    .action(async (file: string, options: { claims?: string; format: OutputFormat; out?: string }) => {
      const target = reportTarget(io, options);
      const loaded = readDealFile(io, file);
      const chosen = options.claims
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = unknownClaims(loaded.deal, chosen ?? []);
      if (unknown.length > 0)
        throw CommandFailure.of(
          "usage",
          `unknown claim${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} in --claims`,
          file,
        );
      const report = claimsReport(loaded.deal, chosen);
      if (target)
        return writeReportFile(
          io,
          target,
          claimsDocument(claimsFiguresOf(report, lastEventDate(loaded.deal))),
        );
      io.stdout.write(options.format === "json" ? jsonText(report) : renderClaims(report));
    });
}
