import { BarChart, LineChart, PieChart, SankeyChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { ChartImages, ChartOption } from "./Chart.js";

// Only the chart types and components the app draws, so that the bundle carries no more of ECharts.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  SankeyChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/**
 * The chart as SVG text: the same option drawn by ECharts' SVG renderer at the canvas's
 * size, in a detached element that is disposed of at once (the page keeps its canvas,
 * the fastest to redraw while a slider moves).
 */
function svgOf(option: ChartOption, width: number, height: number): string {
  const element = document.createElement("div");
  const instance = echarts.init(element, undefined, { renderer: "svg", ssr: true, width, height });
  try {
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** A text box a chart draws, in the canvas's pixels. */
export interface LabelBox {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The chart drawn in each container, so that the page can measure what it draws (labelBoxes). */
const CHARTS = new WeakMap<HTMLElement, echarts.EChartsType>();

/**
 * Every text a chart shows (axis labels, legend, series labels), as ECharts laid it out:
 * the bounding box of each visible text element of the renderer's display list,
 * transformed to the canvas. Hidden labels (hideOverlap, ignore) are left out. The
 * browser tests compare these boxes with the canvas, measured rather than assumed.
 */
export function labelBoxes(
  element: HTMLElement,
): { width: number; height: number; boxes: LabelBox[] } | undefined {
  const chart = CHARTS.get(element);
  if (!chart) return undefined;
  const boxes: LabelBox[] = [];
  const seen = new Set<unknown>();
  for (const span of chart.getZr().storage.getDisplayList(true)) {
    // A text is drawn as its spans (TSpan), which the display list holds; the text (their
    // parent) has the box of all its lines.
    const el = span.parent;
    if (span.type !== "tspan" || span.ignore || span.invisible || !el || el.type !== "text") continue;
    if (seen.has(el) || el.ignore) continue;
    seen.add(el);
    const text = (el as unknown as { style: { text?: string } }).style.text ?? "";
    if (text.trim() === "") continue;
    const rect = el.getBoundingRect().clone();
    const transform = el.getComputedTransform();
    if (transform) rect.applyTransform(transform);
    boxes.push({ text, x: rect.x, y: rect.y, width: rect.width, height: rect.height });
  }
  return { width: chart.getWidth(), height: chart.getHeight(), boxes };
}

declare global {
  interface Window {
    /** The label boxes of the chart drawn in a container (for the browser tests' measurements). */
    roundtableLabelBoxes?: typeof labelBoxes;
  }
}
if (typeof window !== "undefined") window.roundtableLabelBoxes = labelBoxes;

export interface EChartCanvasProps {
  readonly title: string;
  readonly option: ChartOption;
  readonly height: number;
  /** Called when no chart can be drawn here (no canvas): the caller shows the table instead. */
  readonly onUnavailable: () => void;
  /** Given the chart's images once it is drawn, and undefined when it goes. */
  readonly onImages?: (images: ChartImages | undefined) => void;
}

/**
 * The ECharts drawing of a chart, on a canvas (the fastest to redraw while a slider
 * moves). Loaded on demand, so that the app's first screen does not wait for ECharts.
 */
export default function EChartCanvas({ title, option, height, onUnavailable, onImages }: EChartCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | undefined>(undefined);
  const latestOption = useRef(option);
  latestOption.current = option;
  const unavailable = useRef(onUnavailable);
  unavailable.current = onUnavailable;
  const images = useRef(onImages);
  images.current = onImages;

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
    CHARTS.set(element, instance);
    images.current?.({
      png: () => instance.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" }),
      svg: () => svgOf(latestOption.current, instance.getWidth(), instance.getHeight()),
    });
    const observer =
      typeof ResizeObserver === "undefined"
        ? undefined
        : new ResizeObserver(() => instance.resize({ width: element.clientWidth || 600, height }));
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      images.current?.(undefined);
      instance.dispose();
      CHARTS.delete(element);
      chart.current = undefined;
    };
  }, [height]);

  useEffect(() => {
    // Merged into the chart (not rebuilt), so that a drag redraws the series only.
    chart.current?.setOption(option, { lazyUpdate: true });
  }, [option]);

  return <div ref={container} className="chart-canvas" role="img" aria-label={title} style={{ height }} />;
}
