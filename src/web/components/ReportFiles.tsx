import { createContext, type ReactNode, useContext, useState } from "react";
import { type ReportDocument, unsavedEditsMark } from "../../render/document.js";
import type { DocumentContext } from "../../render/reports/pro-forma.js";
import type { DealDocumentJson, ReportFileName } from "../api/contract.js";
import { useDataAccess } from "../app/data-context.js";
import { download } from "../export/download.js";
import { useI18n } from "../i18n/i18n.js";

/** The deal a page's report files are of: where it is stored, and its working document when it holds unsaved edits. */
export interface ReportFileSubject {
  readonly workspace: string;
  readonly deal: string;
  /** The stored version the page's document is based on. */
  readonly version: number;
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

/** The XLSX workbook's media type. */
const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The report as a file to hand over (SPEC WEB-PDF-1, WEB-XLSX-1): the same PDF or XLSX
 * workbook as `roundtable <report> --format pdf|xlsx` on the same document. The server
 * renders it; a view that holds the report's typed figures itself (the round builder's live
 * pro forma) gives `document`, and its workbook is rendered in the page by the same
 * renderer (src/render/xlsx.ts, loaded when asked for), which works with no server (in
 * memory). With unsaved edits on the page, the working document is posted (or the page's
 * document marked) and the file's title block says "Unsaved edits"; the buttons say so too.
 * `query` holds the report's parameters as the CLI's flags name them (`round`, `at`…);
 * `children`, the view's other exports, in the same group.
 */
export function ReportFileButtons({
  report,
  query = {},
  disabled = false,
  document,
  legend,
  children,
}: {
  report: ReportFileName;
  query?: Readonly<Record<string, string>>;
  disabled?: boolean;
  /** The report's document built in the page from its typed report, for its workbook. */
  document?: (context: DocumentContext) => Promise<ReportDocument>;
  /** The group's legend (default: "Report to hand over"). */
  legend?: string;
  children?: ReactNode;
}) {
  const subject = useContext(ReportFileContext);
  const data = useDataAccess();
  const { t, locale } = useI18n();
  const [state, setState] = useState<string | undefined>();
  if (!subject) return null;
  const get = async (format: "pdf" | "xlsx") => {
    setState(t("exporting"));
    if (format === "xlsx" && document) {
      try {
        // As the server names and marks it: the stored version's, or unsaved edits marked.
        const [{ renderXlsx }, built] = await Promise.all([
          import("../../render/xlsx.js"),
          // In the interface's language, as the server's files (issue 16).
          document(
            subject.unsaved
              ? { marks: [unsavedEditsMark(locale)], lang: locale }
              : { version: String(subject.version), lang: locale },
          ),
        ]);
        const bytes = await renderXlsx(built);
        const version = subject.unsaved ? "" : `-v${subject.version}`;
        download(
          `${subject.deal}-${report}${version}.xlsx`.replace(/[^A-Za-z0-9._-]/g, "_"),
          bytes as BlobPart,
          XLSX_MEDIA_TYPE,
        );
        setState(undefined);
      } catch (e) {
        setState(t("exportFailed", { message: e instanceof Error ? e.message : String(e) }));
      }
      return;
    }
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
      <legend>{legend ?? t("reportFileTitle")}</legend>
      <button type="button" data-format="pdf" onClick={() => void get("pdf")}>
        {t("reportFilePdf")}
      </button>
      <button type="button" data-format="xlsx" onClick={() => void get("xlsx")}>
        {t("reportFileXlsx")}
      </button>
      {children}
      {subject.unsaved ? (
        <span className="muted" data-unsaved-mark="">
          {t("reportFileUnsaved")}
        </span>
      ) : null}
      {state ? <span role="status">{state}</span> : null}
    </fieldset>
  );
}
