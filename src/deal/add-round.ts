import { message } from "../core/shared/messages.js";
import { ok, type Problem, problemSaying, type Result } from "../core/shared/problem.js";
import type { DealDocument } from "./schema.js";
import { slugOfName } from "./what-if.js";

/**
 * A priced round written from a few options rather than by hand (SPEC DEAL-ROUND-1..3):
 * `roundtable add-round` turns them into the entries a deal file holds — the round, with a
 * new preferred class, and a stakeholder for each investor the deal does not know — which
 * are appended to the file's text so that every other byte stays as it was.
 */
export interface NewRoundOptions {
  readonly name: string;
  readonly date: string;
  /** Exactly one of the three prices the round. Figures are written as the user wrote them. */
  readonly preMoney?: string;
  readonly postMoney?: string;
  readonly pricePerShare?: string;
  /** `INVESTOR=AMOUNT`: an existing stakeholder by id or name, or a new investor's name. */
  readonly investments: readonly string[];
  /** The lead investor, by id or name; the first investor when absent. */
  readonly lead?: string;
  readonly id?: string;
  readonly className?: string;
  readonly preferenceMultiple?: string;
  readonly participation?: "none" | "full";
  readonly seniority?: number;
  readonly antiDilution?:
    | "none"
    | "broad_based_weighted_average"
    | "narrow_based_weighted_average"
    | "full_ratchet";
  /** The option pool's target after the round (`10%`), as a fraction of the post-money fully diluted shares. */
  readonly poolTarget?: string;
  readonly pool?: string;
  /**
   * The decimal places the price per share is stated to, rounded half up (ROUND-6), as a
   * closing states it; without it the price is the exact fraction (DEAL-ROUND-5).
   */
  readonly pricePlaces?: number;
}

export interface NewRoundEntries {
  readonly roundId: string;
  /** What to append to the deal file's top-level lists. */
  readonly additions: {
    readonly stakeholders: readonly Record<string, unknown>[];
    /** The option pool the round creates, when the deal has none (DEAL-ROUND-4). */
    readonly pools: readonly Record<string, unknown>[];
    readonly rounds: readonly Record<string, unknown>[];
  };
  /** The investors the deal did not know, with the ids given to them. */
  readonly newStakeholders: readonly { readonly id: string; readonly name: string }[];
}

/**
 * Finds stakeholders by what a person types (DEAL-ROUND-1): an id, a name or an alias,
 * case ignored; a name the deal does not know becomes a new stakeholder whose id is the
 * name in lower case with dashes (made unique). `added` lists the new ones, in order.
 */
export function stakeholderResolver(doc: DealDocument): {
  readonly idOf: (name: string) => string;
  readonly byName: ReadonlyMap<string, string>;
  readonly added: readonly { readonly id: string; readonly name: string }[];
} {
  const byName = new Map<string, string>();
  for (const s of doc.stakeholders) {
    byName.set(s.id.toLowerCase(), s.id);
    byName.set(s.name.toLowerCase(), s.id);
    for (const alias of s.aliases) byName.set(alias.toLowerCase(), s.id);
  }
  const taken = new Set(doc.stakeholders.map((s) => s.id));
  const added: { id: string; name: string }[] = [];
  const idOf = (name: string): string => {
    const known = byName.get(name.toLowerCase());
    if (known) return known;
    const id = uniqueId(slugOfName(name), taken);
    taken.add(id);
    byName.set(name.toLowerCase(), id);
    added.push({ id, name });
    return id;
  };
  return { idOf, byName, added };
}

export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base === "" ? "item" : base;
  if (!taken.has(root)) return root;
  for (let k = 2; ; k++) if (!taken.has(`${root}-${k}`)) return `${root}-${k}`;
}

/**
 * The entries of a new round (DEAL-ROUND-1..2). Every problem found is reported, each
 * naming the option it comes from; nothing is read from a figure here — the deal loader
 * reads the figures when the edited file is checked, with its usual messages.
 */
export function newRoundEntries(doc: DealDocument, options: NewRoundOptions): Result<NewRoundEntries> {
  const problems: Problem[] = [];
  const prices = (["preMoney", "postMoney", "pricePerShare"] as const).filter(
    (k) => options[k] !== undefined,
  );
  if (prices.length !== 1) {
    problems.push(
      problemSaying(
        "usage",
        message("flags_exactly_one", {
          flags: ["--pre-money", "--post-money", "--price"],
          example: "--pre-money $20M",
        }),
        ["options", "price"],
      ),
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date))
    problems.push(
      problemSaying("usage", message("flag_is_date", { flag: "--date", got: options.date }), [
        "options",
        "date",
      ]),
    );
  if (options.investments.length === 0)
    problems.push(problemSaying("usage", message("invest_needed", {}), ["options", "invest"]));

  const resolver = stakeholderResolver(doc);
  const investorOf = resolver.idOf;
  const newStakeholders = resolver.added;
  const byName = resolver.byName;
  const investments: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const [i, text] of options.investments.entries()) {
    const at = text.lastIndexOf("=");
    const name = at < 0 ? "" : text.slice(0, at).trim();
    const amount = at < 0 ? "" : text.slice(at + 1).trim();
    if (name === "" || amount === "") {
      problems.push(problemSaying("usage", message("invest_form", { text }), ["options", "invest", i]));
      continue;
    }
    const investor = investorOf(name);
    if (seen.has(investor)) {
      problems.push(problemSaying("usage", message("invest_twice", { name }), ["options", "invest", i]));
      continue;
    }
    seen.add(investor);
    investments.push({ investor, amount });
  }
  const lead = options.lead === undefined ? investments[0]?.investor : byName.get(options.lead.toLowerCase());
  if (options.lead !== undefined && (lead === undefined || !seen.has(lead as string)))
    problems.push(
      problemSaying("usage", message("lead_not_investor", { lead: options.lead }), ["options", "lead"]),
    );
  for (const inv of investments) if (inv.investor === lead) inv.lead = true;

  const roundIds = new Set(doc.rounds.map((r) => r.id));
  const classIds = new Set([
    ...doc.classes.map((c) => c.id),
    ...doc.rounds.flatMap((r) => (typeof r.class === "string" ? [] : [r.class.id])),
  ]);
  const roundId = options.id ?? uniqueId(slugOfName(options.name), roundIds);
  if (roundIds.has(roundId))
    problems.push(
      problemSaying("deal_duplicate_id", message("id_taken", { kind: "round", id: roundId }), [
        "options",
        "id",
      ]),
    );
  const className = options.className ?? `${options.name} Preferred`;
  const classId = uniqueId(slugOfName(className), classIds);
  // Pari passu with the most senior preferred by default, as most venture terms are.
  const seniorities = [
    ...doc.classes.flatMap((c) => (c.preference ? [c.preference.seniority] : [])),
    ...doc.rounds.flatMap((r) =>
      typeof r.class !== "string" && r.class.preference ? [r.class.preference.seniority] : [],
    ),
  ];
  const seniority = options.seniority ?? (seniorities.length > 0 ? Math.max(...seniorities) : 1);
  const round: Record<string, unknown> = {
    id: roundId,
    name: options.name,
    date: options.date,
    class: {
      id: classId,
      name: className,
      preference: {
        multiple: options.preferenceMultiple ?? "1x",
        seniority,
        participation: options.participation ?? "none",
      },
      antiDilution: options.antiDilution ?? "broad_based_weighted_average",
    },
    ...(options.preMoney === undefined ? {} : { preMoney: options.preMoney }),
    ...(options.postMoney === undefined ? {} : { postMoney: options.postMoney }),
    ...(options.pricePerShare === undefined ? {} : { pricePerShare: options.pricePerShare }),
    investments,
  };
  if (options.pricePlaces !== undefined)
    round.conventions = { pricePrecision: { places: options.pricePlaces, rounding: "half_up" } };
  const newPools: Record<string, unknown>[] = [];
  if (options.poolTarget !== undefined) {
    const common = doc.classes.find((c) => c.type === "common");
    if (doc.pools.length === 0 && options.pool === undefined && common !== undefined) {
      // DEAL-ROUND-4: a first pool, created empty on the common class; the round's top-up
      // fills it to the target (the option-pool shuffle), as a Series A usually does.
      const pool = uniqueId("option-pool", new Set(doc.pools.map((p) => p.id)));
      newPools.push({ id: pool, name: "Option pool", class: common.id, reserved: 0 });
      round.pool = { pool, target: options.poolTarget, inPreMoney: true };
    } else {
      const pool = options.pool ?? (doc.pools.length === 1 ? doc.pools[0]!.id : undefined);
      if (pool === undefined) {
        problems.push(
          problemSaying("usage", message("pool_target_pool", { pools: doc.pools.map((p) => p.id) }), [
            "options",
            "pool",
          ]),
        );
      } else if (!doc.pools.some((p) => p.id === pool)) {
        problems.push(
          problemSaying(
            "deal_unknown_reference",
            message("not_a_pool", { pool, none: doc.pools.length === 0 }),
            ["options", "pool"],
          ),
        );
      } else {
        round.pool = { pool, target: options.poolTarget, inPreMoney: true };
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return ok({
    roundId,
    additions: {
      stakeholders: newStakeholders.map((s) => ({ id: s.id, name: s.name })),
      pools: newPools,
      rounds: [round],
    },
    newStakeholders,
  });
}
