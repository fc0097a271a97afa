import ExcelJS from "exceljs";
import { replay } from "../../../src/core/ledger/replay.js";
import { capTableView } from "../../../src/core/ledger/views.js";
import { loadDeal } from "../../../src/deal/load.js";

/**
 * One company written in every layout the import reads: two founders with common
 * shares, a seed fund with preferred shares, an employee's options and the pool's
 * available shares. Each layout's file must import to the same cap table.
 */
export const COMPANY = {
  holders: [
    {
      name: "Alice Martin",
      kind: "founder",
      class: "Common",
      shares: 4_000_000n,
      price: "0.0001",
      date: "2021-01-15",
    },
    {
      name: "Bob Chen",
      kind: "founder",
      class: "Common",
      shares: 4_000_000n,
      price: "0.0001",
      date: "2021-01-15",
    },
    {
      name: "Seed Fund LP",
      kind: "fund",
      class: "Series Seed",
      shares: 1_500_000n,
      price: "1.20",
      date: "2022-06-01",
    },
  ],
  option: { name: "Carol Díaz", shares: 250_000n, strike: "0.10", date: "2022-06-15" },
  poolAvailable: 750_000n,
} as const;

/** The fully diluted total: 4M + 4M + 1.5M + 250k options + 750k available. */
export const FULLY_DILUTED = 10_500_000n;

export const SEED_TERMS_MAPPING = `classes:
  Series Seed:
    type: preferred
    preferenceMultiple: 1x
    seniority: 1
    participation: none
`;

export function templateRows(): string[][] {
  const rows = [
    [
      "Holder",
      "Holder type",
      "Class",
      "Class type",
      "Liquidation preference",
      "Security",
      "Shares",
      "Price per share",
      "Exercise price",
      "Issue date",
    ],
  ];
  for (const h of COMPANY.holders)
    rows.push([
      h.name,
      h.kind,
      h.class,
      h.class === "Common" ? "common" : "preferred",
      h.class === "Common" ? "" : "1x",
      "stock",
      String(h.shares),
      h.price,
      "",
      h.date,
    ]);
  const o = COMPANY.option;
  rows.push([o.name, "employee", "", "", "", "option", String(o.shares), "", o.strike, o.date]);
  rows.push([
    "Option pool (available)",
    "",
    "Common",
    "",
    "",
    "",
    String(COMPANY.poolAvailable),
    "",
    "",
    "2021-01-15",
  ]);
  return rows;
}

export function csvText(rows: string[][], delimiter = ","): string {
  const quote = (v: string) =>
    v.includes(delimiter) || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v;
  return `${rows.map((r) => r.map(quote).join(delimiter)).join("\r\n")}\r\n`;
}

async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template in a workbook: share counts as numbers, dates as date cells. */
export function templateXlsx(): Promise<Buffer> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet("Holdings");
    for (const [i, row] of templateRows().entries()) {
      if (i === 0) {
        ws.addRow(row);
        continue;
      }
      ws.addRow(
        row.map((v, c) => {
          if (v === "") return null;
          if (c === 6) return Number(v);
          if (c === 7 || c === 8) return Number(v);
          if (c === 9) return new Date(`${v}T00:00:00Z`);
          return v;
        }),
      );
    }
  });
}

/**
 * A summary as cap-table tools export it, with the header `Holder | <classes> | Total |
 * % fully diluted` (the shape of roundtable's own cap-table XLSX): a title row above it,
 * an options column, the pool's available row, a total row, percentages formatted 0.00%.
 */
export function summaryXlsx(
  options: { totalsWrong?: boolean; coverAndClassesSheets?: boolean } = {},
): Promise<Buffer> {
  return workbookBytes((wb) => {
    if (options.coverAndClassesSheets) {
      const cover = wb.addWorksheet("Cover");
      cover.addRow(["Acme SAS"]);
      cover.addRow(["Capitalisation table as of 2022-06-15, prepared by counsel"]);
    }
    const ws = wb.addWorksheet("Cap table");
    ws.addRow(["Acme SAS — capitalisation table"]);
    ws.addRow(["Holder", "Common", "Series Seed", "Options", "Total", "% fully diluted"]);
    const lines: [string, number, number, number][] = [
      ["Alice Martin", 4_000_000, 0, 0],
      ["Bob Chen", 4_000_000, 0, 0],
      ["Seed Fund LP", 0, 1_500_000, 0],
      ["Carol Díaz", 0, 0, 250_000],
      ["Available pool", 0, 0, 750_000],
    ];
    const fd = Number(FULLY_DILUTED);
    for (const [name, common, seed, opts] of lines) {
      const total = common + seed + opts;
      const row = ws.addRow([name, common || null, seed || null, opts || null, total, total / fd]);
      row.getCell(6).numFmt = "0.00%";
    }
    const total = ws.addRow([
      "Total",
      8_000_000,
      1_500_000,
      options.totalsWrong ? 1_100_000 : 1_000_000,
      fd,
      1,
    ]);
    total.getCell(6).numFmt = "0.00%";
    if (options.coverAndClassesSheets) {
      const classes = wb.addWorksheet("Share classes");
      classes.addRow([
        "Share class",
        "Class type",
        "Liquidation preference",
        "Seniority",
        "Original issue price",
      ]);
      classes.addRow(["Common", "Common", null, null, null]);
      classes.addRow(["Series Seed", "Preferred", "1x", 1, 1.2]);
    }
  });
}

/**
 * A ledger of issuances: one row per certificate or grant, with its id and status; the
 * cancelled certificate and the transferred one are not outstanding, the certificate
 * that replaced the transfer is.
 */
export function ledgerXlsx(): Promise<Buffer> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet("Securities ledger");
    ws.addRow([
      "Security ID",
      "Stakeholder",
      "Share class",
      "Stock class type",
      "Quantity",
      "Issue date",
      "Cost per share",
      "Exercise price",
      "Security type",
      "Status",
    ]);
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    ws.addRow([
      "CS-1",
      "Alice Martin",
      "Common",
      "Common",
      4_000_000,
      d("2021-01-15"),
      0.0001,
      null,
      "Common stock",
      "Outstanding",
    ]);
    ws.addRow([
      "CS-2",
      "Bob Chen",
      "Common",
      "Common",
      4_500_000,
      d("2021-01-15"),
      0.0001,
      null,
      "Common stock",
      "Transferred",
    ]);
    ws.addRow([
      "CS-3",
      "Bob Chen",
      "Common",
      "Common",
      4_000_000,
      d("2021-01-15"),
      0.0001,
      null,
      "Common stock",
      "Outstanding",
    ]);
    ws.addRow([
      "PS-1",
      "Seed Fund LP",
      "Series Seed",
      "Preferred",
      1_500_000,
      d("2022-06-01"),
      1.2,
      null,
      "Preferred stock",
      "Outstanding",
    ]);
    ws.addRow([
      "PS-2",
      "Seed Fund LP",
      "Series Seed",
      "Preferred",
      100_000,
      d("2022-06-01"),
      1.2,
      null,
      "Preferred stock",
      "Cancelled",
    ]);
    ws.addRow([
      "ES-1",
      "Carol Díaz",
      null,
      null,
      250_000,
      d("2022-06-15"),
      null,
      0.1,
      "Option",
      "Outstanding",
    ]);
    ws.addRow([
      "POOL",
      "Available for grant",
      "Common",
      "Common",
      750_000,
      d("2021-01-15"),
      null,
      null,
      null,
      "Outstanding",
    ]);
  });
}

/** The template with French headers, in Windows-1252, semicolons, French numbers and dates day first. */
export function frenchCsv(): Buffer {
  const rows = [
    [
      "Actionnaire",
      "Qualité",
      "Catégorie d'actions",
      "Type de classe",
      "Préférence de liquidation",
      "Nature des titres",
      "Nombre d'actions",
      "Prix par action",
      "Prix d'exercice",
      "Date d'émission",
    ],
    [
      "Alice Martin",
      "fondateur",
      "Actions ordinaires",
      "ordinaires",
      "",
      "actions",
      "4 000 000",
      "0,0001 €",
      "",
      "15/01/2021",
    ],
    [
      "Bob Chen",
      "fondateur",
      "Actions ordinaires",
      "ordinaires",
      "",
      "actions",
      "4 000 000",
      "0,0001 €",
      "",
      "15/01/2021",
    ],
    [
      "Seed Fund LP",
      "fonds",
      "Series Seed",
      "de préférence",
      "1x",
      "actions",
      "1 500 000",
      "1,20 €",
      "",
      "01/06/2022",
    ],
    ["Carol Díaz", "salarié", "", "", "", "BSPCE", "250 000", "", "0,10 €", "15/06/2022"],
    ["BSPCE non attribués", "", "Actions ordinaires", "", "", "", "750 000", "", "", "15/01/2021"],
  ];
  const text = csvText(rows, ";");
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch === "€" ? 0x80 : ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
    bytes.push(code);
  }
  return Buffer.from(bytes);
}

/** The cap table of a deal file's text: holders by name, with their shares per class name and views. */
export function capTableOf(yaml: string): unknown {
  const loaded = loadDeal(yaml, "imported.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  const table = replay(loaded.deal.ledger);
  if (!table.ok) throw new Error(table.problems.map((p) => p.message).join("\n"));
  const view = capTableView(table.value);
  const className = new Map(view.classes.map((c) => [c.classId as string, c.name]));
  return {
    holders: view.holders.map((h) => ({
      name: h.name,
      byClass: Object.fromEntries([...h.sharesByClass].map(([k, v]) => [className.get(k), String(v)])),
      outstanding: String(h.outstanding),
      options: String(h.options),
      fullyDiluted: String(h.fullyDiluted),
    })),
    classes: view.classes.map((c) => ({
      name: c.name,
      type: c.type,
      issued: String(c.issued),
      options: String(c.options),
    })),
    pools: view.pools.map((p) => ({ reserved: String(p.reserved), available: String(p.available) })),
    totals: { outstanding: String(view.totals.outstanding), fullyDiluted: String(view.totals.fullyDiluted) },
  };
}
