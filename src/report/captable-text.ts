import type { CapTableReport } from "../app/captable.js";
import { groupedInteger, moneyFor, percentText, priceFor, refText, say, type TextOptions } from "./format.js";
import { renderTable } from "./table.js";

/** `roundtable captable` as a table (APP-5): rows per holder or per class, by display name. */
export function capTableText(
  report: CapTableReport,
  by: "holder" | "class",
  options: TextOptions = {},
): string {
  const rows = by === "holder" ? report.holders : report.classes;
  const t = report.totals;
  const w = (en: string, fr: string) => say(options, en, fr);
  const int = (n: bigint) => groupedInteger(n, options);
  const pct = (f: Parameters<typeof percentText>[0]) => percentText(f, options);
  const table = renderTable(
    [
      { header: by === "holder" ? w("Holder", "Détenteur") : w("Class", "Catégorie") },
      { header: w("Outstanding", "Émises"), align: "right" },
      { header: "%", align: "right" },
      { header: w("As-converted", "Base convertie"), align: "right" },
      { header: "%", align: "right" },
      { header: w("Fully diluted", "Entièrement dilué"), align: "right" },
      { header: "%", align: "right" },
      ...(by === "holder"
        ? [{ header: w("Options vested", "Options acquises"), align: "right" as const }]
        : []),
    ],
    rows.map((r) => [
      refText(r.subject, options),
      int(r.outstanding),
      pct(r.outstandingFraction),
      int(r.asConverted),
      pct(r.asConvertedFraction),
      int(r.fullyDiluted),
      pct(r.fullyDilutedFraction),
      ...(by === "holder"
        ? [
            r.options
              ? `${int(r.options.vested)} ${w("of", "sur")} ${int(r.options.vested + r.options.unvested)}`
              : "",
          ]
        : []),
    ]),
  );
  return [
    options.lang === "fr"
      ? `${report.company.name} — table de capitalisation au ${report.asOf}`
      : `${report.company.name} — cap table as of ${report.asOf}`,
    "",
    table,
    options.lang === "fr"
      ? `Total : ${int(t.outstanding)} émises, ${int(t.asConverted)} sur une base convertie, ${int(t.fullyDiluted)} entièrement diluées`
      : `Total: ${groupedInteger(t.outstanding)} outstanding, ${groupedInteger(t.asConverted)} as-converted, ${groupedInteger(t.fullyDiluted)} fully diluted`,
    ...(t.unconverted.amount.isZero()
      ? []
      : [
          options.lang === "fr"
            ? `SAFE et obligations convertibles pas encore converties (hors des nombres d'actions) : ${moneyFor(t.unconverted, options)}`
            : `SAFEs and notes not yet converted (outside the share counts): ${moneyFor(t.unconverted, options)}`,
        ]),
    ...convertiblesText(report, options),
    ...debtsText(report, options),
    "",
  ].join("\n");
}

/** DEBT-6: the venture debt outstanding, below the equity and outside ownership. */
function debtsText(report: CapTableReport, options: TextOptions): string[] {
  const rows = report.debts ?? [];
  if (rows.length === 0) return [];
  const table = renderTable(
    [
      { header: "Lender" },
      { header: "Debt" },
      { header: "Principal", align: "right" },
      { header: "Rate", align: "right" },
      { header: "Interest" },
      { header: "Seniority", align: "right" },
      { header: "Maturity" },
      { header: `Owed on ${report.asOf}`, align: "right" },
    ],
    rows.map((d) => [
      refText(d.holder, options),
      d.security,
      moneyFor(d.principal, options),
      percentText(d.interestRate),
      d.interest,
      String(d.seniority),
      d.maturityDate ?? "",
      moneyFor(d.owed, options),
    ]),
  );
  return [
    "",
    "Venture debt outstanding (DEBT-6): a liability repaid before equity at an exit, not part of the ownership above",
    "",
    table.trimEnd(),
  ];
}

/** SAFE-7: each SAFE and note not yet converted, at its cap and, asked, at a round price. */
function convertiblesText(report: CapTableReport, options: TextOptions): string[] {
  const rows = report.convertibles ?? [];
  if (rows.length === 0) return [];
  const at = report.atPrice;
  const table = renderTable(
    [
      { header: "Holder" },
      { header: "Instrument" },
      { header: "Amount", align: "right" },
      { header: "Cap", align: "right" },
      { header: "Discount", align: "right" },
      { header: "Company capitalization", align: "right" },
      { header: "Cap price", align: "right" },
      { header: "Shares at cap", align: "right" },
      { header: "Ownership at cap", align: "right" },
      ...(at ? [{ header: `Shares at ${priceFor(at, options)}`, align: "right" as const }] : []),
    ],
    rows.map((r) => [
      refText(r.holder, options),
      `${r.instrument === "safe" ? "SAFE" : "note"}, ${r.capBasis === "post_money" ? "post-money" : "pre-money"}`,
      moneyFor(r.convertingAmount, options),
      r.valuationCap ? moneyFor(r.valuationCap, options) : "",
      r.discount ? percentText(r.discount) : "",
      r.atCap ? groupedInteger(r.atCap.companyCapitalization.floor()) : "",
      r.atCap ? priceFor(r.atCap.capPrice, options) : "",
      r.atCap ? groupedInteger(r.atCap.shares) : "",
      r.atCap ? percentText(r.atCap.impliedOwnership) : "",
      ...(at
        ? [r.atPrice ? `${groupedInteger(r.atPrice.shares)} (${r.atPrice.basis.replace("_", " ")})` : ""]
        : []),
    ]),
  );
  return [
    "",
    "SAFEs and notes not yet converted (SAFE-7): a post-money SAFE's cap price is its cap ÷ the Company Capitalization (shares, options, unallocated pool and every converting security), its ownership at the cap its amount ÷ its cap",
    "",
    table.trimEnd(),
  ];
}
