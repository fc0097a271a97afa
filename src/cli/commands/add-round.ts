import type { Command } from "commander";
import { Option } from "commander";
import { message } from "../../core/shared/messages.js";
import { authoringFailure, writeDealFile } from "../deal-edit.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import { langOption } from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

interface AddRoundFlags {
  name: string;
  date: string;
  preMoney?: string;
  postMoney?: string;
  price?: string;
  invest: string[];
  lead?: string;
  id?: string;
  className?: string;
  preference?: string;
  participation?: "none" | "full";
  seniority?: string;
  pricePlaces?: string;
  antiDilution?: "none" | "broad_based_weighted_average" | "narrow_based_weighted_average" | "full_ratchet";
  poolTarget?: string;
  pool?: string;
  write?: boolean;
  lang?: "en" | "fr";
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAddRound(program: Command, io: CliIo): void {
  program
    .command("add-round")
    .description(
      "add a priced round to a deal file from options (no YAML to write): prints its pro forma, and with --write appends it to the file, every other byte unchanged",
    )
    .argument("<deal>", "deal file (YAML or JSON)")
    .requiredOption("--name <name>", 'the round\'s name, e.g. "Series A"')
    .requiredOption("--date <date>", "the round's date, YYYY-MM-DD")
    .option("--pre-money <amount>", "pre-money valuation, e.g. $20M")
    .option("--post-money <amount>", "post-money valuation")
    .option("--price <amount>", "price per share")
    .option(
      "--invest <investor=amount>",
      'an investment (repeatable): an existing stakeholder by id or name, or a new investor\'s name, e.g. "Acme Ventures=$5M"',
      collect,
      [] as string[],
    )
    .option("--lead <investor>", "the lead investor (the first by default)")
    .option("--id <id>", "the round's id (from its name by default)")
    .option("--class-name <name>", 'the new preferred class\'s name ("<round> Preferred" by default)')
    .option("--preference <multiple>", "liquidation preference multiple", "1x")
    .addOption(
      new Option("--participation <kind>", "participation").choices(["none", "full"]).default("none"),
    )
    .option("--seniority <n>", "preference seniority (pari passu with the most senior preferred by default)")
    .addOption(
      new Option("--anti-dilution <kind>", "anti-dilution protection")
        .choices(["none", "broad_based_weighted_average", "narrow_based_weighted_average", "full_ratchet"])
        .default("broad_based_weighted_average"),
    )
    .option(
      "--pool-target <fraction>",
      "the option pool's target after the round, e.g. 10% (the option-pool shuffle)",
    )
    .option("--pool <id>", "the pool the target applies to (the deal's only pool by default)")
    .option(
      "--price-places <n>",
      "the decimal places the price per share is stated to, rounded half up, e.g. 4 (exact by default; a round is closed into the ledger at a stated price)",
    )
    .option("--write", "append the round to the deal file (otherwise only print its pro forma)")
    .addOption(langOption())
    .action(async (file: string, flags: AddRoundFlags) => {
      const loaded = readDealFile(io, file);
      if (flags.seniority !== undefined && !/^\d{1,4}$/.test(flags.seniority))
        throw CommandFailure.of(
          "usage",
          message("flag_whole_number_is", { flag: "--seniority", got: flags.seniority }),
          file,
        );
      if (flags.pricePlaces !== undefined && !/^(\d|1[0-2])$/.test(flags.pricePlaces))
        throw CommandFailure.of(
          "usage",
          message("flag_whole_number_is", {
            flag: "--price-places",
            what: "decimal places",
            min: 0,
            max: 12,
            got: flags.pricePlaces,
          }),
          file,
        );
      const { addRound } = await import("../../app/add-round.js");
      const added = addRound.run(loaded, {
        name: flags.name,
        date: flags.date,
        preMoney: flags.preMoney,
        postMoney: flags.postMoney,
        pricePerShare: flags.price,
        investments: flags.invest,
        lead: flags.lead,
        id: flags.id,
        className: flags.className,
        preferenceMultiple: flags.preference,
        participation: flags.participation,
        seniority: flags.seniority === undefined ? undefined : Number(flags.seniority),
        antiDilution: flags.antiDilution,
        poolTarget: flags.poolTarget,
        pool: flags.pool,
        pricePlaces: flags.pricePlaces === undefined ? undefined : Number(flags.pricePlaces),
      });
      if (!added.ok) throw authoringFailure(added, file);
      if (flags.write) writeDealFile(io, file, added.value.text);
      const { addRoundText } = await import("../../report/authoring-text.js");
      io.stdout.write(
        addRoundText(added.value, file, flags.write === true, { lang: flags.lang ?? language() }),
      );
    });
}
