import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n.js";

// Only the chart types and components the app draws, so that the bundle carries no more of ECharts.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartProps {
  readonly title: string;
  readonly option: ChartOption;
  /** The same figures as a table: shown instead of the chart on request, and read by screen readers. */
  readonly table: ReactNode;
  readonly height?: number;
}

/**
 * A chart drawn by ECharts (on a canvas: the fastest to redraw while a slider moves)
 * with a table alternative: a button switches between the chart and a table of the same
 * figures. The chart itself is an image to assistive technology, labelled by its title;
 * the table is the accessible form of the data.
 */
export function Chart({ title, option, table, height = 280 }: ChartProps) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | undefined>(undefined);
  const titleId = useId();
  const latestOption = useRef(option);
  latestOption.current = option;

  useEffect(() => {
    if (asTable || !container.current) return;
    const element = container.current;
    let instance: echarts.EChartsType;
    try {
      instance = echarts.init(element, undefined, {
        renderer: "canvas",
        width: element.clientWidth || 600,
        height,
      });
      instance.setOption(latestOption.current);
    } catch {
      // No canvas here (an old or headless environment): the table carries the same figures.
      setAsTable(true);
      return;
    }
    chart.current = instance;
    const observer =
      typeof ResizeObserver === "undefined"
        ? undefined
        : new ResizeObserver(() => instance.resize({ width: element.clientWidth || 600, height }));
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [asTable, height]);

  useEffect(() => {
    // Merged into the chart (not rebuilt), so that a drag redraws the series only.
    chart.current?.setOption(option, { lazyUpdate: true });
  }, [option]);

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
        <div ref={container} className="chart-canvas" role="img" aria-label={title} style={{ height }} />
      )}
    </figure>
  );
}
