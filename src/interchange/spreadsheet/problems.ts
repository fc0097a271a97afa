import type { ErrorCode } from "../../core/shared/errors.js";
import type { Problem } from "../../core/shared/problem.js";
import { type CellPlace, describePlace } from "./sheet.js";

/**
 * A problem of an import: a catalogue code, the place in the workbook, and what is wrong.
 * The message starts with the place (IMP-20), so that the CLI, the API and a log line all
 * say which sheet, row and column, whatever else they print.
 */
export interface ImportProblem extends Problem {
  readonly place?: CellPlace;
}

export function importProblem(
  code: ErrorCode,
  place: CellPlace | undefined,
  what: string,
  severity: "error" | "warning" = "error",
): ImportProblem {
  const message = place === undefined ? what : `${describePlace(place)}: ${what}`;
  return place === undefined ? { code, message, severity } : { code, message, severity, place };
}

/** Collects every problem of an import (IMP-21): reading goes on after an error. */
export class ProblemList {
  readonly items: ImportProblem[] = [];

  error(code: ErrorCode, place: CellPlace | undefined, what: string): void {
    this.items.push(importProblem(code, place, what, "error"));
  }

  warn(code: ErrorCode, place: CellPlace | undefined, what: string): void {
    this.items.push(importProblem(code, place, what, "warning"));
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === "error");
  }

  get errors(): ImportProblem[] {
    return this.items.filter((p) => p.severity === "error");
  }

  get warnings(): ImportProblem[] {
    return this.items.filter((p) => p.severity === "warning");
  }
}
