import { parse as parseYaml } from "yaml";
import * as z from "zod";
import type { ImportProblem } from "./problems.js";
import { importProblem } from "./problems.js";

/**
 * The mapping file (IMP-40): which column is which when the headers are not recognised,
 * the layout, the sheet and the header row, the order of slash dates, and the terms of
 * classes that the sheet names without defining. YAML or JSON.
 */
/** The fields a mapping file can name a column for (the web app lists them in its mapping step). */
export const FIELDS = [
  "holder",
  "class",
  "shares",
  "holderKind",
  "security",
  "price",
  "amount",
  "issueDate",
  "strike",
  "expiry",
  "vestingStart",
  "vestingMonths",
  "cliffMonths",
  "classType",
  "preferenceMultiple",
  "participation",
  "seniority",
  "conversionRatio",
  "antiDilution",
  "originalIssuePrice",
  "valuationCap",
  "discount",
  "interestRate",
  "certificate",
  "status",
  "total",
  "options",
  "warrants",
] as const;

export type MappedField = (typeof FIELDS)[number];

const Scalar = z.union([z.string(), z.number()]).transform((v) => String(v));

export const ClassTermsSchema = z.strictObject({
  type: z.enum(["common", "preferred"]).optional(),
  preferenceMultiple: Scalar.optional(),
  participation: Scalar.optional(),
  seniority: Scalar.optional(),
  conversionRatio: Scalar.optional(),
  antiDilution: Scalar.optional(),
  originalIssuePrice: Scalar.optional(),
});

export const MappingSchema = z.strictObject({
  layout: z.enum(["template", "summary", "ledger"]).optional(),
  sheet: z.string().min(1).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  columns: z
    .partialRecord(z.enum(FIELDS), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]))
    .optional()
    .meta({ description: "Field → the header (or headers) that holds it, as written in the sheet." }),
  ignore: z.array(z.string().min(1)).optional().meta({ description: "Headers of columns to leave out." }),
  classes: z
    .record(z.string().min(1), ClassTermsSchema)
    .optional()
    .meta({ description: "Terms of classes, by the class name used in the sheet." }),
});

export type Mapping = z.output<typeof MappingSchema>;
export type ClassTermsText = z.output<typeof ClassTermsSchema>;

/** Reads a mapping file's text; every problem names the field of the file. */
export function parseMapping(
  text: string,
  file: string,
): { ok: true; mapping: Mapping } | { ok: false; problems: ImportProblem[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        importProblem(
          "import_mapping_invalid",
          undefined,
          `${file}: not valid YAML: ${(error as Error).message}`,
        ),
      ],
    };
  }
  const parsed = MappingSchema.safeParse(raw ?? {});
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        importProblem(
          "import_mapping_invalid",
          undefined,
          `${file}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`,
        ),
      ),
    };
  return { ok: true, mapping: parsed.data };
}
