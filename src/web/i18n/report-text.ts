import type { PositionState } from "../../core/exit/position.js";
import type { EventDetail, EventPosition } from "../../report/exit-report.js";
import type { MessageKey } from "./messages.js";
import { type Locale, localizeDecimalText } from "./number-format.js";

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
