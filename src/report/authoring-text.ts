import type { AddConvertibleReport } from "../app/add-convertible.js";
import type { AddRoundReport } from "../app/add-round.js";
import { compactMoney } from "../core/exact/money.js";
import { percent, percentText, priceFor, say, type TextOptions } from "./format.js";
import { frenchPercent } from "./fr.js";

/** `Acme (id acme)`, a new stakeholder the entries add. */
function newStakeholderLines(
  report: { readonly newStakeholders: AddRoundReport["newStakeholders"] },
  o: TextOptions,
) {
  return report.newStakeholders.map((s) =>
    say(o, `  new stakeholder: ${s.name} (id ${s.id})`, `  nouvel actionnaire : ${s.name} (id ${s.id})`),
  );
}

/** What the command did with the file: written, or how to write it. */
function fileLine(o: TextOptions, written: boolean, file: string, what: { en: string; fr: string }): string {
  if (written) return say(o, `added ${what.en} to ${file}`, `${what.fr} ajouté à ${file}`);
  return say(
    o,
    `(not written: add --write to append ${what.en} to ${file})`,
    `(rien d'écrit : ajoutez --write pour ajouter ${what.fr} à ${file})`,
  );
}

/**
 * `roundtable add-round`'s preview (DEAL-ROUND-1): the round's price and valuations, each
 * holder's and pool's fully diluted share after it, and the new stakeholders; then whether
 * the round was written to the file.
 */
export function addRoundText(
  report: AddRoundReport,
  file: string,
  written: boolean,
  o: TextOptions = {},
): string {
  const fr = o.lang === "fr";
  const r = report.model.round;
  const money = (m: typeof r.newMoney) => compactMoney(m, fr ? "fr" : undefined);
  const share = (x: Parameters<typeof percent>[0]) => (fr ? frenchPercent(x) : percent(x, 2)).padStart(8);
  const lines = [
    fr
      ? `${report.round.name} (${report.date}) : prix ${priceFor(r.pricePerShare, o)} par action, pré-money ${money(r.preMoneyValuation)}, argent frais ${money(r.newMoney)}, post-money ${money(r.postMoneyValuation)}`
      : `${report.round.name} (${report.date}): price ${priceFor(r.pricePerShare, {})} per share, pre-money ${money(r.preMoneyValuation)}, new money ${money(r.newMoney)}, post-money ${money(r.postMoneyValuation)}`,
    ...report.model.holders.map((h) => {
      const name =
        h.kind === "stakeholder" ? h.holder.name : `${h.pool!.name} (${say(o, "available", "disponible")})`;
      return `  ${name.padEnd(32)} ${share(h.fullyDilutedAfter)} ${say(o, "fully diluted", "entièrement dilué")}`;
    }),
    ...newStakeholderLines(report, o),
    fileLine(o, written, file, { en: `round "${report.round.id}"`, fr: `le tour « ${report.round.id} »` }),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * `roundtable add-safe` / `add-note`'s preview (DEAL-CONV-1..2): the instrument, what it
 * converts into, the new stakeholders, and whether it was written to the file.
 */
export function addConvertibleText(
  report: AddConvertibleReport,
  file: string,
  written: boolean,
  o: TextOptions = {},
): string {
  const fr = o.lang === "fr";
  const money = (m: Parameters<typeof compactMoney>[0]) => compactMoney(m, fr ? "fr" : undefined);
  const pct = (x: Parameters<typeof percent>[0], places: number) =>
    fr ? percentText(x, o) : percent(x, places);
  const lines: string[] = [];
  if (report.kind === "safe") {
    const cap = report.cap;
    const post = report.safeType === "post_money";
    lines.push(
      fr
        ? `SAFE ${report.security.id} : ${report.investor.name} investit ${money(report.amount)} le ${report.date}` +
            `${cap ? `, plafond ${post ? "post" : "pré"}-money ${money(cap)}` : ""}` +
            `${report.discount ? `, décote ${pct(report.discount, 2)}` : ""}`
        : `SAFE ${report.security.id}: ${report.investor.name} invests ${money(report.amount)} on ${report.date}` +
            `${cap ? `, ${post ? "post" : "pre"}-money cap ${money(cap)}` : ""}` +
            `${report.discount ? `, discount ${pct(report.discount, 2)}` : ""}`,
    );
    if (report.ownershipAtCap)
      lines.push(
        say(
          o,
          `  converts into ${pct(report.ownershipAtCap, 4)} of the Company Capitalization at the cap (amount / post-money cap), before the new money of the priced round`,
          `  se convertit en ${pct(report.ownershipAtCap, 4)} du capital de la société au plafond (montant / plafond post-money), avant l'argent frais du tour valorisé`,
        ),
      );
    else
      lines.push(
        say(
          o,
          "  converts at the next priced round (roundtable model prices it then)",
          "  se convertit au prochain tour valorisé (roundtable model le calcule alors)",
        ),
      );
  } else {
    const interest = report.interest;
    lines.push(
      fr
        ? `obligation convertible ${report.security.id} : ${report.investor.name} prête ${money(report.principal)} le ${report.date} à ${pct(report.interestRate, 2)} par an (${interest.method === "simple" ? "intérêts simples" : `capitalisés ${interest.periodsPerYear} fois par an`})`
        : `note ${report.security.id}: ${report.investor.name} lends ${money(report.principal)} on ${report.date} at ${pct(report.interestRate, 2)} a year (${interest.method === "simple" ? "simple interest" : `compounded ${interest.periodsPerYear} times a year`})`,
      say(
        o,
        "  converts at the next priced round with its interest (roundtable model prices it then)",
        "  se convertit au prochain tour valorisé avec ses intérêts (roundtable model le calcule alors)",
      ),
    );
  }
  lines.push(...newStakeholderLines(report, o));
  lines.push(fileLine(o, written, file, { en: report.security.id, fr: report.security.id }));
  return `${lines.join("\n")}\n`;
}
