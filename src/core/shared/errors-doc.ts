import { ERROR_CATALOGUE } from "./errors.js";

/** docs/errors.md, written from the catalogue so that the two cannot disagree (STYLE 7). */
export function errorsMarkdown(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(
    ([code, spec]) => `| \`${code}\` | ${spec.exitCode} | ${spec.httpStatus} | ${spec.summary} |`,
  );
  return [
    "# Error codes",
    "",
    "Every error roundtable reports carries one of these codes, in the CLI's messages",
    "(`file:line:column: field: message (code)`) and in the HTTP API's error bodies. The",
    "CLI exits with the exit code; the API answers with the status. Generated from",
    "`src/core/shared/errors.ts` by `npm run docs:errors`; a test keeps this file current.",
    "",
    "| code | exit code | HTTP status | meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
