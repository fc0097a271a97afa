import { statSync } from "node:fs";
import path from "node:path";
import { message } from "../core/shared/messages.js";
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
      throw CommandFailure.of("usage", message("out_needs_file_format", { format: format ?? "table" }));
    return undefined;
  }
  if (options.out === undefined || options.out === "")
    throw CommandFailure.of("usage", message("file_format_needs_out", { format }));
  if (options.out === "-" && io.stdout.isTTY)
    throw CommandFailure.of("usage", message("file_to_terminal", { format }));
  if (options.out !== "-") {
    const file = path.resolve(io.cwd, options.out);
    const stat = statOrUndefined(file);
    if (stat?.isDirectory())
      throw CommandFailure.of("file_unwritable", message("out_is_directory", { out: options.out }));
    const dir = statOrUndefined(path.dirname(file));
    if (!dir?.isDirectory())
      throw CommandFailure.of(
        "file_unwritable",
        message("out_folder_missing", { out: options.out, folder: path.dirname(options.out) || "." }),
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
    throw CommandFailure.of("file_unwritable", message("cannot_write", { what: target.out, why }));
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
