import type { Command } from "commander";
import { Option } from "commander";
import type { AddConvertibleInput } from "../../app/add-convertible.js";
import { authoringFailure, writeDealFile } from "../deal-edit.js";
import { readDealFile } from "../deal-file.js";
import { langOption } from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

/** Appends the instrument, prints what it is, and writes the file with --write (DEAL-CONV-1..2). */
async function addConvertible(
  io: CliIo,
  file: string,
  options: AddConvertibleInput,
  write: boolean,
  lang: "en" | "fr" | undefined,
) {
  const loaded = readDealFile(io, file);
  const { addConvertible: useCase } = await import("../../app/add-convertible.js");
  const added = useCase.run(loaded, options);
  if (!added.ok) throw authoringFailure(added, file);
  if (write) writeDealFile(io, file, added.value.text);
  const { addConvertibleText } = await import("../../report/authoring-text.js");
  io.stdout.write(addConvertibleText(added.value, file, write, { lang: lang ?? language() }));
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
    .addOption(langOption())
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
          lang?: "en" | "fr";
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
          o.lang,
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
    .addOption(langOption())
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
          lang?: "en" | "fr";
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
          o.lang,
        ),
    );
}
