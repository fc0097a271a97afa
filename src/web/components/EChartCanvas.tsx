import { BarChart, LineChart, PieChart, SankeyChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { ChartOption } from "./Chart.js";

// Only the chart types and components the app draws, so that the bundle carries no more of ECharts.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  SankeyChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface EChartCanvasProps {
  readonly title: string;
  readonly option: ChartOption;
  readonly height: number;
  /** Called when no chart can be drawn here (no canvas): the caller shows the table instead. */
  readonly onUnavailable: () => void;
}

/**
 * The ECharts drawing of a chart, on a canvas (the fastest to redraw while a slider
 * moves). Loaded on demand, so that the app's first screen does not wait for ECharts.
 */
export default function EChartCanvas({ title, option, height, onUnavailable }: EChartCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | undefined>(undefined);
  const latestOption = useRef(option);
  latestOption.current = option;
  const unavailable = useRef(onUnavailable);
  unavailable.current = onUnavailable;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let instance: echarts.EChartsType;
    try {
      instance = echarts.init(element, undefined, {
        renderer: "canvas",
        width: element.clientWidth || 600,
        height,
      });
      instance.setOption(latestOption.current);
    } catch {
      unavailable.current();
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
  }, [height]);

  useEffect(() => {
    // Merged into the chart (not rebuilt), so that a drag redraws the series only.
    chart.current?.setOption(option, { lazyUpdate: true });
  }, [option]);

  return <div ref={container} className="chart-canvas" role="img" aria-label={title} style={{ height }} />;
}
