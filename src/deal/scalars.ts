import * as z from "zod";
import { type AmountParseResult, parseAmount } from "../core/exact/amount-parse.js";
import type { Currency } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { type IsoDate, parseIsoDate } from "../core/shared/date.js";
import { LIMITS } from "../core/shared/limits.js";

/**
 * Scalar types of the deal format. Numbers reach these schemas as the text the user
 * wrote (the loader keeps each YAML/JSON number's source text), so "0.1" is exactly
 * 1/10 and a 20-digit share count is exact. Each scalar accepts a string or a number
 * and returns an exact value.
 */

const scalar = z.union([z.string(), z.number()]).meta({
  id: "NumberOrText",
  description: "A number, or the text of one (read exactly, never through a binary float).",
});

function text(value: string | number): string {
  // A JS number (from an API body) reads back through its shortest round-trip text.
  return typeof value === "number" ? String(value) : value.trim();
}

export const Id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:+-]*$/,
    "an id uses letters, digits and . _ : + - and starts with a letter or digit",
  )
  .max(200)
  .meta({
    id: "Id",
    description: "A short identifier chosen by the user, such as `amazon` or `series-a`.",
    examples: ["series-a"],
  });

export const DateText = z
  .string()
  .transform((value, ctx): IsoDate => {
    const date = parseIsoDate(value.trim());
    if (!date) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a calendar date in YYYY-MM-DD form` });
      return z.NEVER;
    }
    return date;
  })
  .meta({ id: "IsoDate", description: "A calendar date, YYYY-MM-DD.", examples: ["2026-01-28"] });

/** A small whole number (months, places, seniority), written as a number or its text. */
export function Integer(min: number, max: number) {
  return scalar
    .transform((value, ctx): number => {
      const s = text(value);
      const n = /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: "custom",
          message: `expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
        });
        return z.NEVER;
      }
      return n;
    })
    .meta({
      description: `A whole number from ${min} to ${max}.`,
      examples: [Math.min(max, Math.max(min, 1))],
    });
}

const GROUPED_INTEGER = /^\d{1,3}(?:([ _,\u00a0\u202f])\d{3})*$/;

/** A whole number of shares: `4000000`, `4_000_000`, `4,000,000` or `4 000 000`. */
export const Shares = scalar
  .transform((value, ctx): bigint => {
    const s = text(value);
    let digits: string | undefined;
    if (/^\d+$/.test(s)) digits = s;
    else if (GROUPED_INTEGER.test(s)) digits = s.replace(/[ _,\u00a0\u202f]/g, "");
    if (digits === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `expected a whole, non-negative number of shares, got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    const n = BigInt(digits);
    if (n > LIMITS.maxShares) {
      ctx.addIssue({ code: "custom", message: `${digits} shares is above the limit of ${LIMITS.maxShares}` });
      return z.NEVER;
    }
    return n;
  })
  .meta({ id: "Shares", description: "A whole number of shares.", examples: [4000000, "4_000_000"] });

/** An exact decimal or fraction: `1.08`, `"3/4"`, `2.5e9`. */
export const Decimal = scalar
  .transform((value, ctx): Rational => {
    const r = Rational.parse(text(value).replaceAll("_", ""));
    if (!r) {
      ctx.addIssue({ code: "custom", message: `expected a number, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return r;
  })
  .meta({
    id: "Decimal",
    description: "An exact number: a decimal such as 1.08 or a fraction such as 3/4.",
    examples: ["1.08", "3/4"],
  });

/** A fraction written as a percentage (`20%`) or a decimal (`0.2`). */
export const Fraction = scalar
  .transform((value, ctx): Rational => {
    const s = text(value);
    const percent = s.endsWith("%");
    const r = Rational.parse((percent ? s.slice(0, -1) : s).replace(",", ".").trim());
    if (!r) {
      ctx.addIssue({
        code: "custom",
        message: `expected a percentage such as 20% or a fraction such as 0.2, got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return percent ? r.divInt(100n) : r;
  })
  .meta({ id: "Fraction", description: "A fraction: 20% or 0.2.", examples: ["20%", 0.2] });

/** A multiple such as `1x`, `1.5x`, `2`. */
export const Multiple = scalar
  .transform((value, ctx): Rational => {
    const s = text(value).replace(/[x×]$/i, "").trim();
    const r = Rational.parse(s);
    if (!r || r.isNegative()) {
      ctx.addIssue({
        code: "custom",
        message: `expected a multiple such as 1x or 1.5x, got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return r;
  })
  .meta({ id: "Multiple", description: "A multiple: 1x, 1.5x or 2.", examples: ["1x", "1.5x"] });

/** A split or conversion ratio: `2:1`, `1:10`, `3/2`. */
export const Ratio = scalar
  .transform((value, ctx): { numerator: bigint; denominator: bigint } => {
    const m = /^(\d+)\s*[:/]\s*(\d+)$/.exec(text(value));
    if (!m || BigInt(m[1]!) === 0n || BigInt(m[2]!) === 0n) {
      ctx.addIssue({
        code: "custom",
        message: `expected a ratio such as 2:1 or 1:10, got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return { numerator: BigInt(m[1]!), denominator: BigInt(m[2]!) };
  })
  .meta({
    id: "Ratio",
    description: "A ratio new:old, such as 2:1 (a 2-for-1 split) or 1:10 (a reverse split).",
    examples: ["2:1", "1:10"],
  });

/** An amount of money as written; the currency is filled from the company when the text names none. */
export interface AmountText {
  readonly amount: Rational;
  readonly currency: Currency | undefined;
  readonly assumption: string | undefined;
  readonly written: string;
}

function readAmount(value: string | number, ctx: z.core.$RefinementCtx): AmountText | typeof z.NEVER {
  const written = text(value);
  const plain = Rational.parse(written.replaceAll("_", ""));
  if (plain) return { amount: plain, currency: undefined, assumption: undefined, written };
  const parsed: AmountParseResult = parseAmount(written, { defaultCurrency: "XXX" as Currency });
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return {
    amount: parsed.value.amount,
    currency: parsed.match.currency,
    assumption: undefined,
    written,
  };
}

const AmountScalar = scalar
  .transform((value, ctx) => readAmount(value, ctx))
  .meta({
    id: "AmountText",
    description: "An amount of money written as text or a number.",
    examples: ["$50B"],
  });

/**
 * An amount of money: `$50B`, `40 Md$`, `USD 300m`, `1 234 567,89 €`, a plain number in
 * the company's currency, or `{ value: $730B, assumption: valuation }` to label it.
 */
export const Amount = z
  .union([
    AmountScalar,
    z
      .strictObject({
        value: AmountScalar.meta({ description: "The amount.", examples: ["$730B"] }),
        assumption: Id.optional().meta({
          description: "The id of the labelled assumption this figure is.",
          examples: ["valuation"],
        }),
      })
      .meta({
        id: "LabelledAmount",
        description: "An amount labelled as an assumption.",
        examples: [{ value: "$730B", assumption: "valuation" }],
      })
      .transform((v): AmountText => ({ ...v.value, assumption: v.assumption })),
  ])
  .meta({
    id: "Amount",
    description:
      "An amount of money, exact: `$50B`, `40 Md$`, `USD 300m`, `€2,5 M`, or a plain number in the company's currency.",
    examples: ["$50B", "40 Md$", "USD 300m", "1 234 567,89 €", { value: "$730B", assumption: "valuation" }],
  });

/**
 * A figure of a round or a claim as written: an exact amount, an estimate in words
 * (`up to $50B`, `< 10 Md$`, `about €2.5M`, `entre 1 et 2 Md€`, `about 27%`), or an
 * estimate's structured form. It is read by the builder, which knows the company's
 * currency and what the figure measures (SPEC UNC-PARSE-1, UNC-EST-9, DEAL-4).
 */
export type FigureText =
  | { readonly kind: "text"; readonly text: string; readonly assumption: string | undefined }
  | {
      readonly kind: "structure";
      readonly structure: Record<string, string | boolean>;
      readonly assumption: string | undefined;
    };

const structureValue = scalar
  .transform((v) => text(v))
  .meta({
    id: "EstimateValue",
    description: "A figure of an estimate: an amount or a fraction.",
    examples: ["$1B"],
  });

export const Figure = z
  .union([
    scalar.transform((v): FigureText => ({ kind: "text", text: text(v), assumption: undefined })),
    z
      .strictObject({
        value: structureValue
          .optional()
          .meta({ description: "The figure: exact, or an estimate in words.", examples: ["about $40B"] }),
        qualifier: z
          .enum(["exact", "about", "up_to", "less_than", "at_least", "more_than", "between"])
          .optional()
          .meta({
            description: "The kind of estimate; checked against the figures when stated (SPEC UNC-EST-9).",
            examples: ["between"],
          }),
        min: structureValue
          .optional()
          .meta({ description: "The lower bound (at least; more than with minStrict).", examples: ["$1B"] }),
        max: structureValue.optional().meta({ description: "The upper bound (up to).", examples: ["$2B"] }),
        mode: structureValue.optional().meta({
          description: "The most likely value; makes the default shape triangular.",
          examples: ["$1.5B"],
        }),
        minStrict: z
          .boolean()
          .optional()
          .meta({ description: "The lower bound is excluded (more than).", examples: [true] }),
        maxStrict: z
          .boolean()
          .optional()
          .meta({ description: "The upper bound is excluded (less than).", examples: [true] }),
        width: structureValue
          .optional()
          .meta({ description: "Relative half-width of about, e.g. 10%.", examples: ["10%"] }),
        distribution: z
          .enum(["uniform", "triangular", "pert", "lognormal"])
          .optional()
          .meta({
            description: "The shape of the law: uniform, triangular, PERT or lognormal (SPEC UNC-EST-7).",
            examples: ["pert"],
          }),
        shape: structureValue
          .optional()
          .meta({ description: "The PERT shape parameter lambda.", examples: ["4"] }),
        p5: structureValue
          .optional()
          .meta({ description: "A lognormal's 5th percentile.", examples: ["$30B"] }),
        p95: structureValue
          .optional()
          .meta({ description: "A lognormal's 95th percentile.", examples: ["$60B"] }),
        assumption: Id.optional().meta({
          description: "The id of the labelled assumption this figure is.",
          examples: ["valuation"],
        }),
      })
      .meta({
        id: "EstimateStructure",
        description: "An estimate's structured form (SPEC UNC-EST-9).",
        examples: [{ min: "$1B", max: "$2B", mode: "$1.5B", distribution: "triangular" }],
      })
      .transform((v): FigureText => {
        const { assumption, ...rest } = v;
        const keys = Object.keys(rest).filter((k) => rest[k as keyof typeof rest] !== undefined);
        if (keys.length === 1 && keys[0] === "value") return { kind: "text", text: rest.value!, assumption };
        return { kind: "structure", structure: rest as Record<string, string | boolean>, assumption };
      }),
  ])
  .meta({
    id: "Figure",
    description:
      "An exact amount ($50B) or an estimate: up to $50B, < 10 Md$, about $40B, between $1B and $2B, or { min, max, mode, distribution }.",
    examples: ["$50B", "up to $50B", "< 10 Md$", "about $40B", { max: "$50B", distribution: "uniform" }],
  });
