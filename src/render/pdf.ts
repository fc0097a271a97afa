import PDFDocument from "pdfkit";
import { compactMoney } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import {
  type BarChart,
  type Block,
  type CellValue,
  type Chart,
  type ChartUnit,
  type Facts,
  type Language,
  type LineChart,
  markLabel,
  type Paragraph,
  type ReportDocument,
  type Table,
  type TitleBlock,
  wording,
} from "./document.js";
import { axisText, cellText, exactMoneyText, printable } from "./figures.js";
import { tableTotals } from "./totals.js";

/**
 * The PDF renderer (SPEC REP-3): lays a report document out on A4 or US Letter pages with
 * pdfkit, in the Inter font embedded from its package (subset, so that the file does not
 * depend on the reader's fonts and nothing is fetched at run time). Tables break across
 * pages and repeat their header; charts are drawn as vector paths. The same document gives
 * the same bytes: the file's dates are the report's date, never the clock (OUT-3).
 *
 * The renderer is pure but for pdfkit: it takes the font files as bytes, so that a browser
 * can run it with pdfkit's standalone build and the same fonts fetched with the page.
 */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export interface PdfOptions {
  readonly fonts: PdfFonts;
  readonly pageSize?: "A4" | "LETTER";
}

const PAGE_SIZES = { A4: [595.28, 841.89], LETTER: [612, 792] } as const;
const MARGIN = 54;
const FOOTER_GAP = 22;
const COLORS = {
  text: "#1b1f24",
  muted: "#5b6470",
  accent: "#1f4e79",
  rule: "#c9ced6",
  headerFill: "#e9eef5",
  zebra: "#f6f7f9",
  markFill: "#fff4e0",
  markStroke: "#d9982b",
  grid: "#e3e6ea",
};
const SERIES_COLORS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];
const REGULAR = "Inter";
const BOLD = "Inter-Bold";
const NUMERIC = { features: ["tnum"] as PDFKit.Mixins.OpenTypeFeatures[] };

/** Renders a report document to PDF bytes. */
export function renderPdf(document: ReportDocument, options: PdfOptions): Promise<Uint8Array> {
  const [width, height] = PAGE_SIZES[options.pageSize ?? "A4"];
  // The PDF's dates are the report's date at midnight UTC: the same report, the same bytes.
  const stamp = new Date(`${document.title.date}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: [width, height],
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: document.lang ?? "en",
    displayTitle: true,
    info: {
      Title: `${document.title.title} — ${document.title.company}`,
      Author: "roundtable",
      Subject: document.title.subject ?? document.title.title,
      Creator: "roundtable",
      Producer: "roundtable (PDFKit)",
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  pdf.registerFont(REGULAR, Buffer.from(options.fonts.regular));
  pdf.registerFont(BOLD, Buffer.from(options.fonts.bold));
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });
  const layout = new Layout(pdf, document.lang ?? "en");
  layout.titleBlock(document.title);
  for (const section of document.sections) {
    layout.heading(section.title);
    for (const block of section.blocks) layout.block(block);
  }
  layout.footers(document.title);
  pdf.end();
  return done;
}

/** The cursor down the pages: each block asks for the room it needs and moves the cursor past it. */
class Layout {
  private y: number;
  private readonly left: number;
  private readonly width: number;
  private readonly bottom: number;
  private readonly w: (en: string, fr: string) => string;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly lang: Language,
  ) {
    this.w = wording(lang);
    this.left = MARGIN;
    this.width = pdf.page.width - 2 * MARGIN;
    this.bottom = pdf.page.height - MARGIN - FOOTER_GAP;
    this.y = MARGIN;
  }

  private newPage(): void {
    this.pdf.addPage();
    this.y = MARGIN;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  private room(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN) this.newPage();
  }

  private write(
    value: string,
    x: number,
    y: number,
    options: PDFKit.Mixins.TextOptions & { font?: string; size?: number; color?: string },
  ): void {
    const { font, size, color, ...rest } = options;
    this.pdf
      .font(font ?? REGULAR)
      .fontSize(size ?? 9)
      .fillColor(color ?? COLORS.text)
      .text(printable(value), x, y, { lineBreak: true, ...rest });
  }

  // Measuring text shapes it with the font (fontkit): the same strings are measured many
  // times while a table's widths are chosen, so measures are kept for the document.
  private readonly measures = new Map<string, number>();

  private heightOf(value: string, width: number, font: string, size: number): number {
    const key = `h|${font}|${size}|${width}|${value}`;
    let h = this.measures.get(key);
    if (h === undefined) {
      h = this.pdf.font(font).fontSize(size).heightOfString(printable(value), { width });
      this.measures.set(key, h);
    }
    return h;
  }

  private widthOf(value: string, font: string, size: number, figures = false): number {
    const key = `w|${font}|${size}|${figures}|${value}`;
    let w = this.measures.get(key);
    if (w === undefined) {
      w = this.pdf
        .font(font)
        .fontSize(size)
        .widthOfString(printable(value), figures ? NUMERIC : {});
      this.measures.set(key, w);
    }
    return w;
  }

  /**
   * The width of a text's longest word as pdfkit's line wrapper needs it: with the space
   * after it (the wrapper measures a word with its trailing space and splits a word that
   * does not fit so, as a long French header's "entièrement " would be).
   */
  private wordWidth(value: string, font: string, size: number): number {
    return this.widthOf(`${longestWord(value)} `, font, size);
  }

  titleBlock(title: TitleBlock): void {
    this.write(title.title, this.left, this.y, {
      font: BOLD,
      size: 20,
      color: COLORS.accent,
      width: this.width,
    });
    this.y += this.heightOf(title.title, this.width, BOLD, 20) + 4;
    const subject = title.subject ? `${title.company} — ${title.subject}` : title.company;
    this.write(subject, this.left, this.y, { font: BOLD, size: 12, width: this.width });
    this.y += this.heightOf(subject, this.width, BOLD, 12) + 3;
    const line = [
      title.version === undefined
        ? undefined
        : `${this.w("Document version", "Version du document")} ${title.version}`,
      `Date ${title.date}`,
    ]
      .filter((x) => x !== undefined)
      .join("   ·   ");
    this.write(line, this.left, this.y, { size: 9, color: COLORS.muted, width: this.width });
    this.y += 16;
    if (title.marks.length > 0) {
      const colon = this.w(":", "\u00a0:");
      const texts = title.marks.map((m) => `${markLabel(m.kind, this.lang)}${colon} ${m.text}`);
      const inner = this.width - 20;
      const height = texts.reduce((h, t) => h + this.heightOf(t, inner, REGULAR, 8.5) + 3, 0) + 14;
      this.pdf
        .save()
        .roundedRect(this.left, this.y, this.width, height, 3)
        .fillAndStroke(COLORS.markFill, COLORS.markStroke)
        .restore();
      let y = this.y + 8;
      for (const t of texts) {
        this.write(t, this.left + 10, y, { size: 8.5, width: inner });
        y += this.heightOf(t, inner, REGULAR, 8.5) + 3;
      }
      this.y += height + 8;
    }
    this.pdf
      .save()
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(1)
      .strokeColor(COLORS.accent)
      .stroke()
      .restore();
    this.y += 10;
  }

  heading(value: string): void {
    // A heading is kept with the start of what follows it.
    this.room(150);
    this.y += 6;
    this.write(value, this.left, this.y, { font: BOLD, size: 13, color: COLORS.accent, width: this.width });
    this.y += this.heightOf(value, this.width, BOLD, 13) + 6;
  }

  block(block: Block): void {
    if (block.kind === "paragraph") this.paragraph(block);
    else if (block.kind === "facts") this.facts(block);
    else if (block.kind === "table") this.table(block);
    else this.chart(block);
  }

  private paragraph(p: Paragraph): void {
    const size = p.style === "note" ? 8 : 9.5;
    const h = this.heightOf(p.text, this.width, REGULAR, size);
    this.room(h);
    this.write(p.text, this.left, this.y, {
      size,
      color: p.style === "note" ? COLORS.muted : COLORS.text,
      width: this.width,
    });
    this.y += h + 6;
  }

  private facts(f: Facts): void {
    const size = 9.5;
    const labelWidth = Math.min(
      this.width * 0.45,
      Math.max(...f.items.map((i) => this.widthOf(i.label, REGULAR, size))) + 16,
    );
    const valueWidth = this.width - labelWidth;
    for (const item of f.items) {
      // A key figure: compact in bold as people read it, its exact amount beside it, muted.
      const key =
        item.value.kind === "money" && item.value.precision === "key" ? item.value.value : undefined;
      const value = key ? compactMoney(key, this.lang) : cellText(item.value, this.lang);
      const exact = key ? exactMoneyText(key, 2, 2, this.lang) : undefined;
      const gap = 8;
      const valueBox = exact ? this.widthOf(value, BOLD, size, true) : valueWidth;
      const h = Math.max(
        this.heightOf(item.label, labelWidth - 8, REGULAR, size),
        this.heightOf(value, valueWidth, BOLD, size),
        exact ? this.heightOf(exact, Math.max(valueWidth - valueBox - gap, 1), REGULAR, size) : 0,
      );
      this.room(h + 3);
      this.write(item.label, this.left, this.y, { size, color: COLORS.muted, width: labelWidth - 8 });
      this.write(value, this.left + labelWidth, this.y, { font: BOLD, size, width: valueWidth, ...NUMERIC });
      if (exact)
        this.write(exact, this.left + labelWidth + valueBox + gap, this.y, {
          size,
          color: COLORS.muted,
          width: Math.max(valueWidth - valueBox - gap, 1),
          ...NUMERIC,
        });
      this.y += h + 3;
    }
    this.y += 6;
  }

  private table(t: Table): void {
    const totals = t.total ? tableTotals(t) : undefined;
    const rows: string[][] = t.rows.map((r) =>
      t.columns.map((c) => cellText(r.cells[c.key] ?? EMPTY, this.lang)),
    );
    const totalRow = t.total
      ? t.columns.map((c, i) =>
          i === 0 ? t.total!.label : totals?.get(c.key) ? cellText(totals.get(c.key)!, this.lang) : "",
        )
      : undefined;
    const numeric = t.columns.map((c) =>
      t.rows.some((r) => {
        const kind = r.cells[c.key]?.kind;
        return kind !== undefined && kind !== "text" && kind !== "empty" && kind !== "date";
      }),
    );
    const headers = t.columns.map((c) => c.header);
    const pad = 4;
    const fits = this.columnWidths(t, headers, rows, totalRow, numeric, pad);
    const { size } = fits;
    const widths = fits.widths;
    const xs: number[] = [];
    for (let i = 0; i < widths.length; i++) xs.push(i === 0 ? this.left : xs[i - 1]! + widths[i - 1]!);
    const rowHeight = (cells: readonly string[], font: string) =>
      Math.max(...cells.map((c, i) => this.heightOf(c || " ", widths[i]! - 2 * pad, font, size))) +
      2 * pad -
      1;
    const drawRow = (cells: readonly string[], font: string, fill: string | undefined, header: boolean) => {
      const h = rowHeight(cells, font);
      if (fill) this.pdf.save().rect(this.left, this.y, sum(widths), h).fill(fill).restore();
      cells.forEach((c, i) => {
        this.write(c, xs[i]! + pad, this.y + pad, {
          font,
          size,
          width: widths[i]! - 2 * pad,
          align: numeric[i] ? "right" : "left",
          ...(numeric[i] && !header ? NUMERIC : {}),
        });
      });
      this.y += h;
    };
    const drawHeader = () => {
      drawRow(headers, BOLD, COLORS.headerFill, true);
      this.rule(COLORS.rule);
    };
    const headerHeight = rowHeight(headers, BOLD);
    if (t.title) {
      const h = this.heightOf(t.title, this.width, BOLD, 10);
      this.room(h + headerHeight + 3 * rowHeight(rows[0] ?? headers, REGULAR));
      this.write(t.title, this.left, this.y, { font: BOLD, size: 10, width: this.width });
      this.y += h + 4;
    } else {
      this.room(headerHeight + 3 * rowHeight(rows[0] ?? headers, REGULAR));
    }
    drawHeader();
    rows.forEach((cells, index) => {
      if (this.y + rowHeight(cells, REGULAR) > this.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(cells, REGULAR, index % 2 === 1 ? COLORS.zebra : undefined, false);
    });
    if (totalRow) {
      if (this.y + rowHeight(totalRow, BOLD) > this.bottom) {
        this.newPage();
        drawHeader();
      }
      this.rule(COLORS.text);
      drawRow(totalRow, BOLD, undefined, false);
    }
    this.rule(COLORS.rule);
    this.y += 10;
  }

  /**
   * Column widths and type size for a table: the largest size from 8.5 down to 6.5 points
   * at which every figure column keeps its natural width and every text column at least
   * its longest word; text columns then share the rest in proportion to their content and
   * wrap. Spare width goes to the first column (the names).
   */
  private columnWidths(
    t: Table,
    headers: readonly string[],
    rows: readonly (readonly string[])[],
    totalRow: readonly string[] | undefined,
    numeric: readonly boolean[],
    pad: number,
  ): { size: number; widths: number[] } {
    const measure = (size: number) =>
      t.columns.map((_, i) => {
        const cells = [...rows.map((r) => r[i]!), ...(totalRow ? [totalRow[i]!] : [])];
        const cellWidth = (c: string, font: string) =>
          numeric[i] ? this.widthOf(c, font, size, true) : this.widthOf(c, font, size);
        const natural = Math.max(
          this.widthOf(headers[i]!, BOLD, size) * (numeric[i] ? 0.5 : 1),
          this.wordWidth(headers[i]!, BOLD, size),
          ...cells.map((c) => cellWidth(c, REGULAR)),
          ...(totalRow ? [cellWidth(totalRow[i]!, BOLD)] : []),
        );
        const least = numeric[i]
          ? natural
          : Math.max(
              40,
              this.wordWidth(headers[i]!, BOLD, size),
              ...cells.map((c) => this.wordWidth(c, REGULAR, size)),
            );
        return { natural: natural + 2 * pad + 2, least: Math.min(natural, least) + 2 * pad + 2 };
      });
    for (let size = 8.5; size >= 6.5; size -= 0.5) {
      const m = measure(size);
      const naturalSum = sum(m.map((x) => x.natural));
      if (naturalSum <= this.width) {
        const widths = m.map((x) => x.natural);
        widths[0] = widths[0]! + (this.width - naturalSum);
        return { size, widths };
      }
      const leastSum = sum(m.map((x) => x.least));
      if (leastSum <= this.width) {
        // Text columns get their least width plus a share of the rest in proportion to what they lack.
        const spare = this.width - leastSum;
        const lack = sum(m.map((x, i) => (numeric[i] ? 0 : x.natural - x.least)));
        const widths = m.map((x, i) =>
          numeric[i] ? x.natural : x.least + (lack > 0 ? (spare * (x.natural - x.least)) / lack : 0),
        );
        widths[0] = widths[0]! + (this.width - sum(widths));
        return { size, widths };
      }
    }
    const m = measure(6.5);
    const scale = this.width / sum(m.map((x) => x.least));
    return { size: 6.5, widths: m.map((x) => x.least * scale) };
  }

  private rule(color: string): void {
    this.pdf
      .save()
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  private chart(chart: Chart): void {
    const plotHeight = 170;
    const legendRows = this.legendHeight(chart);
    this.room(16 + plotHeight + 10 + this.categoryLabelHeight(chart) + legendRows);
    this.write(chart.title, this.left, this.y, { font: BOLD, size: 10, width: this.width });
    this.y += this.heightOf(chart.title, this.width, BOLD, 10) + 6;
    if (chart.chart === "line") this.lineChart(chart, plotHeight);
    else this.barChart(chart, plotHeight);
    this.legend(chart);
    this.y += 10;
  }

  /**
   * The height of a bar chart's category labels: two wrapped lines when each label's
   * longest word fits its bar group, else the labels are set at an angle (histograms
   * with many bins have short labels and are thinned instead).
   */
  private categoryLabelHeight(chart: Chart): number {
    if (chart.chart === "line") return 16;
    const group = (this.width - 40) / Math.max(1, chart.categories.length);
    const wordWidth =
      Math.max(...chart.categories.map((c) => this.widthOf(longestWord(c), REGULAR, 7)), 1) + 4;
    if (wordWidth <= group || chart.categories.length > 24) return 22;
    const longest = Math.max(...chart.categories.map((c) => Math.min(110, this.widthOf(c, REGULAR, 7))));
    return longest * Math.sin(Math.PI / 4) + 14;
  }

  private legendHeight(chart: Chart): number {
    return chart.series.length > 1 ? 14 * Math.ceil(chart.series.length / 4) : 0;
  }

  private legend(chart: Chart): void {
    if (chart.series.length <= 1) return;
    const columnWidth = this.width / 4;
    chart.series.forEach((s, i) => {
      const x = this.left + (i % 4) * columnWidth;
      const y = this.y + Math.floor(i / 4) * 14;
      this.pdf
        .save()
        .rect(x, y + 2, 8, 8)
        .fill(SERIES_COLORS[i % SERIES_COLORS.length]!)
        .restore();
      this.write(s.name, x + 12, y + 1, { size: 7.5, width: columnWidth - 16, height: 11, ellipsis: true });
    });
    this.y += this.legendHeight(chart);
  }

  /** The y axis: nice ticks from the data's range (positions on the page are floats, the data stays exact). */
  private yAxis(min: number, max: number, unit: ChartUnit, plotTop: number, plotHeight: number) {
    const ticks = niceTicks(min, max, 5);
    const lo = ticks[0]!;
    const hi = ticks[ticks.length - 1]!;
    const labels = ticks.map((t) => axisText(Rational.fromNumberText(t), unit, this.lang));
    const labelWidth = Math.max(...labels.map((l) => this.widthOf(l, REGULAR, 7))) + 6;
    const plotLeft = this.left + labelWidth;
    const toY = (v: number) => plotTop + plotHeight - ((v - lo) / (hi - lo || 1)) * plotHeight;
    ticks.forEach((t, i) => {
      const y = toY(t);
      this.pdf
        .save()
        .moveTo(plotLeft, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(0.4)
        .strokeColor(COLORS.grid)
        .stroke()
        .restore();
      this.write(labels[i]!, this.left, y - 4, {
        size: 7,
        color: COLORS.muted,
        width: labelWidth - 4,
        align: "right",
      });
    });
    return { plotLeft, toY, zero: toY(Math.max(lo, Math.min(0, hi))) };
  }

  private barChart(chart: BarChart, plotHeight: number): void {
    const top = this.y;
    const stacked = chart.chart === "stacked_bar";
    const values = chart.series.map((s) => s.values.map((v) => v.toNumber()));
    const n = chart.categories.length;
    const totals = Array.from({ length: n }, (_, i) =>
      values.reduce((a, s) => a + Math.max(0, s[i] ?? 0), 0),
    );
    const negatives = Array.from({ length: n }, (_, i) =>
      values.reduce((a, s) => a + Math.min(0, s[i] ?? 0), 0),
    );
    const all = values.flat();
    const max = stacked ? Math.max(0, ...totals) : Math.max(0, ...all);
    const min = stacked ? Math.min(0, ...negatives) : Math.min(0, ...all);
    const { plotLeft, toY, zero } = this.yAxis(min, max, chart.unit, top, plotHeight);
    const plotWidth = this.left + this.width - plotLeft;
    const group = plotWidth / Math.max(1, n);
    const inner = group * (n > 20 ? 0.92 : 0.7);
    chart.categories.forEach((_, i) => {
      let up = 0;
      let down = 0;
      values.forEach((s, k) => {
        const v = s[i] ?? 0;
        const color = SERIES_COLORS[k % SERIES_COLORS.length]!;
        let x: number;
        let w: number;
        let from: number;
        let to: number;
        if (stacked) {
          x = plotLeft + i * group + (group - inner) / 2;
          w = inner;
          from = v >= 0 ? up : down;
          to = from + v;
          if (v >= 0) up = to;
          else down = to;
        } else {
          w = inner / values.length;
          x = plotLeft + i * group + (group - inner) / 2 + k * w;
          from = 0;
          to = v;
        }
        const y1 = toY(from);
        const y2 = toY(to);
        if (Math.abs(y1 - y2) > 0.01)
          this.pdf
            .save()
            .rect(x, Math.min(y1, y2), w, Math.abs(y1 - y2))
            .fill(color)
            .restore();
      });
    });
    this.axisLine(plotLeft, zero);
    // Category labels, thinned so that they do not overlap.
    // Each label wraps within its bar group on two lines; labels that do not fit are set at
    // 45 degrees, and those of many narrow bars (a histogram's bins) are thinned.
    const wordWidth =
      Math.max(...chart.categories.map((c) => this.widthOf(longestWord(c), REGULAR, 7)), 1) + 4;
    const labelHeight = this.categoryLabelHeight(chart);
    const angled = wordWidth > group && n <= 24;
    const every = angled ? 1 : Math.max(1, Math.ceil(wordWidth / group));
    chart.categories.forEach((c, i) => {
      if (i % every !== 0) return;
      const cx = plotLeft + i * group + group / 2;
      if (angled) {
        const w = Math.min(110, this.widthOf(c, REGULAR, 7) + 2);
        this.pdf.save().rotate(-45, { origin: [cx, top + plotHeight + 4] });
        this.write(c, cx - w, top + plotHeight, {
          size: 7,
          color: COLORS.muted,
          width: w,
          align: "right",
          height: 9,
          ellipsis: true,
          lineBreak: false,
        });
        this.pdf.restore();
        return;
      }
      const w = Math.max(group * every - 4, wordWidth);
      this.write(c, cx - w / 2, top + plotHeight + 4, {
        size: 7,
        color: COLORS.muted,
        width: w,
        align: "center",
        height: 18,
        ellipsis: true,
      });
    });
    for (const m of chart.markers ?? []) {
      const x = plotLeft + m.at * group + group / 2;
      this.marker(x, top, plotHeight, m.label);
    }
    this.y = top + plotHeight + 4 + labelHeight;
  }

  private lineChart(chart: LineChart, plotHeight: number): void {
    const top = this.y;
    const points = chart.series.flatMap((s) => s.points);
    const xs = points.map((p) => p.x.toNumber());
    const ys = points.map((p) => p.y.toNumber());
    const { plotLeft, toY, zero } = this.yAxis(
      Math.min(0, ...ys),
      Math.max(0, ...ys),
      chart.unit,
      top,
      plotHeight,
    );
    const xTicks = niceTicks(Math.min(...xs), Math.max(...xs), 6);
    const x0 = xTicks[0]!;
    const x1 = xTicks[xTicks.length - 1]!;
    const plotWidth = this.left + this.width - plotLeft;
    const toX = (v: number) => plotLeft + ((v - x0) / (x1 - x0 || 1)) * plotWidth;
    for (const t of xTicks) {
      if (t < x0 || t > x1) continue;
      const label = axisText(Rational.fromNumberText(t), chart.xUnit, this.lang);
      this.write(label, toX(t) - 30, top + plotHeight + 4, {
        size: 7,
        color: COLORS.muted,
        width: 60,
        align: "center",
      });
    }
    for (const m of chart.markers ?? []) this.marker(toX(m.x.toNumber()), top, plotHeight, m.label);
    chart.series.forEach((s, k) => {
      if (s.points.length === 0) return;
      this.pdf.save();
      s.points.forEach((p, i) => {
        const x = toX(p.x.toNumber());
        const y = toY(p.y.toNumber());
        if (i === 0) this.pdf.moveTo(x, y);
        else this.pdf.lineTo(x, y);
      });
      this.pdf
        .lineWidth(1.4)
        .strokeColor(SERIES_COLORS[k % SERIES_COLORS.length]!)
        .stroke()
        .restore();
    });
    this.axisLine(plotLeft, zero);
    this.y = top + plotHeight + 26;
  }

  private axisLine(plotLeft: number, y: number): void {
    this.pdf
      .save()
      .moveTo(plotLeft, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.8)
      .strokeColor(COLORS.muted)
      .stroke()
      .restore();
  }

  private marker(x: number, top: number, plotHeight: number, label: string): void {
    this.pdf
      .save()
      .moveTo(x, top + 10)
      .lineTo(x, top + plotHeight)
      .dash(2, { space: 2 })
      .lineWidth(0.6)
      .strokeColor(COLORS.text)
      .stroke()
      .undash()
      .restore();
    this.write(label, x - 30, top, {
      size: 6.5,
      color: COLORS.text,
      width: 60,
      align: "center",
      height: 9,
      ellipsis: true,
    });
  }

  /** Writes each page's footer: what the report is, and the page's number. */
  footers(title: TitleBlock): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      const y = this.pdf.page.height - MARGIN - 4;
      // Writing below the bottom margin would start a new page: the margin is lifted for the footer.
      const margins = this.pdf.page.margins;
      this.pdf.page.margins = { ...margins, bottom: 0 };
      this.write(`${title.company} — ${title.title} — ${title.date}`, this.left, y, {
        size: 7,
        color: COLORS.muted,
        width: this.width - 80,
        lineBreak: false,
      });
      this.write(
        `Page ${i - range.start + 1} ${this.w("of", "sur")} ${range.count}`,
        this.left + this.width - 80,
        y,
        {
          size: 7,
          color: COLORS.muted,
          width: 80,
          align: "right",
          lineBreak: false,
        },
      );
      this.pdf.page.margins = margins;
    }
  }
}

const EMPTY: CellValue = { kind: "empty" };

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function longestWord(value: string): string {
  return value.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), "");
}

/** Round tick values (1, 2, 2.5 or 5 times a power of ten) covering [min, max]. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max === min) {
    if (max === 0) return [0, 1];
    const span = Math.abs(max);
    return niceTicks(Math.min(0, min), Math.max(0, max) || span, count);
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) as number;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; ticks.length < 2 || ticks[ticks.length - 1]! < max - step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (ticks.length > 50) break;
  }
  return ticks;
}
