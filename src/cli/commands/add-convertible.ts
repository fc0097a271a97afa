import type { Command } from "commander";
import { Option } from "commander";
import { compactMoney } from "../../core/exact/money.js";
import { type NewConvertible, newConvertibleEntries } from "../../deal/add-convertible.js";
import { percent } from "../../report/format.js";
import { appendToDealFile } from "../deal-edit.js";
import { type LoadedDeal, readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

/** Appends the instrument, prints what it is, and writes the file with --write (DEAL-CONV-1..2). */
function addConvertible(io: CliIo, file: string, options: NewConvertible, write: boolean): void {
  const loaded: LoadedDeal = readDealFile(io, file);
  const entries = newConvertibleEntries(loaded.deal.document, options);
  if (!entries.ok) {
    const code = entries.problems.some((p) => p.code !== "usage") ? 1 : 2;
    throw new CommandFailure(
      entries.problems.map((p) => ({ ...p, file })),
      code,
    );
  }
  const { edited, save } = appendToDealFile(
    io,
    loaded,
    {
      stakeholders: entries.value.additions.stakeholders,
      transactions: entries.value.additions.transactions,
    },
    `the new ${options.kind === "safe" ? "SAFE" : "note"}`,
  );
  const transaction = edited.deal.ledger.transactions.find((t) => t.id === entries.value.transactionId);
  const investor = edited.deal.ledger.stakeholders.find(
    (s) => s.id === (entries.value.additions.transactions[0]!.holder as string),
  );
  const lines: string[] = [];
  if (transaction?.type === "safe_issuance") {
    const cap = transaction.valuationCap;
    lines.push(
      `SAFE ${transaction.id}: ${investor?.name ?? transaction.holder} invests ${compactMoney(transaction.purchaseAmount)} on ${transaction.date}` +
        `${cap ? `, ${transaction.safeType === "post_money" ? "post" : "pre"}-money cap ${compactMoney(cap)}` : ""}` +
        `${transaction.discount ? `, discount ${percent(transaction.discount, 2)}` : ""}`,
    );
    // A post-money SAFE's ownership at its cap is its purchase amount over the cap (YC
    // Post-Money Safe User Guide, "Conversion"): known before any priced round.
    if (cap && transaction.safeType === "post_money" && !cap.amount.isZero())
      lines.push(
        `  converts into ${percent(transaction.purchaseAmount.amount.div(cap.amount), 4)} of the Company Capitalization at the cap (amount / post-money cap), before the new money of the priced round`,
      );
    else lines.push("  converts at the next priced round (roundtable model prices it then)");
  } else if (transaction?.type === "note_issuance") {
    lines.push(
      `note ${transaction.id}: ${investor?.name ?? transaction.holder} lends ${compactMoney(transaction.principal)} on ${transaction.date} at ${percent(transaction.interestRate, 2)} a year (${transaction.interest.method === "simple" ? "simple interest" : `compounded ${transaction.interest.periodsPerYear} times a year`})`,
      "  converts at the next priced round with its interest (roundtable model prices it then)",
    );
  }
  for (const s of entries.value.newStakeholders) lines.push(`  new stakeholder: ${s.name} (id ${s.id})`);
  if (write) {
    save();
    lines.push(`added ${entries.value.transactionId} to ${file}`);
  } else {
    lines.push(`(not written: add --write to append ${entries.value.transactionId} to ${file})`);
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
