import { useEffect, useId, useRef, useState } from "react";
import { Rational } from "../../core/exact/rational.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDecimal, formatPercent } from "../i18n/number-format.js";

/** Slider steps of 0.1 percentage point, from 0% to 50%. */
const STEPS = 500;
const STEP = Rational.of(1n, 1000n);

export interface PercentFieldProps {
  readonly id: string;
  readonly label: string;
  readonly text: string;
  /** The fraction (0 to 1) the text reads as, when readable. */
  readonly value: Rational | undefined;
  readonly onChange: (text: string) => void;
  readonly error?: string | undefined;
}

/** A fraction typed as a percentage (`10%`, `12,5 %`, `0.1`) with a slider in steps of 0.1 point. */
export function PercentField({ id, label, text, value, onChange, error }: PercentFieldProps) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(text);
  const editing = useRef(false);
  const errorId = useId();
  useEffect(() => {
    if (!editing.current) setDraft(text);
  }, [text]);
  const position = value ? Math.min(STEPS, Number(value.div(STEP).toInteger("half_even"))) : 0;
  const apply = () => {
    editing.current = false;
    if (draft !== text) onChange(draft);
  };
  return (
    <div className={`field percent-field${error ? " has-error" : ""}`}>
      <label className="field-label" htmlFor={`${id}-typed`}>
        {label}
      </label>
      <div className="field-controls">
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={STEPS}
          step={1}
          value={position}
          aria-label={t("sliderOf", { label })}
          aria-valuetext={value ? formatPercent(value, 1, locale) : ""}
          onChange={(e) => {
            const fraction = STEP.mulInt(BigInt(e.currentTarget.value));
            const next = `${formatDecimal(fraction.mulInt(100n), 1, locale)}${locale === "fr" ? "\u00a0" : ""}%`;
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
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
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
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
