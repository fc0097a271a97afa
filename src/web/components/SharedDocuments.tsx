import { useId, useState } from "react";
import type { ShareDocumentRequest, SharedDocumentJson } from "../api/contract.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { useI18n } from "../i18n/i18n.js";
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
                    <a href={d.file} download>
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

/**
 * An owner's "Share with investors" action on a stored deal's page (SPEC SRV-SHARE-1): the
 * pro forma or the cap table of the stored version, as PDF or XLSX, with every investor
 * member or one; the server checks and stores it, and its refusal is shown as it says it.
 */
export function ShareWithInvestors({
  workspace,
  dealId,
  version,
}: {
  workspace: string;
  dealId: string;
  /** The stored version the page shows: what is shared (unsaved edits are not). */
  version: number;
}) {
  const { t } = useI18n();
  const ids = useId();
  const data = useDataAccess();
  const [report, setReport] = useState<(typeof REPORTS)[number]>("model");
  const [format, setFormat] = useState<(typeof FORMATS)[number]>("pdf");
  const [recipient, setRecipient] = useState("");
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
    };
    const result = await data.shareDocument(workspace, request);
    setState(
      result.ok
        ? { kind: "shared", title: result.value.title }
        : { kind: "refused", message: result.error.message },
    );
  };

  return (
    <details className="share-with-investors no-print">
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
    </details>
  );
}
