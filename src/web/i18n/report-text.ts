import type { Currency } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { PositionState } from "../../core/exit/position.js";
import { formatEstimateValue } from "../../core/uncertainty/estimate.js";
import type { ConflictDetail, GapDetail } from "../../report/claims-report.js";
import type { EventDetail, EventPosition } from "../../report/exit-report.js";
import type { MessageKey } from "./messages.js";
import { formatMoneyShort, type Locale, localizeDecimalText } from "./number-format.js";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const EVENT_KEYS = {
  fees_paid: "exitEventFeesPaid",
  debt_repaid: "exitEventDebtRepaid",
  carve_out_maximum: "exitEventCarveOutMaximum",
  level_paid: "exitEventLevelPaid",
  common_starts: "exitEventCommonStarts",
  regime_change: "exitEventRegimeChange",
} as const satisfies Record<EventDetail["kind"], MessageKey>;

const STATE_KEYS = {
  common: "positionStateCommon",
  unpaid: "positionStateUnpaid",
  takes_preference: "positionStateTakesPreference",
  participates: "positionStateParticipates",
  at_cap: "positionStateAtCap",
  converts: "positionStateConverts",
  exercises: "positionStateExercises",
  out_of_the_money: "positionStateOutOfTheMoney",
} as const satisfies Record<PositionState, MessageKey>;

/**
 * A position an exit event names, in the interface's language, from its parts: a class's
 * shares by the class's name, options by their class and strike, a warrant, SAFE or note
 * by its security (the English words are the engine's label's).
 */
export function positionName(
  p: EventPosition,
  t: Translate,
  locale: Locale,
  className: (classId: string) => string,
): string {
  const cls = p.classId === null ? "" : className(p.classId);
  switch (p.kind) {
    case "options":
      return p.strike === null
        ? p.label
        : t("exitPositionOptions", {
            class: cls,
            // The label writes the strike without grouping; so does the English text here.
            strike: locale === "en" ? p.strike : localizeDecimalText(p.strike, locale),
          });
    case "warrant":
      return t("exitPositionWarrant", { id: p.security ?? p.id, class: cls });
    case "safe":
      return t("exitPositionSafe", { id: p.security ?? p.id });
    case "note":
      return t("exitPositionNote", { id: p.security ?? p.id });
    default:
      // A class's shares: the label is the class's own name.
      return p.label;
  }
}

/** What happens at an exit breakpoint (`exit --breakpoints`'s "events"), in the interface's language. */
export function exitEventText(
  e: EventDetail,
  t: Translate,
  locale: Locale,
  className: (classId: string) => string,
): string {
  const positions = e.positions.map((p) => positionName(p, t, locale, className)).join(", ");
  return t(EVENT_KEYS[e.kind], { positions });
}

/** A position's or class's state in a waterfall ("converts", "takes preference"…), in the interface's language. */
export function positionStateText(state: PositionState, t: Translate): string {
  return t(STATE_KEYS[state]);
}

/**
 * A claim's figure as the claims report writes it (three places at most after scaling, a
 * percentage to four places), in the interface's language; in English, the report's own text.
 */
export function claimFigure(
  value: string,
  unit: GapDetail["unit"],
  currency: string | null,
  locale: Locale,
): string {
  const amount = Rational.parse(value)!;
  if (locale === "en")
    return formatEstimateValue(
      amount,
      unit === "fraction" ? { kind: "fraction" } : { kind: "money", currency: currency as Currency },
    );
  if (unit === "fraction")
    return `${localizeDecimalText(amount.mulInt(100n).toDecimalString(4), locale)}\u00a0%`;
  return formatMoneyShort({ kind: "money", currency: currency as Currency, amount }, locale, 3);
}

/** A gap between a group's claim and its members' claims (the claims report's), in the interface's language. */
export function gapText(claim: string, d: GapDetail, t: Translate, locale: Locale): string {
  return t(d.kind === "exceeds" ? "gapExceeds" : "gapShort", {
    claim,
    members: d.members.join(", "),
    sum: claimFigure(d.sum, d.unit, d.currency, locale),
    bound: claimFigure(d.bound, d.unit, d.currency, locale),
  });
}

const RELATION_KEYS = {
  "<=": "relationAtMost",
  "<": "relationLessThan",
  ">=": "relationAtLeast",
  ">": "relationMoreThan",
} as const satisfies Record<ConflictDetail["implied"]["relation"], MessageKey>;

/**
 * A conflict's explanation (the claims report's), in the interface's language, from its
 * structure: the premises (the other claims, the identities, the domain), what they imply
 * about the pivot's subject, and what the pivot claim says. `describe` words a claim
 * ("Amazon + Nvidia + Microsoft: about $40B"); `roundName` names a round by its id. In
 * English the sentence is the engine's own.
 */
export function conflictText(
  d: ConflictDetail,
  describe: (claimId: string) => string,
  roundName: (roundId: string) => string | undefined,
  t: Translate,
  locale: Locale,
): string {
  const v = (value: string) => claimFigure(value, d.unit, d.currency, locale);
  const quoted = (id: string) => t("conflictClaim", { id, text: describe(id) });
  const identity = (i: { id: string; text: string }) => {
    const cut = i.id.lastIndexOf(":");
    const round = roundName(i.id.slice(0, cut));
    const kind = i.id.slice(cut + 1);
    if (round === undefined || locale === "en") return i.text;
    if (kind === "size") return t("identitySize", { round });
    if (kind === "post") return t("identityPost", { round });
    return i.text;
  };
  const premises = [
    ...d.others.map(quoted),
    ...d.identities.map(identity),
    ...(d.usesDomain ? [t(d.unit === "fraction" ? "conflictDomainFraction" : "conflictDomainAmount")] : []),
  ];
  const list =
    premises.length === 0
      ? t("conflictNothingElse")
      : premises.length === 1
        ? premises[0]!
        : t("listAnd", { items: premises.slice(0, -1).join(", "), last: premises.at(-1)! });
  const form =
    premises.length > 1 || d.others.length > 1
      ? "Together"
      : premises.length === 1 && d.others.length === 1 && d.identities.length === 0 && !d.usesDomain
        ? "One"
        : "Plain";
  const key = `conflict${d.side === "upper" ? "Upper" : "Lower"}${form}` as const;
  const sentence = t(key, {
    premises: list,
    subject: d.subject,
    implied: `${t(RELATION_KEYS[d.implied.relation])} ${v(d.implied.value)}`,
    pivot: quoted(d.pivot),
    bound: `${t(RELATION_KEYS[d.pivotBound.relation])} ${v(d.pivotBound.value)}`,
  });
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}
