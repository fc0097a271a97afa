import type { PositionState } from "../../core/exit/position.js";
import type { MessageKey } from "./messages.js";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

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

/** A position's or class's state in a waterfall ("converts", "takes preference"…), in the interface's language. */
export function positionStateText(state: PositionState, t: Translate): string {
  return t(STATE_KEYS[state]);
}
