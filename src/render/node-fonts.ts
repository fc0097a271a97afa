import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PdfFonts } from "./pdf.js";

const require = createRequire(import.meta.url);

let fonts: PdfFonts | undefined;

/**
 * The fonts a PDF embeds, read from the @fontsource/inter package installed with
 * roundtable (SIL Open Font License): never from the system, never from the network.
 * Read once per process.
 */
export function nodePdfFonts(): PdfFonts {
  fonts ??= {
    regular: readFileSync(require.resolve("@fontsource/inter/files/inter-latin-400-normal.woff")),
    bold: readFileSync(require.resolve("@fontsource/inter/files/inter-latin-700-normal.woff")),
  };
  return fonts;
}
