import * as z from "zod";
import { ERROR_CATALOGUE } from "../core/shared/errors.js";

/**
 * Response shapes for the OpenAPI document. Responses are written with JSON.stringify;
 * these schemas document them (tests check the bodies).
 */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CATALOGUE) as [string, ...string[]]),
      message: z.string(),
      problems: z.array(
        z.object({
          code: z.string(),
          message: z.string(),
          path: z
            .string()
            .optional()
            .meta({ description: "The field: query.round, body.role, transactions[3].shares" }),
          line: z.number().int().optional(),
          column: z.number().int().optional(),
        }),
      ),
    }),
  })
  .meta({ description: "An error from the catalogue in docs/errors.md" });

const ProblemList = z.array(z.object({ code: z.string(), message: z.string(), path: z.string().optional() }));

export const DealWritten = z.object({
  id: z.string(),
  kind: z
    .enum(["deal", "workspace"])
    .optional()
    .meta({ description: "What the stored document is: one company's deal or a workspace" }),
  version: z.number().int().meta({ description: "The new version (also the ETag)" }),
  documentHash: z.string().nullable(),
  path: z.string().optional().meta({ description: "Where an appended item landed: transactions[4]" }),
  revertedTo: z.number().int().optional().meta({ description: "The version a revert copied" }),
  warnings: ProblemList,
});

const RefBody = z.object({ id: z.string(), name: z.string() });

/** The answer to closing a round (CLOSE-3): the new version and what the closing added. */
export const DealClosed = z.object({
  id: z.string(),
  version: z.number().int().meta({ description: "The new version (also the ETag)" }),
  documentHash: z.string().nullable(),
  closed: z.object({
    round: RefBody,
    date: z.string().meta({ description: "The round's date (its first closing)" }),
    pricePerShare: z.object({ amount: z.string(), currency: z.string() }),
    classes: z
      .array(RefBody)
      .meta({ description: "The classes the round created (its class, shadow series)" }),
    transactions: z.array(
      z.object({
        id: z.string(),
        date: z.string(),
        type: z.string(),
        holder: RefBody.optional(),
        shareClass: RefBody.optional(),
        shares: z.string().optional(),
      }),
    ),
  }),
  warnings: ProblemList,
});

export const DealRead = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  action: z.string().optional(),
  documentHash: z.string().nullable().optional(),
  document: z
    .record(z.string(), z.unknown())
    .meta({ description: "The deal document (an investor's own view for investors)" }),
});

export const JobState = z.object({
  job: z.object({
    id: z.string(),
    computation: z.string(),
    status: z.enum(["running", "succeeded", "failed", "cancelled"]),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: z.unknown().optional(),
    error: z.unknown().optional(),
  }),
});
