import { type Currency, currency, money } from "../../src/core/exact/money.js";
import { Rational, rat } from "../../src/core/exact/rational.js";
import type { CapTable } from "../../src/core/ledger/cap-table.js";
import type { Ledger } from "../../src/core/ledger/ledger.js";
import { replay } from "../../src/core/ledger/replay.js";
import type { AntiDilution, ShareClass } from "../../src/core/ledger/share-class.js";
import type { Transaction } from "../../src/core/ledger/transaction.js";
import { DEFAULT_CONVENTIONS } from "../../src/core/round/terms.js";
import { isoDate } from "../../src/core/shared/date.js";
import {
  type PoolId,
  poolId,
  roundId,
  type ShareClassId,
  securityId,
  shareClassId,
  stakeholderId,
  transactionId,
} from "../../src/core/shared/ids.js";
import { type ClaimInput, type ClaimSet, validateClaims } from "../../src/core/uncertainty/claim.js";
import { parseEstimate } from "../../src/core/uncertainty/estimate-parse.js";
import {
  buildQuantityModel,
  type QuantityId,
  quantityExpression,
  roundSizeIdentity,
} from "../../src/core/uncertainty/quantity.js";
import type { RoundTemplate } from "../../src/core/uncertainty/round-template.js";
import { makeSource, type Source } from "../../src/core/uncertainty/source.js";

/** Cap tables, claim sets and round templates for the uncertainty tests and benchmark. */

export const USD: Currency = currency("USD");
const DATE = isoDate("2020-01-01");

export function commonClass(id = "common"): ShareClass {
  return {
    kind: "share_class",
    id: shareClassId(id),
    name: id,
    type: "common",
    authorizedShares: undefined,
    originalIssuePrice: undefined,
    conversionPrice: undefined,
    baseConversionRatio: Rational.ONE,
    convertsTo: undefined,
    preference: undefined,
    antiDilution: "none",
    dividends: undefined,
    ipoRatchetMultiple: undefined,
  };
}

export function preferredClass(id: string, price: string, antiDilution: AntiDilution = "none"): ShareClass {
  return {
    ...commonClass(id),
    type: "preferred",
    originalIssuePrice: money(price, USD),
    conversionPrice: money(price, USD),
    convertsTo: shareClassId("common"),
    preference: {
      multiple: Rational.ONE,
      base: "original_issue_price",
      seniority: 1,
      participation: { kind: "none" },
    },
    antiDilution,
  };
}

export interface HolderSpec {
  readonly id: string;
  readonly name?: string;
  readonly shares?: bigint;
  readonly classId?: string;
}

export interface SafeSpec {
  readonly holder: string;
  readonly amount: string;
  readonly cap?: string;
  readonly discount?: string;
  readonly type?: "post_money" | "pre_money";
  readonly proRata?: boolean;
}

export interface NoteSpec {
  readonly holder: string;
  readonly principal: string;
  readonly rate: string;
  readonly cap?: string;
  readonly discount?: string;
  readonly capBasis?: "pre_money" | "post_money";
}

export interface CapTableSpec {
  readonly holders: readonly HolderSpec[];
  readonly classes?: readonly ShareClass[];
  readonly pool?: { readonly reserved: bigint; readonly granted?: bigint; readonly grantee?: string };
  readonly safes?: readonly SafeSpec[];
  readonly notes?: readonly NoteSpec[];
}

export const POOL: PoolId = poolId("esop");

/** Replays a ledger built from the spec: one issuance per holder, then the pool grant, SAFEs and notes. */
export function buildCapTable(spec: CapTableSpec): CapTable {
  const classes = spec.classes ?? [commonClass()];
  const transactions: Transaction[] = [];
  spec.holders.forEach((h, i) => {
    if (!h.shares || h.shares === 0n) return;
    transactions.push({
      type: "stock_issuance",
      id: transactionId(`issue-${i}`),
      date: DATE,
      security: securityId(`lot-${i}`),
      holder: stakeholderId(h.id),
      classId: shareClassId(h.classId ?? "common"),
      shares: h.shares,
      pricePerShare: undefined,
      investedAmount: undefined,
      vestingId: undefined,
      vestingStart: undefined,
    });
  });
  if (spec.pool?.granted) {
    transactions.push({
      type: "option_grant",
      id: transactionId("grant"),
      date: DATE,
      security: securityId("grant"),
      holder: stakeholderId(spec.pool.grantee ?? spec.holders[0]!.id),
      poolId: POOL,
      classId: undefined,
      optionType: "option",
      quantity: spec.pool.granted,
      exercisePrice: money("0.01", USD),
      vestingId: undefined,
      vestingStart: undefined,
      expirationDate: undefined,
    });
  }
  (spec.safes ?? []).forEach((s, i) => {
    transactions.push({
      type: "safe_issuance",
      id: transactionId(`safe-${i}`),
      date: isoDate("2021-01-01"),
      security: securityId(`safe-${i}`),
      holder: stakeholderId(s.holder),
      purchaseAmount: money(s.amount, USD),
      safeType: s.type ?? "post_money",
      valuationCap: s.cap === undefined ? undefined : money(s.cap, USD),
      discount: s.discount === undefined ? undefined : rat(s.discount),
      mfn: false,
      proRataRights: s.proRata ?? false,
    });
  });
  (spec.notes ?? []).forEach((s, i) => {
    transactions.push({
      type: "note_issuance",
      id: transactionId(`note-${i}`),
      date: isoDate("2021-06-01"),
      security: securityId(`note-${i}`),
      holder: stakeholderId(s.holder),
      principal: money(s.principal, USD),
      interestRate: rat(s.rate),
      interest: { method: "simple" },
      maturityDate: undefined,
      valuationCap: s.cap === undefined ? undefined : money(s.cap, USD),
      capBasis: s.capBasis ?? "pre_money",
      discount: s.discount === undefined ? undefined : rat(s.discount),
      proRataRights: false,
    });
  });
  const ledger: Ledger = {
    company: { name: "Fixture Co", formationDate: undefined, currency: USD, exchangeRates: [] },
    stakeholders: spec.holders.map((h) => ({
      kind: "stakeholder",
      id: stakeholderId(h.id),
      name: h.name ?? h.id,
      type: "institution",
      aliases: [],
    })),
    classes,
    pools: spec.pool
      ? [{ id: POOL, name: "ESOP", classId: shareClassId("common"), initialReserved: spec.pool.reserved }]
      : [],
    vestingSchedules: [],
    transactions,
  };
  const table = replay(ledger);
  if (!table.ok) throw new Error(`fixture cap table: ${table.problems.map((p) => p.message).join("; ")}`);
  return table.value;
}

export function estimate(text: string, unit: "money" | "fraction" = "money") {
  const r = parseEstimate(text, { unit });
  if (!r.ok) throw new Error(`fixture estimate ${text}: ${r.problems[0]!.message}`);
  return r.value;
}

const q = (id: string) => id as QuantityId;

/** The founding report's quantities: round "x" of OpenAI (see /work/shared/fixtures). */
export const FOUNDING = {
  amazon: q("round:x/investment:amazon"),
  nvidia: q("round:x/investment:nvidia"),
  microsoft: q("round:x/investment:microsoft"),
  softbank: q("round:x/investment:softbank"),
  others: q("round:x/investment:others"),
  size: q("round:x/size"),
  valuation: q("round:x/valuation:post"),
  stake: q("holder:microsoft/stake"),
} as const;

export const FOUNDING_HOLDERS: readonly HolderSpec[] = [
  { id: "microsoft", name: "Microsoft", shares: 270_000_000n },
  { id: "foundation", name: "OpenAI Foundation", shares: 260_000_000n },
  { id: "employees", name: "Employees", shares: 150_000_000n },
  { id: "investors", name: "Other existing investors", shares: 270_000_000n },
  { id: "amazon", name: "Amazon" },
  { id: "nvidia", name: "Nvidia" },
  { id: "softbank", name: "SoftBank" },
  { id: "others", name: "Other new investors" },
];

/**
 * An OpenAI-like cap table (an assumption for examples, not a fact): 1,000,000,000 fully
 * diluted shares with Microsoft at 27% as converted (the figure reported after the October
 * 2025 recapitalization), the foundation 26%, employees 15% plus a 5% unallocated pool.
 */
export function foundingCapTable(): CapTable {
  return buildCapTable({ holders: FOUNDING_HOLDERS, pool: { reserved: 50_000_000n } });
}

export function foundingSources(): Source[] {
  const make = (input: Parameters<typeof makeSource>[0]) => {
    const s = makeSource(input);
    if (!s.ok) throw new Error(s.problems[0]!.message);
    return s.value;
  };
  return [
    make({
      id: "seed",
      language: "fr",
      title: "IA : OpenAI prépare une levée de fonds géante",
      reliability: "C",
    }),
    make({
      id: "reuters-2026-01-28",
      publisher: "Reuters",
      date: "2026-01-28",
      language: "en",
      reliability: "B",
    }),
  ];
}

/** The founding report's claims, plus the valuation and SoftBank figures other reports give. */
export function foundingClaimInputs(): ClaimInput[] {
  const group = [FOUNDING.amazon, FOUNDING.nvidia, FOUNDING.microsoft];
  return [
    {
      id: "round-up-to-100",
      source: "seed",
      subject: FOUNDING.size,
      value: estimate("jusqu'à 100 milliards de dollars"),
      status: "in_talks",
    },
    {
      id: "group-about-40",
      source: "seed",
      subject: group,
      value: estimate("autour de 40 milliards de dollars"),
      status: "in_talks",
    },
    {
      id: "group-60",
      source: "seed",
      subject: group,
      value: estimate("60 milliards de dollars"),
      status: "rumored",
      attribution: "des rapports suggèrent",
    },
    {
      id: "amazon-tens-of-billions",
      source: "seed",
      subject: FOUNDING.amazon,
      value: estimate("entre 10 et 100 milliards de dollars"),
      status: "in_talks",
    },
    {
      id: "amazon-up-to-50",
      source: "seed",
      subject: FOUNDING.amazon,
      value: estimate("jusqu'à 50 milliards de dollars"),
      status: "in_talks",
      attribution: "Des sources indiquent",
    },
    {
      id: "nvidia-up-to-30",
      source: "seed",
      subject: FOUNDING.nvidia,
      value: estimate("jusqu'à 30 milliards de dollars"),
      status: "in_talks",
      attribution: "selon des personnes familières avec le dossier",
    },
    {
      id: "microsoft-under-10",
      source: "seed",
      subject: FOUNDING.microsoft,
      value: estimate("inférieure à 10 milliards de dollars"),
      status: "in_talks",
    },
    {
      id: "valuation-about-830",
      source: "reuters-2026-01-28",
      subject: FOUNDING.valuation,
      value: estimate("about $830B"),
      status: "in_talks",
    },
    {
      id: "softbank-up-to-30",
      source: "reuters-2026-01-28",
      subject: FOUNDING.softbank,
      value: estimate("up to $30B"),
      status: "in_talks",
    },
    {
      id: "microsoft-stake-27",
      source: "reuters-2026-01-28",
      subject: FOUNDING.stake,
      value: estimate("about 27%", "fraction"),
      status: "closed",
    },
  ];
}

export function foundingClaimSet(claims: readonly ClaimInput[] = foundingClaimInputs()): ClaimSet {
  const context = {
    stakeholders: new Map(FOUNDING_HOLDERS.map((h) => [h.id, h.name ?? h.id])),
    rounds: new Map([["x", "Round X"]]),
  };
  const model = buildQuantityModel(
    Object.values(FOUNDING).map((id) => ({ id })),
    [
      roundSizeIdentity(roundId("x"), FOUNDING.size, [
        FOUNDING.amazon,
        FOUNDING.nvidia,
        FOUNDING.microsoft,
        FOUNDING.softbank,
        FOUNDING.others,
      ]),
    ],
    context,
  );
  if (!model.ok) throw new Error(model.problems[0]!.message);
  const set = validateClaims(claims, foundingSources(), model.value, { currency: USD });
  if (!set.ok) throw new Error(set.problems.map((p) => p.message).join("; "));
  return set.value;
}

export function roundTerms(id = "x") {
  return {
    id: roundId(id),
    name: `Round ${id.toUpperCase()}`,
    date: isoDate("2026-03-01"),
    newClass: {
      ...preferredClass(`series-${id}`, "1"),
      originalIssuePrice: undefined,
      conversionPrice: undefined,
    },
    existingClassId: undefined as ShareClassId | undefined,
    conversionClassId: undefined as ShareClassId | undefined,
    oversubscription: "pro_rata_cutback" as const,
    pool: { kind: "none" as const },
    conventions: DEFAULT_CONVENTIONS,
    closings: [],
  };
}

/** Round X: every investment and the post-money valuation come from quantities. */
export function foundingTemplate(): RoundTemplate {
  const invest = (investor: string, id: QuantityId) => ({
    investor: stakeholderId(investor),
    amount: { kind: "quantity" as const, expression: quantityExpression(id) },
    lead: false,
    proRata: false,
    closing: undefined,
  });
  return {
    terms: roundTerms("x"),
    pricing: {
      basis: "post_money",
      value: { kind: "quantity", expression: quantityExpression(FOUNDING.valuation) },
    },
    investments: [
      invest("amazon", FOUNDING.amazon),
      invest("nvidia", FOUNDING.nvidia),
      invest("microsoft", FOUNDING.microsoft),
      invest("softbank", FOUNDING.softbank),
      invest("others", FOUNDING.others),
    ],
    targetSize: undefined,
  };
}
