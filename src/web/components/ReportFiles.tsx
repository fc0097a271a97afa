import { createContext, type ReactNode, useContext, useState } from "react";
import type { DealDocumentJson, ReportFileName } from "../api/contract.js";
import { useDataAccess } from "../app/data-context.js";
import { download } from "../export/download.js";
import { useI18n } from "../i18n/i18n.js";

/** The deal a page's report files are of: where it is stored, and its working document when it holds unsaved edits. */
export interface ReportFileSubject {
  readonly workspace: string;
  readonly deal: string;
  /** The stored document with the page's unsaved edits written in; undefined when there are none. */
  readonly unsaved: DealDocumentJson | undefined;
  /** The document the page shows (the stored one, or the one with the unsaved edits). */
  readonly working: DealDocumentJson;
}

const ReportFileContext = createContext<ReportFileSubject | undefined>(undefined);

/** Gives the views of a deal page the deal their report files are of. */
export function ReportFileProvider({
  subject,
  children,
}: {
  subject: ReportFileSubject;
  children: ReactNode;
}) {
  return <ReportFileContext.Provider value={subject}>{children}</ReportFileContext.Provider>;
}

/**
 * The report as a file to hand over (SPEC WEB-PDF-1, WEB-XLSX-1): the same PDF or XLSX
 * workbook as `roundtable <report> --format pdf|xlsx` on the same document, rendered by
 * the server (the round builder keeps its own CSV, JSON and XLSX data exports). With
 * unsaved edits on the page, the working document is posted and the file's title block says
 * "Unsaved edits"; the buttons say so too. `query` holds the report's parameters as the
 * CLI's flags name them (`round`, `at`…).
 */
export function ReportFileButtons({
  report,
  query = {},
  disabled = false,
}: {
  report: ReportFileName;
  query?: Readonly<Record<string, string>>;
  disabled?: boolean;
}) {
  const subject = useContext(ReportFileContext);
  const data = useDataAccess();
  const { t, locale } = useI18n();
  const [state, setState] = useState<string | undefined>();
  if (!subject) return null;
  const get = async (format: "pdf" | "xlsx") => {
    setState(t("exporting"));
    const file = await data.reportFile(subject.workspace, subject.deal, {
      report,
      format,
      query,
      // The file is worded in the interface's language (issue 16).
      lang: locale,
      ...(subject.unsaved ? { unsaved: subject.unsaved } : {}),
      // The Monte Carlo summary is a file of a posted document only (simulate is a job on stored deals).
      ...(report === "simulate" && !subject.unsaved ? { posted: subject.working } : {}),
    });
    if (!file.ok) {
      setState(t("exportFailed", { message: file.error.message }));
      return;
    }
    download(file.value.filename, file.value.bytes as BlobPart, file.value.mediaType);
    setState(undefined);
  };
  return (
    <fieldset className="export report-files no-print" disabled={disabled} data-report={report}>
      <legend>{t("reportFileTitle")}</legend>
      <button type="button" data-format="pdf" onClick={() => void get("pdf")}>
        {t("reportFilePdf")}
      </button>
      <button type="button" data-format="xlsx" onClick={() => void get("xlsx")}>
        {t("reportFileXlsx")}
      </button>
      {subject.unsaved ? (
        <span className="muted" data-unsaved-mark="">
          {t("reportFileUnsaved")}
        </span>
      ) : null}
      {state ? <span role="status">{state}</span> : null}
    </fieldset>
  );
}
