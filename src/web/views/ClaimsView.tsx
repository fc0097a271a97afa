import { useEffect, useId, useMemo, useState } from "react";
import { type ClaimsReport, claimsReportOf } from "../../app/claims-report.js";
import type { Ref } from "../../app/use-case.js";
import { type Claim, describeClaim } from "../../core/uncertainty/claim.js";
import type { Deal } from "../../deal/build.js";
import { TERMS_SOURCE_ID } from "../../deal/uncertain.js";
import { conflictText, gapWords } from "../../report/claims-text.js";
import { decimal } from "../../report/format.js";
import { explanationFr } from "../../report/fr.js";
import type { IngestedAddition } from "../app/drafts.js";
import type { Route } from "../app/routes.js";
import { ReportFileButtons } from "../components/ReportFiles.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { findEvidence, type TextSpan } from "../engine/evidence.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { formatEstimateIn, formatRange } from "../i18n/value-format.js";
import { IngestPanel } from "./IngestPanel.js";

type DealRoute = Extract<Route, { name: "deal" }>;

const STATUS_KEYS: Record<string, MessageKey> = {
  rumored: "statusRumored",
  in_talks: "statusInTalks",
  agreed: "statusAgreed",
  announced: "statusAnnounced",
  closed: "statusClosed",
};

interface SourceDocument {
  readonly id: string;
  readonly text?: string;
}

/** The text a source holds in the deal document (SPEC DEAL-7), if any. */
function sourceText(deal: Deal, id: string): string | undefined {
  const sources = deal.document.sources as readonly SourceDocument[];
  return sources.find((s) => s.id === id)?.text;
}

/**
 * The deal's sources with their claims, the conflicts among the claims in words and the
 * feasible range of every quantity in each consistent reading: the figures of
 * `roundtable claims` (claimsReport). Choosing a claim marks its evidence in its source's
 * text. The ingest panel reads a pasted report into draft claims to accept or reject.
 */
export function ClaimsView({
  deal,
  onAccept,
  route,
}: {
  deal: Deal;
  onAccept: (addition: IngestedAddition) => void;
  route: DealRoute;
}) {
  const { t, locale } = useI18n();
  // The claims use case's typed dossier: exact ranges, every claim and source by its Ref.
  const typed = useMemo(() => claimsReportOf(deal), [deal]);
  const u = deal.uncertainty;
  const claims = u?.claimSet.claims ?? [];
  // A claim in words, as the conflicts quote it: the engine's own in English.
  const describe = (id: string) => {
    const c = claims.find((x) => x.id === id);
    if (!c) return id;
    return locale === "en"
      ? describeClaim(c)
      : `${c.subjectLabelFr}${t("colon")}${formatEstimateIn(c.value, t, locale)}`;
  };
  const [selected, setSelected] = useState<string | undefined>(() => route.query.get("claim") ?? undefined);
  const sources = typed.sources.filter(
    (s) => s.source.id !== TERMS_SOURCE_ID || claims.some((c) => c.source === s.source.id),
  );

  return (
    <section aria-labelledby="claims-title" className="claims">
      <h2 id="claims-title">{t("claimsTitle", { company: typed.company.name })}</h2>
      <ReportFileButtons report="claims" />
      {claims.length === 0 ? <p>{t("noClaims")}</p> : null}

      {typed.conflicts.length > 0 || typed.gaps.length > 0 ? (
        <Conflicts report={typed} describe={describe} />
      ) : claims.length > 0 ? (
        <p>{t("noConflict")}</p>
      ) : null}

      {typed.readings.map((reading, i) => {
        const title =
          reading.dropped.length === 0
            ? t("readingAll", { n: i + 1 })
            : t("readingWithout", {
                n: i + 1,
                // The claims it drops by name, in the interface's language (their ids on hover).
                claims: reading.dropped.map((c) => (locale === "en" ? c.name : describe(c.id))).join(", "),
              });
        const key = reading.dropped.map((c) => c.id).join("+") || "all";
        const table = (
          <ScrollRegion key={key} label={t("scrollableTable", { table: title })}>
            <table className="data compact" id={`reading-${i + 1}`}>
              <caption>
                {title}
                {i === 0 ? ` — ${t("defaultReading")}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("quantity")}</th>
                  <th scope="col" className="num">
                    {t("feasibleRange")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {reading.ranges.map((r) => (
                  <tr key={r.quantity?.id ?? r.label} data-quantity={r.quantity?.id ?? ""}>
                    <th scope="row">{locale === "en" ? r.label : r.labelFr}</th>
                    <td className="num">{formatRange(r, t, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
        return i === 0 ? (
          table
        ) : (
          <details key={key}>
            <summary>{title}</summary>
            {table}
          </details>
        );
      })}

      <h3>{t("sourcesTitle")}</h3>
      {sources.map((s) => (
        <SourceCard
          key={s.source.id}
          source={s}
          claims={claims.filter((c) => c.source === s.source.id)}
          text={sourceText(deal, s.source.id)}
          selected={selected}
          onSelect={setSelected}
        />
      ))}

      <IngestPanel deal={deal} onAccept={onAccept} />
    </section>
  );
}

function SourceCard({
  source,
  claims,
  text,
  selected,
  onSelect,
}: {
  source: ClaimsReport["sources"][number];
  claims: readonly Claim[];
  text: string | undefined;
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const chosen = claims.find((c) => c.id === selected);
  const span: TextSpan | undefined =
    chosen?.evidence && text !== undefined ? findEvidence(text, chosen.evidence) : undefined;
  const id = source.source.id;
  const field = (key: "title" | "publisher" | "date" | "language") => source[key] ?? "";
  // A letter grade as stated, or a score in 0..1 as the JSON writes it.
  const reliability =
    "grade" in source.reliability ? source.reliability.grade : decimal(source.reliability.score);
  useEffect(() => {
    if (span) document.getElementById(`evidence-${id}`)?.scrollIntoView?.({ block: "nearest" });
  }, [span, id]);

  return (
    <article className="source-card" aria-labelledby={headingId} data-source={id}>
      <h4 id={headingId}>{field("title") || (id === TERMS_SOURCE_ID ? t("termsSource") : id)}</h4>
      <dl className="source-facts">
        <dt>{t("publisher")}</dt>
        <dd>{field("publisher") || t("notStated")}</dd>
        <dt>{t("date")}</dt>
        <dd>{field("date") || t("notStated")}</dd>
        <dt>{t("languageOfSource")}</dt>
        <dd>{field("language") || t("notStated")}</dd>
        <dt>{t("reliability")}</dt>
        <dd>{reliability}</dd>
      </dl>
      {claims.length > 0 ? (
        <ul className="claim-list">
          {claims.map((c) => (
            <li key={c.id} data-claim={c.id}>
              <button
                type="button"
                className="claim-button"
                aria-pressed={selected === c.id}
                onClick={() => onSelect(selected === c.id ? undefined : c.id)}
              >
                <span className="claim-id">{c.id}</span> —{" "}
                {locale === "en" ? c.subjectLabel : c.subjectLabelFr}
                {t("colon")}
                <span className="claim-value">{formatEstimateIn(c.value, t, locale)}</span> (
                {t(STATUS_KEYS[c.status] ?? "statusInTalks")})
              </button>
              {c.attribution ? (
                <span className="attribution"> {t("quoted", { text: c.attribution })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("sourceHasNoClaims")}</p>
      )}
      {chosen ? (
        <div className="evidence" aria-live="polite">
          {chosen.evidence === undefined ? (
            <p>{t("noEvidence", { claim: chosen.id })}</p>
          ) : text === undefined ? (
            <blockquote lang={field("language") || undefined}>
              <mark>{chosen.evidence.text}</mark>
            </blockquote>
          ) : span === undefined ? (
            <p className="field-error">{t("evidenceNotFound", { claim: chosen.id })}</p>
          ) : null}
        </div>
      ) : null}
      {text !== undefined ? (
        <ScrollRegion label={t("sourceText", { source: field("title") || id })}>
          <div className="source-text" lang={field("language") || undefined}>
            {span ? (
              <>
                {text.slice(0, span.start)}
                <mark id={`evidence-${id}`}>{text.slice(span.start, span.end)}</mark>
                {text.slice(span.end)}
              </>
            ) : (
              text
            )}
          </div>
        </ScrollRegion>
      ) : null}
    </article>
  );
}

/**
 * The conflicts and gaps in words, with the claims' names (their ids on hover): in English
 * the CLI's text (`conflictText`, `gapWords`), in French the sentences of src/report/fr.ts
 * with each claim worded in French (`describe`).
 */
function Conflicts({ report, describe }: { report: ClaimsReport; describe: (id: string) => string }) {
  const { t, locale } = useI18n();
  const currency = report.company.currency;
  const named = (r: Ref): Ref => ({ id: r.id, name: locale === "en" ? r.name : describe(r.id) });
  const names = (refs: readonly Ref[]) => refs.map((r) => named(r).name);
  return (
    <section aria-labelledby="conflicts-title" className="notice warning">
      <h3 id="conflicts-title">{t("conflictsTitle", { count: report.conflicts.length })}</h3>
      <ul>
        {report.conflicts.map(({ claims, explanation: e }) => {
          const ids = claims.map((c) => c.id).join("+");
          const text =
            locale === "en"
              ? conflictText(e)
              : explanationFr(
                  {
                    ...e,
                    params: { ...e.params, pivot: named(e.params.pivot), others: e.params.others.map(named) },
                  },
                  currency,
                );
          return (
            <li key={ids} data-conflict={ids}>
              <strong title={ids}>{names(claims).join(" + ")}</strong>
              {t("colon")}
              <span>{text}</span>
            </li>
          );
        })}
      </ul>
      {report.gaps.length > 0 ? (
        <>
          <h4>{t("gapsTitle")}</h4>
          <ul>
            {report.gaps.map(({ claim, explanation: e }) => (
              <li key={`${claim.id}:${e.code}`} data-gap={claim.id}>
                <strong title={claim.id}>{named(claim).name}</strong>
                {t("colon")}
                <span>
                  {locale === "en"
                    ? gapWords(e)
                    : explanationFr(
                        {
                          ...e,
                          params: {
                            ...e.params,
                            group: named(e.params.group),
                            members: e.params.members.map(named),
                          },
                        },
                        currency,
                      )}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
