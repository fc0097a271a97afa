import { lazy, type ReactNode, Suspense, useId, useState } from "react";
import { useI18n } from "../i18n/i18n.js";

/** An ECharts option (the chart modules type it; kept loose here so that ECharts loads only with a chart). */
export type ChartOption = Record<string, unknown>;

const EChartCanvas = lazy(() => import("./EChartCanvas.js"));

export interface ChartProps {
  readonly title: string;
  readonly option: ChartOption;
  /** The same figures as a table: shown instead of the chart on request, and read by screen readers. */
  readonly table: ReactNode;
  readonly height?: number;
}

/**
 * A chart with a table alternative: a button switches between the chart and a table of
 * the same figures. The chart itself is an image to assistive technology, labelled by
 * its title; the table is the accessible form of the data. ECharts is loaded with the
 * first chart shown.
 */
export function Chart({ title, option, table, height = 280 }: ChartProps) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span className="chart-title">{title}</span>
        <button
          type="button"
          className="link-button no-print"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? t("showChart") : t("showTable")}
        </button>
      </figcaption>
      {asTable ? (
        <div className="chart-table">{table}</div>
      ) : (
        <Suspense fallback={<div className="chart-canvas" style={{ height }} aria-busy="true" />}>
          <EChartCanvas
            title={title}
            option={option}
            height={height}
            onUnavailable={() => setAsTable(true)}
          />
        </Suspense>
      )}
    </figure>
  );
}
