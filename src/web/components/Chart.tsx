import { lazy, type ReactNode, Suspense, useEffect, useId, useRef, useState } from "react";
import { download, fileStem } from "../export/download.js";
import { useI18n } from "../i18n/i18n.js";

/** An ECharts option (the chart modules type it; kept loose here so that ECharts loads only with a chart). */
export type ChartOption = Record<string, unknown>;

const EChartCanvas = lazy(() => import("./EChartCanvas.js"));

/** What a drawn chart offers for download: its image as PNG (a data URL) and as SVG text. */
export interface ChartImages {
  readonly png: () => string;
  readonly svg: () => string;
}

/**
 * True once the page has drawn what it had to draw first: ECharts (the largest script of
 * the app) is asked for only then, so that a view's figures and tables are not kept
 * waiting while it downloads and compiles (SPEC WEB-20). An idle moment, or half a second
 * on a busy page.
 */
function useAfterFirstDraw(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(() => setAfter(true), { timeout: 500 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(() => setAfter(true), 50);
    return () => window.clearTimeout(handle);
  }, []);
  return after;
}

/** The bytes of a `data:` URL in base64. */
function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(url.slice(url.indexOf(",") + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface ChartProps {
  readonly title: string;
  readonly option: ChartOption;
  /** The same figures as a table: shown instead of the chart on request, and read by screen readers. */
  readonly table: ReactNode;
  /** More figures shown with the table (a histogram's percentiles beside its bins). */
  readonly afterTable?: ReactNode;
  readonly height?: number;
}

/**
 * A chart with a table alternative (SPEC WEB-10, WEB-19): a button switches between the
 * chart and a table of the same figures. The chart itself is an image to assistive
 * technology, labelled by its title; the table is the accessible form of the data, kept
 * in the page for screen readers (visually hidden) while the chart is shown. Once drawn,
 * the chart downloads as PNG (the canvas at twice its pixels) or SVG (the same option
 * drawn by ECharts' SVG renderer). ECharts is loaded with the first chart shown.
 */
export function Chart({ title, option, table, afterTable, height = 280 }: ChartProps) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const afterFirstDraw = useAfterFirstDraw();
  const images = useRef<ChartImages | undefined>(undefined);
  const titleId = useId();
  const onImages = (next: ChartImages | undefined) => {
    images.current = next;
    setDrawn(next !== undefined);
  };
  const save = (format: "png" | "svg") => {
    const source = images.current;
    if (!source) return;
    if (format === "png") download(`${fileStem(title)}.png`, dataUrlBytes(source.png()), "image/png");
    else download(`${fileStem(title)}.svg`, source.svg(), "image/svg+xml");
  };
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span className="chart-title">{title}</span>
        <span className="chart-actions no-print">
          <button
            type="button"
            className="link-button"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? t("showChart") : t("showTable")}
          </button>
          {!asTable && drawn
            ? (["png", "svg"] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="link-button chart-download"
                  aria-label={t("downloadChart", { title, format: format.toUpperCase() })}
                  onClick={() => save(format)}
                >
                  {format === "png" ? t("downloadPng") : t("downloadSvg")}
                </button>
              ))
            : null}
        </span>
      </figcaption>
      {asTable ? (
        <div className="chart-table">
          {table}
          {afterTable}
        </div>
      ) : (
        <>
          {afterFirstDraw ? (
            <Suspense fallback={<div className="chart-canvas" style={{ height }} aria-busy="true" />}>
              <EChartCanvas
                title={title}
                option={option}
                height={height}
                onUnavailable={() => setAsTable(true)}
                onImages={onImages}
              />
            </Suspense>
          ) : (
            <div className="chart-canvas" style={{ height }} aria-busy="true" />
          )}
          <div className="visually-hidden">
            {table}
            {afterTable}
          </div>
        </>
      )}
    </figure>
  );
}
