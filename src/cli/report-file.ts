import { statSync } from "node:fs";
import path from "node:path";
import type { ReportDocument } from "../render/document.js";
import { CommandFailure } from "./failure.js";
import type { FileFormat } from "./format-option.js";
import type { CliIo } from "./io.js";
import { cliText } from "./messages.js";

export { FILE_FORMATS, type FileFormat, reportFileOptions } from "./format-option.js";

/** Where a pdf or xlsx report goes: a file, or `-` for standard output when it is not a terminal. */
export interface ReportTarget {
  readonly format: FileFormat;
  readonly out: string;
  readonly pageSize: "A4" | "LETTER";
}

/**
 * Checks a command's `--format` and `--out` before any work is done: a pdf or xlsx report
 * needs `--out` (a PDF is never printed to a terminal), and `--out` is only for them.
 * Returns the target of a file report, or undefined when the command prints text.
 */
export function reportTarget(
  io: CliIo,
  options: { format?: string; out?: string; pageSize?: string },
): ReportTarget | undefined {
  const format = options.format;
  const isFile = format === "pdf" || format === "xlsx";
  if (!isFile) {
    if (options.out !== undefined)
      throw CommandFailure.of(
        "usage",
        `--out writes a pdf or xlsx report: add --format pdf or --format xlsx (--format ${format ?? "table"} prints to standard output)`,
      );
    return undefined;
  }
  if (options.out === undefined || options.out === "")
    throw CommandFailure.of(
      "usage",
      `--format ${format} writes a file: name it with --out FILE (for example --out report.${format})`,
    );
  if (options.out === "-" && io.stdout.isTTY)
    throw CommandFailure.of(
      "usage",
      `refusing to write a ${format} file to the terminal: redirect standard output, or name a file with --out`,
    );
  if (options.out !== "-") {
    const file = path.resolve(io.cwd, options.out);
    const stat = statOrUndefined(file);
    if (stat?.isDirectory())
      throw CommandFailure.of(
        "file_unwritable",
        `${options.out} is a directory: --out names the file to write`,
      );
    const dir = statOrUndefined(path.dirname(file));
    if (!dir?.isDirectory())
      throw CommandFailure.of(
        "file_unwritable",
        `cannot write ${options.out}: the folder ${path.dirname(options.out) || "."} does not exist`,
      );
  }
  return { format, out: options.out, pageSize: options.pageSize === "Letter" ? "LETTER" : "A4" };
}

/**
 * Renders a report document in the target's format and writes it whole: to a temporary
 * file beside the target, then renamed over it, so that a failure leaves nothing
 * half-written (an existing file is replaced only by a complete one).
 */
export async function writeReportFile(
  io: CliIo,
  target: ReportTarget,
  document: ReportDocument,
): Promise<void> {
  // The renderers (pdfkit, exceljs) are loaded only for a file: a command that prints
  // text does not pay for them at start (issue 19).
  let bytes: Uint8Array;
  if (target.format === "pdf") {
    const [{ renderPdf }, { nodePdfFonts }] = await Promise.all([
      import("../render/pdf.js"),
      import("../render/node-fonts.js"),
    ]);
    bytes = await renderPdf(document, { fonts: nodePdfFonts(), pageSize: target.pageSize });
  } else {
    const { renderXlsx } = await import("../render/xlsx.js");
    bytes = await renderXlsx(document);
  }
  if (target.out === "-") {
    // Standard output takes bytes (checked above not to be a terminal).
    (io.stdout as { write(chunk: string | Uint8Array): void }).write(bytes);
    return;
  }
  try {
    io.writeFileAtomic(path.resolve(io.cwd, target.out), bytes);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = cliText.writeFailure(code, (error as Error).message ?? String(error));
    throw CommandFailure.of("file_unwritable", cliText.cannotWrite(target.out, why));
  }
  io.stderr.write(`${cliText.wroteReport(target.out, target.format, bytes.length)}\n`);
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
