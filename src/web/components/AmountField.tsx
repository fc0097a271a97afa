import { useEffect, useId, useRef, useState } from "react";
import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoneyExactShort, formatMoneyForInput } from "../i18n/number-format.js";

/** Slider positions: the range is split into this many exact steps. */
export const SLIDER_STEPS = 1000;

/** The smallest of 1, 2, 5 times a power of ten that is at least `value` (value > 0). */
export function niceCeiling(value: Rational): Rational {
  let power = Rational.ONE;
  while (power.mulInt(10n).lte(value)) power = power.mulInt(10n);
  while (power.gt(value)) power = power.divInt(10n);
  for (const m of [1n, 2n, 5n, 10n]) {
    const candidate = power.mulInt(m);
    if (candidate.gte(value)) return candidate;
  }
  return power.mulInt(10n);
}

/** A slider's range for an amount: 0 to a round number at least twice `around`, in SLIDER_STEPS exact steps. */
export function sliderRange(around: Rational): { max: Rational; step: Rational } {
  const base = around.isPositive() ? around.mulInt(2n) : Rational.of(1_000_000n);
  const max = niceCeiling(base);
  return { max, step: max.divInt(BigInt(SLIDER_STEPS)) };
}

/** The slider position nearest to `value`, clamped to the range. */
export function sliderPosition(value: Rational, step: Rational): number {
  const k = value.div(step).toInteger("half_even");
  return Number(k < 0n ? 0n : k > BigInt(SLIDER_STEPS) ? BigInt(SLIDER_STEPS) : k);
}

export interface AmountFieldProps {
  readonly id: string;
  readonly label: string;
  /** The text in the field, as the user typed it or as the slider wrote it. */
  readonly text: string;
  /** The amount the text reads as, when it is readable. */
  readonly value: Money | undefined;
  readonly currency: Money["currency"];
  /** Called with the new text as the slider moves (every step) and when a typed text is applied. */
  readonly onChange: (text: string) => void;
  readonly error?: string | undefined;
  readonly note?: string | undefined;
  /** The id of the help text shared by the form's amount fields. */
  readonly helpId?: string;
}

/**
 * An amount of money with a slider over a range and a typed field that reads human
 * amounts ($50B, 40 Md$, 1 234,5 M€). The slider moves in exact steps (a round fraction
 * of the range), so every position is an exact amount; the typed field applies on Enter
 * or when it loses focus, and an unreadable amount shows the parser's message under it.
 */
export function AmountField({
  id,
  label,
  text,
  value,
  currency,
  onChange,
  error,
  note,
  helpId,
}: AmountFieldProps) {
  const { t, locale } = useI18n();
  const [range, setRange] = useState(() => sliderRange(value?.amount ?? Rational.ZERO));
  const [draft, setDraft] = useState(text);
  const editing = useRef(false);
  const errorId = useId();
  const noteId = useId();

  useEffect(() => {
    if (!editing.current) setDraft(text);
  }, [text]);

  // A typed amount beyond the slider's range widens the range to hold it.
  useEffect(() => {
    if (value?.amount.gt(range.max)) setRange(sliderRange(value.amount));
  }, [value, range.max]);

  // While the typed text cannot be read, the slider stays where the last readable amount put it.
  const lastPosition = useRef(0);
  const position = value ? sliderPosition(value.amount, range.step) : lastPosition.current;
  lastPosition.current = position;
  const valueText = value ? formatMoneyForInput(value, locale, 4) : "";
  const apply = () => {
    editing.current = false;
    if (draft !== text) onChange(draft);
  };
  return (
    <div className={`field amount-field${error ? " has-error" : ""}`}>
      <label className="field-label" htmlFor={`${id}-typed`}>
        {label}
      </label>
      <div className="field-controls">
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={position}
          aria-label={t("sliderOf", { label })}
          aria-valuetext={valueText}
          onChange={(e) => {
            const k = BigInt(e.currentTarget.value);
            const amount: Money = { kind: "money", currency, amount: range.step.mulInt(k) };
            const next = formatMoneyExactShort(amount, locale);
            editing.current = false;
            setDraft(next);
            onChange(next);
          }}
        />
        <input
          id={`${id}-typed`}
          className="typed"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? errorId : "", note ? noteId : "", helpId ?? ""].join(" ").trim() || undefined
          }
          onChange={(e) => {
            editing.current = true;
            setDraft(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") apply();
            if (e.key === "Escape") {
              editing.current = false;
              setDraft(text);
            }
          }}
          onBlur={apply}
        />
      </div>
      {note ? (
        <p id={noteId} className="field-help">
          {note}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
