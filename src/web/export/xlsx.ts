import type { ModelReport } from "../../report/model-report.js";

/**
 * The pro forma as an Excel workbook, built in the browser with exceljs (loaded only
 * when a workbook is asked for). Excel stores numbers as binary floating point: share
 * counts are written as numbers while they are exact in a double (up to 2^53), amounts
 * and fractions as numbers for spreadsheet use; the exact decimal values are in the JSON
 * and CSV exports, and the "Round" sheet says so.
 */
export async function modelWorkbook(report: ModelReport): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "roundtable";
  // A fixed date keeps the same report's workbook the same from one export to the next.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;

  const count = (text: string): number | string => {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  };
  const decimal = (text: string): number => Number(text);
  const r = report.round;

  const round = workbook.addWorksheet("Round");
  round.columns = [
    { header: "Field", key: "field", width: 34 },
    { header: "Value", key: "value", width: 28 },
  ];
  const money = `"${report.currency}" #,##0.00`;
  const rows: [string, number | string, string?][] = [
    ["Company", report.company],
    ["Round", r.name],
    ["Date", r.date],
    ["Currency", report.currency],
    ["Price per share", decimal(r.pricePerShare), `"${report.currency}" #,##0.000000`],
    ["Pre-money valuation", decimal(r.preMoneyValuation), money],
    ["New money", decimal(r.newMoney), money],
    ["Post-money valuation", decimal(r.postMoneyValuation), money],
    ["New shares", count(r.newShares), "#,##0"],
    ["Conversion shares", count(r.conversionShares), "#,##0"],
    ["Pool increase", count(r.poolIncrease), "#,##0"],
    ["Fully diluted shares before", count(r.fullyDilutedSharesBefore), "#,##0"],
    ["Fully diluted shares after", count(r.fullyDilutedSharesAfter), "#,##0"],
    ["Note", "Exact decimal values are in the JSON and CSV exports; Excel stores binary floating point."],
  ];
  for (const [field, value, format] of rows) {
    const row = round.addRow({ field, value });
    if (format) row.getCell(2).numFmt = format;
  }
  round.getRow(1).font = { bold: true };

  const holders = workbook.addWorksheet("Pro forma");
  holders.columns = [
    { header: "Holder", key: "name", width: 34 },
    { header: "Shares before", key: "sharesBefore", width: 18 },
    { header: "FD shares before", key: "fdSharesBefore", width: 18 },
    { header: "FD before", key: "fdBefore", width: 12 },
    { header: "Shares after", key: "sharesAfter", width: 18 },
    { header: "FD shares after", key: "fdSharesAfter", width: 18 },
    { header: "FD after", key: "fdAfter", width: 12 },
    { header: "Dilution", key: "dilution", width: 12 },
    { header: "Invested", key: "invested", width: 22 },
  ];
  for (const h of report.holders) {
    holders.addRow({
      name: h.name,
      sharesBefore: count(h.sharesBefore),
      fdSharesBefore: count(h.fullyDilutedSharesBefore),
      fdBefore: decimal(h.fullyDilutedBefore),
      sharesAfter: count(h.sharesAfter),
      fdSharesAfter: count(h.fullyDilutedSharesAfter),
      fdAfter: decimal(h.fullyDilutedAfter),
      dilution: h.dilution === null ? "" : decimal(h.dilution),
      invested: decimal(h.invested),
    });
  }
  holders.getRow(1).font = { bold: true };
  for (const key of ["sharesBefore", "fdSharesBefore", "sharesAfter", "fdSharesAfter"])
    holders.getColumn(key).numFmt = "#,##0";
  for (const key of ["fdBefore", "fdAfter", "dilution"]) holders.getColumn(key).numFmt = "0.0000%";
  holders.getColumn("invested").numFmt = money;
  holders.views = [{ state: "frozen", ySplit: 1 }];

  const classes = workbook.addWorksheet("Classes");
  classes.columns = [
    { header: "Class", key: "name", width: 34 },
    { header: "Type", key: "type", width: 12 },
    { header: "Issued before", key: "before", width: 18 },
    { header: "Issued after", key: "after", width: 18 },
    { header: "Conversion ratio", key: "ratio", width: 16 },
  ];
  for (const c of report.classes) {
    classes.addRow({
      name: c.name,
      type: c.type,
      before: count(c.issuedBefore),
      after: count(c.issuedAfter),
      ratio: decimal(c.conversionRatio),
    });
  }
  classes.getRow(1).font = { bold: true };
  classes.getColumn("before").numFmt = "#,##0";
  classes.getColumn("after").numFmt = "#,##0";

  const assumptions = workbook.addWorksheet("Assumptions");
  assumptions.columns = [
    { header: "Id", key: "id", width: 20 },
    { header: "Assumption", key: "text", width: 90 },
    { header: "Source", key: "source", width: 40 },
    { header: "Used in", key: "fields", width: 40 },
  ];
  for (const a of report.assumptions) {
    assumptions.addRow({ id: a.id, text: a.text, source: a.source ?? "", fields: a.fields.join(", ") });
  }
  assumptions.getRow(1).font = { bold: true };
  assumptions.getColumn("text").alignment = { wrapText: true, vertical: "top" };

  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
