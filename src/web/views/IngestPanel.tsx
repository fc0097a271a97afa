import { useId, useState } from "react";
import { type DealAddition, ingestIntoDealOf } from "../../app/ingest-into-deal.js";
import { parseIsoDate } from "../../core/shared/date.js";
import { parseEstimate } from "../../core/uncertainty/estimate-parse.js";
import type { Deal } from "../../deal/build.js";
import type { IngestedAddition } from "../app/drafts.js";
import { DateField } from "../components/DateField.js";
import { findEvidence } from "../engine/evidence.js";
import { useI18n } from "../i18n/i18n.js";
import { formatEstimateIn } from "../i18n/value-format.js";

type Reading =
  | { readonly kind: "none" }
  | { readonly kind: "failed"; readonly messages: readonly string[] }
  | {
      readonly kind: "read";
      readonly text: string;
      readonly draft: DealAddition["draft"];
      readonly entries: DealAddition["entries"];
      readonly accepted: ReadonlySet<string>;
    };

/** The words around a claim's evidence, the evidence marked, so that it reads in its sentence. */
function EvidenceInContext({
  text,
  evidence,
}: {
  text: string;
  evidence: { text: string; start?: number; end?: number };
}) {
  const span = findEvidence(text, evidence);
  if (!span) return <mark>{evidence.text}</mark>;
  const from = Math.max(0, text.lastIndexOf("\n", span.start) + 1, span.start - 120);
  const newline = text.indexOf("\n", span.end);
  const to = Math.min(text.length, newline < 0 ? text.length : newline, span.end + 120);
  return (
    <>
      {from > 0 ? "…" : ""}
      {text.slice(from, span.start)}
      <mark>{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end, to)}
      {to < text.length ? "…" : ""}
    </>
  );
}

/**
 * Reads a pasted report against the deal with the app's `ingest-into-deal` use case (pure,
 * in the page), as `ingest --deal --write` does (SPEC DEAL-6), a taken source id moving on
 * to the next free (-2, -3, …), and lets the
 * user accept or reject each: the accepted ones are added, with the report as a new
 * source holding its text, to the deal's unsaved edits, saved as the round builder's are.
 */
export function IngestPanel({
  deal,
  onAccept,
}: {
  deal: Deal;
  onAccept: (addition: IngestedAddition) => void;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const [text, setText] = useState("");
  const currency = deal.ledger.company.currency;
  // The claim's value as the deal file will hold it, shown in the interface's language.
  const valueIn = (value: string) => {
    const estimate = parseEstimate(value, {
      unit: value.trim().endsWith("%") ? "fraction" : "money",
      defaultCurrency: currency,
    });
    return estimate.ok ? formatEstimateIn(estimate.value, t, locale) : value;
  };
  const [lang, setLang] = useState<"auto" | "fr" | "en">("auto");
  const [title, setTitle] = useState("");
  const [publisher, setPublisher] = useState("");
  const [date, setDate] = useState("");
  const [roundId, setRoundId] = useState(deal.rounds.at(-1)?.id ?? "");
  const [reading, setReading] = useState<Reading>({ kind: "none" });
  const [added, setAdded] = useState<string | undefined>(undefined);

  const read = () => {
    setAdded(undefined);
    const sourceDate = date === "" ? undefined : parseIsoDate(date);
    const output = ingestIntoDealOf(text, deal, {
      lang,
      ...(sourceDate ? { sourceDate } : {}),
      ...(roundId ? { round: roundId } : {}),
      ...(title ? { title } : {}),
      ...(publisher ? { publisher } : {}),
      takenSourceId: "next",
    });
    const addition = output.ok ? output.value.addition : output;
    if (!addition.ok) {
      setReading({ kind: "failed", messages: addition.problems.map((p) => p.message) });
      return;
    }
    const { draft, entries } = addition.value;
    setReading({ kind: "read", text, draft, entries, accepted: new Set() });
  };

  const setAccepted = (claim: string, accept: boolean) => {
    if (reading.kind !== "read") return;
    const accepted = new Set(reading.accepted);
    if (accept) accepted.add(claim);
    else accepted.delete(claim);
    setReading({ ...reading, accepted });
  };

  const add = () => {
    if (reading.kind !== "read") return;
    const claims = reading.entries.claims.filter((c) => reading.accepted.has(String(c.id)));
    if (claims.length === 0) return;
    onAccept({ source: { ...reading.entries.source, text: reading.text }, claims });
    setAdded(t("ingestAdded", { source: String(reading.entries.source.id), count: claims.length }));
    setReading({ kind: "none" });
    setText("");
  };

  return (
    <section aria-labelledby={`${ids}-title`} className="ingest-panel">
      <h3 id={`${ids}-title`}>{t("ingestTitle")}</h3>
      <p>{t("ingestIntro")}</p>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-text`}>
          {t("ingestText")}
        </label>
        <textarea id={`${ids}-text`} rows={8} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </div>
      <div className="controls">
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-lang`}>
            {t("ingestLanguage")}
          </label>
          <select
            id={`${ids}-lang`}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value as "auto" | "fr" | "en")}
          >
            <option value="auto">{t("ingestLanguageAuto")}</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-title-field`}>
            {t("ingestSourceTitle")}
          </label>
          <input id={`${ids}-title-field`} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-publisher`}>
            {t("publisher")}
          </label>
          <input
            id={`${ids}-publisher`}
            value={publisher}
            onChange={(e) => setPublisher(e.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-date`}>
            {t("date")}
          </label>
          <DateField id={`${ids}-date`} value={date} onChange={setDate} />
        </div>
        {deal.rounds.length > 1 ? (
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-round`}>
              {t("ingestRound")}
            </label>
            <select id={`${ids}-round`} value={roundId} onChange={(e) => setRoundId(e.currentTarget.value)}>
              {deal.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <button type="button" onClick={read} disabled={text.trim() === "" || roundId === ""}>
        {t("ingestRead")}
      </button>
      {added ? (
        <p className="ok" role="status">
          {added}
        </p>
      ) : null}
      {reading.kind === "failed" ? (
        <div className="notice error" role="alert">
          <ul>
            {reading.messages.map((m) => (
              <li key={m} lang="en">
                {m}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {reading.kind === "read" ? (
        <div className="ingest-result" aria-live="polite">
          <h4>{t("ingestProposed", { count: reading.entries.claims.length })}</h4>
          {reading.entries.claims.length === 0 ? <p>{t("ingestNone")}</p> : null}
          <ul className="proposed-claims">
            {reading.entries.claims.map((c) => {
              const id = String(c.id);
              const evidence = c.evidence as { text: string; start?: number; end?: number };
              const about = Array.isArray(c.about) ? c.about.join(" + ") : String(c.about);
              return (
                <li key={id} data-proposed={id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={reading.accepted.has(id)}
                      onChange={(e) => setAccepted(id, e.currentTarget.checked)}
                    />
                    {t("ingestAccept", { claim: id })}
                  </label>
                  <p>
                    <code>{about}</code>
                    {t("colon")}
                    <span className="claim-value">{valueIn(String(c.value))}</span>
                  </p>
                  <blockquote lang={reading.draft.source.language}>
                    <EvidenceInContext text={reading.text} evidence={evidence} />
                  </blockquote>
                </li>
              );
            })}
          </ul>
          {reading.entries.skipped.length > 0 ? (
            <details>
              <summary>{t("ingestSkipped", { count: reading.entries.skipped.length })}</summary>
              <ul>
                {reading.entries.skipped.map((s) => (
                  <li key={s.claim}>
                    <code>{s.claim}</code>
                    {t("colon")}
                    <span lang="en">{s.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <button type="button" onClick={add} disabled={reading.accepted.size === 0}>
            {t("ingestAddAccepted", { count: reading.accepted.size })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
