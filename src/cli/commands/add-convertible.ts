import type { Command } from "commander";
import { Option } from "commander";
import type { AddConvertibleInput } from "../../app/add-convertible.js";
import { compactMoney } from "../../core/exact/money.js";
import { percent } from "../../report/format.js";
import { authoringFailure, writeDealFile } from "../deal-edit.js";
import { readDealFile } from "../deal-file.js";
import type { CliIo } from "../io.js";

/** Appends the instrument, prints what it is, and writes the file with --write (DEAL-CONV-1..2). */
async function addConvertible(io: CliIo, file: string, options: AddConvertibleInput, write: boolean) {
  const loaded = readDealFile(io, file);
  const { addConvertible: useCase } = await import("../../app/add-convertible.js");
  const added = useCase.run(loaded, options);
  if (!added.ok) throw authoringFailure(added, file);
  const report = added.value;
  const lines: string[] = [];
  if (report.kind === "safe") {
    const cap = report.cap;
    lines.push(
      `SAFE ${report.security.id}: ${report.investor.name} invests ${compactMoney(report.amount)} on ${report.date}` +
        `${cap ? `, ${report.safeType === "post_money" ? "post" : "pre"}-money cap ${compactMoney(cap)}` : ""}` +
        `${report.discount ? `, discount ${percent(report.discount, 2)}` : ""}`,
    );
    if (report.ownershipAtCap)
      lines.push(
        `  converts into ${percent(report.ownershipAtCap, 4)} of the Company Capitalization at the cap (amount / post-money cap), before the new money of the priced round`,
      );
    else lines.push("  converts at the next priced round (roundtable model prices it then)");
  } else {
    lines.push(
      `note ${report.security.id}: ${report.investor.name} lends ${compactMoney(report.principal)} on ${report.date} at ${percent(report.interestRate, 2)} a year (${report.interest.method === "simple" ? "simple interest" : `compounded ${report.interest.periodsPerYear} times a year`})`,
      "  converts at the next priced round with its interest (roundtable model prices it then)",
    );
  }
  for (const s of report.newStakeholders) lines.push(`  new stakeholder: ${s.name} (id ${s.id})`);
  if (write) {
    writeDealFile(io, file, report.text);
    lines.push(`added ${report.security.id} to ${file}`);
  } else {
    lines.push(`(not written: add --write to append ${report.security.id} to ${file})`);
  }
  io.stdout.write(`${lines.join("\n")}\n`);
}

export function registerAddConvertibles(program: Command, io: CliIo): void {
  program
    .command("add-safe")
    .description("add a SAFE to a deal file's ledger from options (no YAML to write); --write appends it")
    .argument("<deal>", "deal file (YAML or JSON)")
    .requiredOption("--investor <name>", "an existing stakeholder by id or name, or a new investor's name")
    .requiredOption("--amount <amount>", "the purchase amount, e.g. $500K")
    .requiredOption("--date <date>", "the date it was signed, YYYY-MM-DD")
    .option("--cap <amount>", "the valuation cap")
    .option("--discount <fraction>", "the discount off the round price, e.g. 20%")
    .addOption(
      new Option("--type <type>", "post-money (the YC safe since 2018) or pre-money")
        .choices(["post_money", "pre_money"])
        .default("post_money"),
    )
    .option("--mfn", "most-favoured-nation clause")
    .option("--pro-rata", "a pro-rata side letter")
    .option("--id <id>", "the transaction's id (safe-<investor> by default)")
    .option("--write", "append it to the deal file (otherwise only print it)")
    .action(
      (
        file: string,
        o: {
          investor: string;
          amount: string;
          date: string;
          cap?: string;
          discount?: string;
          type: "post_money" | "pre_money";
          mfn?: boolean;
          proRata?: boolean;
          id?: string;
          write?: boolean;
        },
      ) =>
        addConvertible(
          io,
          file,
          {
            kind: "safe",
            investor: o.investor,
            date: o.date,
            amount: o.amount,
            ...(o.cap === undefined ? {} : { cap: o.cap }),
            ...(o.discount === undefined ? {} : { discount: o.discount }),
            safeType: o.type,
            mfn: o.mfn === true,
            proRata: o.proRata === true,
            ...(o.id === undefined ? {} : { id: o.id }),
          },
          o.write === true,
        ),
    );
  program
    .command("add-note")
    .description("add a convertible note to a deal file's ledger from options; --write appends it")
    .argument("<deal>", "deal file (YAML or JSON)")
    .requiredOption("--investor <name>", "an existing stakeholder by id or name, or a new investor's name")
    .requiredOption("--principal <amount>", "the principal, e.g. $250K")
    .requiredOption("--rate <fraction>", "the annual interest rate, e.g. 6%")
    .requiredOption("--date <date>", "the date it was issued, YYYY-MM-DD")
    .option("--maturity <date>", "the maturity date, YYYY-MM-DD")
    .option("--cap <amount>", "the valuation cap")
    .addOption(
      new Option("--cap-basis <basis>", "what the cap is a valuation of")
        .choices(["pre_money", "post_money"])
        .default("pre_money"),
    )
    .option("--discount <fraction>", "the discount off the round price, e.g. 20%")
    .option("--compound", "compound interest (simple by default)")
    .option("--pro-rata", "a pro-rata right")
    .option("--id <id>", "the transaction's id (note-<investor> by default)")
    .option("--write", "append it to the deal file (otherwise only print it)")
    .action(
      (
        file: string,
        o: {
          investor: string;
          principal: string;
          rate: string;
          date: string;
          maturity?: string;
          cap?: string;
          capBasis: "pre_money" | "post_money";
          discount?: string;
          compound?: boolean;
          proRata?: boolean;
          id?: string;
          write?: boolean;
        },
      ) =>
        addConvertible(
          io,
          file,
          {
            kind: "note",
            investor: o.investor,
            date: o.date,
            principal: o.principal,
            interestRate: o.rate,
            interest: o.compound ? "compound" : "simple",
            ...(o.maturity === undefined ? {} : { maturity: o.maturity }),
            ...(o.cap === undefined ? {} : { cap: o.cap }),
            capBasis: o.capBasis,
            ...(o.discount === undefined ? {} : { discount: o.discount }),
            proRata: o.proRata === true,
            ...(o.id === undefined ? {} : { id: o.id }),
          },
          o.write === true,
        ),
    );
}
