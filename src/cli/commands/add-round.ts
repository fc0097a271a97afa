import type { Command } from "commander";
import { Option } from "commander";
import { compactMoney } from "../../core/exact/money.js";
import { capTableView, fractionOf } from "../../core/ledger/views.js";
import { runDeal } from "../../core/round/timeline.js";
import { roundId } from "../../core/shared/ids.js";
import { newRoundEntries } from "../../deal/add-round.js";
import { percent, priceFor } from "../../report/format.js";
import { appendToDealFile } from "../deal-edit.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

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
    .action((file: string, flags: AddRoundFlags) => {
      const loaded = readDealFile(io, file);
      if (flags.seniority !== undefined && !/^\d{1,4}$/.test(flags.seniority))
        throw CommandFailure.of("usage", `--seniority is a whole number; got "${flags.seniority}"`, file);
      if (flags.pricePlaces !== undefined && !/^(\d|1[0-2])$/.test(flags.pricePlaces))
        throw CommandFailure.of(
          "usage",
          `--price-places is a whole number of decimal places from 0 to 12; got "${flags.pricePlaces}"`,
          file,
        );
      const entries = newRoundEntries(loaded.deal.document, {
        name: flags.name,
        date: flags.date,
        ...(flags.preMoney === undefined ? {} : { preMoney: flags.preMoney }),
        ...(flags.postMoney === undefined ? {} : { postMoney: flags.postMoney }),
        ...(flags.price === undefined ? {} : { pricePerShare: flags.price }),
        investments: flags.invest,
        ...(flags.lead === undefined ? {} : { lead: flags.lead }),
        ...(flags.id === undefined ? {} : { id: flags.id }),
        ...(flags.className === undefined ? {} : { className: flags.className }),
        ...(flags.preference === undefined ? {} : { preferenceMultiple: flags.preference }),
        ...(flags.participation === undefined ? {} : { participation: flags.participation }),
        ...(flags.seniority === undefined ? {} : { seniority: Number(flags.seniority) }),
        ...(flags.antiDilution === undefined ? {} : { antiDilution: flags.antiDilution }),
        ...(flags.poolTarget === undefined ? {} : { poolTarget: flags.poolTarget }),
        ...(flags.pool === undefined ? {} : { pool: flags.pool }),
        ...(flags.pricePlaces === undefined ? {} : { pricePlaces: Number(flags.pricePlaces) }),
      });
      if (!entries.ok) {
        const code = entries.problems.some((p) => p.code !== "usage") ? 1 : 2;
        throw new CommandFailure(
          entries.problems.map((p) => ({ ...p, file })),
          code,
        );
      }
      const { edited: check, save } = appendToDealFile(
        io,
        loaded,
        {
          stakeholders: entries.value.additions.stakeholders,
          pools: entries.value.additions.pools,
          rounds: entries.value.additions.rounds,
        },
        "the new round",
      );
      const run = runDeal(check.deal.ledger, check.deal.rounds, {
        untilRound: roundId(entries.value.roundId),
      });
      if (!run.ok) throw CommandFailure.fromProblems(run.problems, file, check.locate);
      const outcome = run.value.rounds[run.value.rounds.length - 1]!;
      const view = capTableView(outcome.after);
      const lines = [
        `${flags.name} (${flags.date}): price ${priceFor(outcome.pricePerShare, {})} per share, pre-money ${compactMoney(outcome.preMoneyValuation)}, new money ${compactMoney(outcome.newMoney)}, post-money ${compactMoney(outcome.postMoneyValuation)}`,
        ...view.holders.map(
          (h) =>
            `  ${h.name.padEnd(32)} ${percent(fractionOf(h.fullyDiluted, view.totals.fullyDiluted), 2).padStart(8)} fully diluted`,
        ),
        ...view.pools.map(
          (p) =>
            `  ${`${p.name} (available)`.padEnd(32)} ${percent(fractionOf(p.available, view.totals.fullyDiluted), 2).padStart(8)} fully diluted`,
        ),
        ...entries.value.newStakeholders.map((s) => `  new stakeholder: ${s.name} (id ${s.id})`),
      ];
      if (!flags.write) {
        lines.push(`(not written: add --write to append round "${entries.value.roundId}" to ${file})`);
        io.stdout.write(`${lines.join("\n")}\n`);
        return;
      }
      save();
      lines.push(`added round "${entries.value.roundId}" to ${file}`);
      io.stdout.write(`${lines.join("\n")}\n`);
    });
}
