import { useEffect, useId, useRef, useState } from "react";
import { Rational } from "../../core/exact/rational.js";
import { LIMITS } from "../../core/shared/limits.js";
import type { ShareDocumentRequest, SharedDocumentJson } from "../api/contract.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { useI18n } from "../i18n/i18n.js";
import { formatFixed, formatInteger, type Locale } from "../i18n/number-format.js";
import { ScrollRegion } from "./ScrollRegion.js";
import { Failed, Loading } from "./Status.js";

const REPORTS = ["model", "captable"] as const;
const FORMATS = ["pdf", "xlsx"] as const;

/**
 * The documents an owner shared with the investor (SPEC SRV-SHARE-3, WEB-23): title, report,
 * format, version, who shared it and when, each with its download link. The server lists
 * only what is shared with the signed-in investor; the files are its, rendered from the
 * version shared.
 */
export function SharedDocumentsList({ workspace }: { workspace: string }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const data = useDataAccess();
  const [documents, reload] = useApi(() => data.listSharedDocuments(workspace), [data, workspace]);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      new Date(iso),
    );
  return (
    <section aria-labelledby={`${ids}-title`} className="shared-documents">
      <h3 id={`${ids}-title`}>{t("sharedDocumentsHeading")}</h3>
      {documents.state === "loading" ? (
        <Loading />
      ) : documents.state === "failed" ? (
        <Failed failure={documents.failure} onRetry={reload} />
      ) : documents.value.length === 0 ? (
        <p>{t("sharedDocumentsNone")}</p>
      ) : (
        <ScrollRegion label={t("sharedDocumentsHeading")}>
          <table className="data">
            <caption>{t("sharedDocumentsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sharedTitleColumn")}</th>
                <th scope="col">{t("sharedReportColumn")}</th>
                <th scope="col">{t("sharedFormatColumn")}</th>
                <th scope="col" className="num">
                  {t("versionColumn")}
                </th>
                <th scope="col">{t("sharedByColumn")}</th>
                <th scope="col">{t("sharedAtColumn")}</th>
                <th scope="col">{t("sharedDownloadColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {documents.value.map((d: SharedDocumentJson) => (
                <tr key={d.id} data-shared-document={d.id}>
                  <th scope="row">{d.title}</th>
                  <td>{t(d.report === "model" ? "sharedReportModel" : "sharedReportCaptable")}</td>
                  <td>{d.format.toUpperCase()}</td>
                  <td className="num">{d.version}</td>
                  <td>{d.sharedBy}</td>
                  <td>{when(d.sharedAt)}</td>
                  <td>
                    <a href={fileIn(d.file, locale)} download>
                      {t("sharedDownload", { title: d.title })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** A file's size: bytes below 1 KiB, else KiB to one place (half-even), in the interface's language. */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatInteger(BigInt(bytes), locale)}${locale === "fr" ? "\u00a0o" : " B"}`;
  return `${formatFixed(Rational.of(BigInt(bytes), 1024n), 1, locale)}${locale === "fr" ? "\u00a0Ko" : " KB"}`;
}

/**
 * The documents shared from one deal, as its owner manages them (SPEC SRV-SHARE-3, -4,
 * WEB-24): each document's title, report and format, version, who it is shared with, who
 * shared it and when, its file's size and download link; a document still shared is
 * withdrawn after a confirmation, and stays listed with its withdrawal date.
 */
export function SharedDocumentsManager({
  workspace,
  dealId,
  generation,
}: {
  workspace: string;
  dealId: string;
  /** Changes when a document was shared from the page: the list is read again. */
  generation: number;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const data = useDataAccess();
  // A new share (generation) reads the list again.
  const [documents, reload] = useApi(
    () => data.listSharedDocuments(workspace),
    [data, workspace, generation],
  );
  const [sizes, setSizes] = useState<Readonly<Record<string, number | null>>>({});
  const [confirming, setConfirming] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<
    { kind: "withdrawn"; title: string } | { kind: "refused"; id: string; message: string } | undefined
  >();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // While the list is read again (after a withdrawal, a share), the last one stays shown.
  const last = useRef<readonly SharedDocumentJson[] | undefined>(undefined);
  if (documents.state === "ok") last.current = documents.value;
  const listed = documents.state === "ok" ? documents.value : last.current;
  const mine = (listed ?? []).filter((d) => d.deal === dealId);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      new Date(iso),
    );

  // The sizes of the files still shared, as the server answers a HEAD of each download.
  const wanted = mine
    .filter((d) => d.withdrawnAt === null && !(d.id in sizes))
    .map((d) => d.file)
    .join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `wanted` stands for the documents whose size is unknown.
  useEffect(() => {
    let current = true;
    for (const d of mine.filter((m) => m.withdrawnAt === null && !(m.id in sizes)))
      data.sharedDocumentSize(d.file).then((r) => {
        if (current) setSizes((before) => ({ ...before, [d.id]: r.ok ? r.value : null }));
      });
    return () => {
      current = false;
    };
  }, [data, wanted]);

  useEffect(() => {
    if (confirming !== undefined) cancelRef.current?.focus();
  }, [confirming]);

  const withdraw = async (document: SharedDocumentJson) => {
    const result = await data.withdrawSharedDocument(workspace, document.id);
    setConfirming(undefined);
    if (result.ok) {
      setOutcome({ kind: "withdrawn", title: document.title });
      reload();
    } else setOutcome({ kind: "refused", id: document.id, message: result.error.message });
  };

  return (
    <section aria-labelledby={`${ids}-title`} className="shared-documents">
      <h3 id={`${ids}-title`}>{t("sharedFromDealHeading")}</h3>
      {outcome?.kind === "withdrawn" ? (
        <p className="ok" role="status">
          {t("sharedWithdrawDone", { title: outcome.title })}
        </p>
      ) : null}
      {documents.state === "loading" && listed === undefined ? (
        <Loading />
      ) : documents.state === "failed" ? (
        <Failed failure={documents.failure} onRetry={reload} />
      ) : mine.length === 0 ? (
        <p>{t("sharedFromDealNone")}</p>
      ) : (
        <ScrollRegion label={t("sharedFromDealHeading")}>
          <table className="data" id="shared-from-deal">
            <caption>{t("sharedFromDealCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sharedTitleColumn")}</th>
                <th scope="col">{t("sharedReportColumn")}</th>
                <th scope="col" className="num">
                  {t("versionColumn")}
                </th>
                <th scope="col">{t("sharedWithColumn")}</th>
                <th scope="col">{t("sharedByColumn")}</th>
                <th scope="col">{t("sharedAtColumn")}</th>
                <th scope="col" className="num">
                  {t("sharedSizeColumn")}
                </th>
                <th scope="col">{t("sharedDownloadColumn")}</th>
                <th scope="col">{t("sharedStatusColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((d) => {
                const size = sizes[d.id];
                return (
                  <tr key={d.id} data-shared-document={d.id}>
                    <th scope="row">{d.title}</th>
                    <td>
                      {t(d.report === "model" ? "sharedReportModel" : "sharedReportCaptable")},{" "}
                      {d.format.toUpperCase()}
                    </td>
                    <td className="num">{d.version}</td>
                    <td>{d.recipient ?? t("shareRecipientAll")}</td>
                    <td>{d.sharedBy}</td>
                    <td>{when(d.sharedAt)}</td>
                    <td className="num" data-size={size ?? undefined}>
                      {d.withdrawnAt !== null
                        ? "—"
                        : size === undefined
                          ? "…"
                          : size === null
                            ? "—"
                            : formatFileSize(size, locale)}
                    </td>
                    <td>
                      {d.withdrawnAt === null ? (
                        <a href={fileIn(d.file, locale)} download>
                          {t("sharedDownload", { title: d.title })}
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      {d.withdrawnAt !== null ? (
                        t("sharedWithdrawnOn", { date: when(d.withdrawnAt) })
                      ) : confirming === d.id ? (
                        <fieldset className="confirm">
                          <legend>{t("sharedWithdrawConfirm", { title: d.title })}</legend>
                          <div className="buttons">
                            <button type="button" className="danger" onClick={() => void withdraw(d)}>
                              {t("sharedWithdrawYes")}
                            </button>
                            <button
                              type="button"
                              className="secondary"
                              ref={cancelRef}
                              onClick={() => setConfirming(undefined)}
                            >
                              {t("sharedWithdrawNo")}
                            </button>
                          </div>
                        </fieldset>
                      ) : (
                        <>
                          {t("sharedActive")}{" "}
                          <button
                            type="button"
                            className="secondary"
                            aria-label={t("sharedWithdrawLabel", { title: d.title })}
                            onClick={() => {
                              setOutcome(undefined);
                              setConfirming(d.id);
                            }}
                          >
                            {t("sharedWithdraw")}
                          </button>
                          {outcome?.kind === "refused" && outcome.id === d.id ? (
                            <span className="field-error" role="alert">
                              {" "}
                              {outcome.message}
                            </span>
                          ) : null}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/**
 * An owner's "Share with investors" action on a stored deal's page (SPEC SRV-SHARE-1): the
 * pro forma or the cap table of the stored version, as PDF or XLSX, with every investor
 * member or one; the server checks and stores it, and its refusal is shown as it says it.
 */
export function ShareWithInvestors({
  workspace,
  dealId,
  company,
  version,
}: {
  workspace: string;
  dealId: string;
  /** The company's name, for the document's default title. */
  company: string;
  /** The stored version the page shows: what is shared (unsaved edits are not). */
  version: number;
}) {
  const { t } = useI18n();
  const ids = useId();
  const data = useDataAccess();
  const [report, setReport] = useState<(typeof REPORTS)[number]>("model");
  const [format, setFormat] = useState<(typeof FORMATS)[number]>("pdf");
  const [recipient, setRecipient] = useState("");
  // What investors see, in the interface's language: the company, the report and the
  // version until the owner writes a title of their own.
  const [ownTitle, setOwnTitle] = useState<string | undefined>();
  const title =
    ownTitle ??
    t(report === "model" ? "shareTitleModel" : "shareTitleCaptable", { company, version: String(version) });
  const [shares, setShares] = useState(0);
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<
    | { kind: "idle" }
    | { kind: "sharing" }
    | { kind: "shared"; title: string }
    | { kind: "refused"; message: string }
  >({ kind: "idle" });

  const share = async () => {
    setState({ kind: "sharing" });
    const request: ShareDocumentRequest = {
      deal: dealId,
      report,
      format,
      version,
      ...(recipient.trim() === "" ? {} : { recipient: recipient.trim() }),
      ...(title.trim() === "" ? {} : { title: title.trim() }),
    };
    const result = await data.shareDocument(workspace, request);
    setState(
      result.ok
        ? { kind: "shared", title: result.value.title }
        : { kind: "refused", message: result.error.message },
    );
    if (result.ok) setShares((n) => n + 1);
  };

  return (
    <details className="share-with-investors no-print" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("shareWithInvestors")}</summary>
      <form
        aria-labelledby={`${ids}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void share();
        }}
      >
        <p id={`${ids}-title`}>{t("shareWithInvestorsIntro", { version })}</p>
        <label>
          {t("sharedReportColumn")}
          <select value={report} onChange={(e) => setReport(e.target.value as typeof report)}>
            <option value="model">{t("sharedReportModel")}</option>
            <option value="captable">{t("sharedReportCaptable")}</option>
          </select>
        </label>
        <label>
          {t("sharedFormatColumn")}
          <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            <option value="pdf">PDF</option>
            <option value="xlsx">XLSX</option>
          </select>
        </label>
        <label>
          {t("shareTitle")}
          <input
            value={title}
            onChange={(e) => setOwnTitle(e.target.value)}
            maxLength={LIMITS.nameLength}
            autoComplete="off"
          />
        </label>
        <label>
          {t("shareRecipient")}
          <input
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            placeholder={t("shareRecipientAll")}
            autoComplete="off"
          />
        </label>
        <button type="submit" disabled={state.kind === "sharing"}>
          {t("shareButton")}
        </button>
        {state.kind === "shared" ? (
          <p className="ok" role="status">
            {t("shareDone", { title: state.title })}
          </p>
        ) : state.kind === "refused" ? (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        ) : null}
      </form>
      {/* Listed once opened: the deal page's first view does not wait for it. */}
      {open ? <SharedDocumentsManager workspace={workspace} dealId={dealId} generation={shares} /> : null}
    </details>
  );
}

/** A shared document's file in the interface's language: the server words it in French with `lang=fr` (REP-2a). */
function fileIn(file: string, locale: "en" | "fr"): string {
  return locale === "fr" ? `${file}${file.includes("?") ? "&" : "?"}lang=fr` : file;
}
