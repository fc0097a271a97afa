import type { Role } from "../storage/store.js";
import { ApiError } from "./api-error.js";

/** What a request may do in a workspace (SPEC AUTH-5). */
export type Permission =
  | "deal.read"
  | "deal.export"
  | "deal.history"
  | "deal.write"
  | "report.read"
  | "members.manage"
  | "settings.manage"
  | "audit.read"
  | "shared.manage"
  | "shared.read";

const VIEWER: readonly Permission[] = ["deal.read", "deal.export", "deal.history", "report.read"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  owner: new Set<Permission>([
    ...VIEWER,
    "deal.write",
    "members.manage",
    "settings.manage",
    "audit.read",
    "shared.manage",
    "shared.read",
  ]),
  editor: new Set<Permission>([...VIEWER, "deal.write"]),
  viewer: new Set<Permission>(VIEWER),
  // An investor reads the deal and its reports through the investor view only.
  // They also list and download the documents an owner shared with them (SRV-SHARE-3).
  investor: new Set<Permission>(["deal.read", "report.read", "shared.read"]),
};

export function allows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** The aggregates an owner may share with the workspace's investors (SPEC AUTH-7). */
export const SHARED_AGGREGATES = ["round_price", "valuations", "new_money", "totals", "classes"] as const;
export type SharedAggregate = (typeof SHARED_AGGREGATES)[number];

/** What an investor member sees: their stakeholders, and the aggregates the owner shares. */
export interface InvestorView {
  readonly stakeholders: ReadonlySet<string>;
  readonly shared: ReadonlySet<SharedAggregate>;
}

type Json = Record<string, unknown>;

const HOLDER_FIELDS = ["holder", "from", "to", "investor"] as const;

function pick(value: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k]]));
}

/**
 * The deal document as an investor sees it (SPEC AUTH-7): the company, the classes and
 * exchange rates; only their own stakeholders, the transactions that name one of them as
 * holder, sender or receiver, and their own investments in each round; the round's price
 * and valuations only where shared. Assumptions, pools and vesting schedules are left out:
 * they describe other holders. `prices` are the rounds' prices per share, by round id, as
 * the whole deal gives them: with `round_price` shared, each round is stated by its price
 * (a decimal to 18 places, exact when the round states a price precision), so that the
 * investor's document loads and prices their own investments.
 */
export function investorDocument(
  document: Json,
  view: InvestorView,
  prices: ReadonlyMap<string, string> = new Map(),
): Json {
  const mine = (item: unknown) =>
    typeof item === "object" &&
    item !== null &&
    HOLDER_FIELDS.some((f) => view.stakeholders.has(String((item as Json)[f] ?? "")));
  const list = (key: string) => (Array.isArray(document[key]) ? (document[key] as unknown[]) : []);
  const roundKeys = ["id", "name", "date", "class", "closings", "conventions", "oversubscription"];
  if (view.shared.has("round_price")) roundKeys.push("pricePerShare");
  if (view.shared.has("valuations")) roundKeys.push("preMoney", "postMoney");
  if (view.shared.has("new_money")) roundKeys.push("target");
  return {
    ...pick(document, ["roundtable", "company", "exchangeRates", "classes"]),
    stakeholders: list("stakeholders").filter(
      (s) => typeof s === "object" && s !== null && view.stakeholders.has(String((s as Json).id)),
    ),
    transactions: list("transactions").filter(mine),
    rounds: list("rounds").map((r) => {
      const round = r as Json;
      const investments = Array.isArray(round.investments) ? round.investments.filter(mine) : [];
      // With the price shared, the round is priced by the price the whole deal gives: the
      // investor's document then loads and prices their own investment as the owner's does.
      const price = view.shared.has("round_price") ? prices.get(String(round.id)) : undefined;
      if (price === undefined) return { ...pick(round, roundKeys), investments };
      const keys = roundKeys.filter((k) => k !== "preMoney" && k !== "postMoney");
      return { ...pick(round, keys), pricePerShare: price, investments };
    }),
  };
}

/** A model report as an investor sees it: their rows, and the shared aggregates. */
export function investorModelReport(report: Json, view: InvestorView): Json {
  const round = (report.round ?? {}) as Json;
  const roundKeys = ["id", "name", "date", "class", "conventions"];
  if (view.shared.has("round_price")) roundKeys.push("pricePerShare", "exactPricePerShare");
  if (view.shared.has("valuations"))
    roundKeys.push("preMoneyValuation", "postMoneyValuation", "statedValuation");
  if (view.shared.has("new_money")) roundKeys.push("newMoney", "oversubscribed");
  if (view.shared.has("totals"))
    roundKeys.push(
      "poolIncrease",
      "newShares",
      "conversionShares",
      "fullyDilutedSharesBefore",
      "fullyDilutedSharesAfter",
    );
  const rows = (key: string, field: string) =>
    (Array.isArray(report[key]) ? (report[key] as Json[]) : []).filter((row) =>
      view.stakeholders.has(String(row[field] ?? "")),
    );
  const shown = pick(round, roundKeys);
  // The round's option-pool term (which pool, its target) is about other holders (AUTH-7).
  if (typeof shown.conventions === "object" && shown.conventions !== null) {
    const { pool: _pool, ...conventions } = shown.conventions as Json;
    shown.conventions = conventions;
  }
  return {
    company: report.company,
    currency: report.currency,
    round: shown,
    holders: (Array.isArray(report.holders) ? (report.holders as Json[]) : []).filter(
      (h) => h.kind === "stakeholder" && view.stakeholders.has(String(h.id)),
    ),
    classes: view.shared.has("classes") ? report.classes : [],
    investments: rows("investments", "investor"),
    conversions: rows("conversions", "holder"),
    antiDilution: view.shared.has("classes") ? report.antiDilution : [],
  };
}

/** A cap-table report as an investor sees it. */
export function investorCapTableReport(report: Json, view: InvestorView): Json {
  return {
    company: report.company,
    currency: report.currency,
    asOf: report.asOf,
    holders: (Array.isArray(report.holders) ? (report.holders as Json[]) : []).filter(
      (h) => h.kind === "stakeholder" && view.stakeholders.has(String(h.id)),
    ),
    classes: view.shared.has("classes") ? report.classes : [],
    ...(view.shared.has("totals") ? { totals: report.totals } : {}),
  };
}

const rowsOf = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/**
 * The scenarios report as an investor sees it (SPEC AUTH-7, WEB-21): in each scenario, their
 * own ownership before and after the round and their dilution, and their own investments;
 * the round's price, valuations and size only where the owner shares them. The claims each
 * scenario takes are left out: they state other investors' amounts.
 */
export function investorScenariosReport(report: Json, view: InvestorView): Json {
  return {
    company: report.company,
    currency: report.currency,
    round: report.round,
    scenarios: rowsOf(report.scenarios).map((column) => ({
      scenario: column.scenario,
      ...(view.shared.has("round_price") ? { pricePerShare: column.pricePerShare } : {}),
      ...(view.shared.has("valuations")
        ? { preMoneyValuation: column.preMoneyValuation, postMoneyValuation: column.postMoneyValuation }
        : {}),
      ...(view.shared.has("new_money") ? { roundSize: column.roundSize } : {}),
      holders: rowsOf(column.holders).filter((h) => view.stakeholders.has(String(h.id))),
      ...("investments" in column
        ? { investments: rowsOf(column.investments).filter((i) => view.stakeholders.has(String(i.investor))) }
        : {}),
    })),
  };
}

/**
 * The exit report as an investor sees it (SPEC AUTH-7, WEB-21): the waterfall at the exit
 * values asked for (`at`), each with their own holders' payouts only. The breakpoints, the
 * sweep, an IPO and payout percentiles show every class's preference and every holder, so
 * they stay refused.
 */
export function investorExitReport(report: Json, view: InvestorView): Json {
  if (!Array.isArray(report.outcomes) || rowsOf(report.outcomes).some((o) => !Array.isArray(o.holders)))
    throw new ApiError(
      "forbidden",
      "investors see the waterfall at exit values (at=…) with their own payouts only, not breakpoints, sweeps, IPOs or percentiles",
    );
  return {
    currency: report.currency,
    exitDate: report.exitDate,
    outcomes: rowsOf(report.outcomes).map((o) => ({
      exitValue: o.exitValue,
      holders: rowsOf(o.holders).filter((h) => view.stakeholders.has(String(h.id))),
    })),
  };
}
