import * as z from "zod";
import { Rational } from "../core/exact/rational.js";
import { type IsoDate, parseIsoDate } from "../core/shared/date.js";
import { inputForm } from "../core/shared/messages.js";

/**
 * The input fields several use cases share. The CLI's flags and the API's query
 * parameters are both strings, so each field reads text (and accepts the typed value the
 * library passes where that is natural).
 */
export const RoundParam = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .meta({ description: "The round (its id); the last one by default. Earlier rounds are applied first." });

export const ScenarioParam = z.string().min(1).max(200).optional().meta({
  description:
    "For a deal with uncertain amounts: the scenario that gives them (low, base, high, or one the deal defines; base by default).",
});

export const DateParam = z
  .string()
  .refine((s) => parseIsoDate(s) !== undefined, inputForm("date"))
  .transform((s) => parseIsoDate(s) as IsoDate);

/** A fraction written `10%` or `0.1`. */
export const FractionParam = z
  .string()
  .regex(/^\s*[0-9]+(\.[0-9]+)?\s*%?\s*$/, inputForm("fraction"))
  .transform((s) => {
    const text = s.trim();
    const value = Rational.parse(text.replace("%", "").trim())!;
    return text.endsWith("%") ? value.divInt(100n) : value;
  });

export const SeedParam = z
  .string()
  .regex(/^[0-9]{1,20}$/, inputForm("seed"))
  .default("1")
  .transform((s) => BigInt(s))
  .meta({ description: "The seed: the same seed gives the same result, byte for byte." });

/** A list written as one comma-separated value or as the parameter repeated. */
export const ListParam = z
  .union([z.string().max(10_000), z.array(z.string().max(10_000)).max(1_000)])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((x) => x.split(","))
      .map((x) => x.trim())
      .filter(Boolean),
  );
