import type { ErrorCode } from "../../core/shared/errors.js";
import { ERROR_SUMMARIES_FR } from "../../report/fr.js";
import { useI18n } from "../i18n/i18n.js";

/**
 * A problem of the engine (a code of the error catalogue and its English message) in the
 * interface's language: in French, the catalogue's French summary of the code
 * (src/report/fr.ts, the one French table of the errors) with the engine's own words beside
 * it, marked as English; in English, the message.
 */
export function ProblemText({
  problem,
}: {
  problem: { readonly code: ErrorCode; readonly message: string };
}) {
  const { locale } = useI18n();
  if (locale === "en") return <>{problem.message}</>;
  return (
    <>
      {ERROR_SUMMARIES_FR[problem.code] ?? ""}{" "}
      <span lang="en" className="muted">
        ({problem.message})
      </span>
    </>
  );
}
