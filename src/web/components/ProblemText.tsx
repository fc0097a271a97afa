import { useEffect, useState } from "react";
import type { ErrorCode } from "../../core/shared/errors.js";
import { useI18n } from "../i18n/i18n.js";

type Summaries = Readonly<Record<ErrorCode, string>>;

// The French summaries load with the first problem shown in French, not with every page (SPEC
// WEB-20): an English page never fetches them.
let summariesFr: Summaries | undefined;
const loadSummariesFr = () =>
  import("../../report/fr.js").then((m) => {
    summariesFr = m.ERROR_SUMMARIES_FR;
    return summariesFr;
  });

/** The catalogue's French summaries once loaded; asked for when `wanted`. */
function useSummariesFr(wanted: boolean): Summaries | undefined {
  const [loaded, setLoaded] = useState(summariesFr);
  useEffect(() => {
    if (!wanted || loaded !== undefined) return;
    let current = true;
    loadSummariesFr().then(
      (s) => current && setLoaded(s),
      // Without them the engine's English message still says what is wrong.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, loaded]);
  return loaded;
}

/**
 * A problem of the engine (a code of the error catalogue and its English message) in the
 * interface's language: in French, the catalogue's French summary of the code
 * (src/report/fr.ts, the one French table of the errors) with the engine's own words beside
 * it, marked as English; in English, the message. Until the French table has loaded, the
 * English message stands alone, marked as English.
 */
export function ProblemText({
  problem,
}: {
  problem: { readonly code: ErrorCode; readonly message: string };
}) {
  const { locale } = useI18n();
  const summaries = useSummariesFr(locale === "fr");
  if (locale === "en") return <>{problem.message}</>;
  if (summaries === undefined) return <span lang="en">{problem.message}</span>;
  return (
    <>
      {summaries[problem.code] ?? ""}{" "}
      <span lang="en" className="muted">
        ({problem.message})
      </span>
    </>
  );
}
