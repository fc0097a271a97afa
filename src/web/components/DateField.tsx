import { useEffect, useId, useState } from "react";
import { parseIsoDate } from "../../core/shared/date.js";
import { useI18n } from "../i18n/i18n.js";
import type { Locale } from "../i18n/number-format.js";

const FRENCH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/**
 * A date as a reader of the interface's language writes it: in French "28/10/2025" (day
 * first; "2025-10-28" is read too), in English the ISO form the deal files use. The
 * browser's own date input is not used: Chromium writes it in the browser's language
 * whatever the page's (mm/dd/yyyy in a French interface on an American browser).
 */
export function dateText(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return locale === "fr" && m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The ISO date a text written in the interface's language reads as; undefined when it is not a calendar date. */
export function readDate(text: string, locale: Locale): string | undefined {
  const trimmed = text.trim();
  const m = locale === "fr" ? FRENCH_DATE.exec(trimmed) : null;
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : trimmed;
  return parseIsoDate(iso);
}

/**
 * A date field: `value` and `onChange` are ISO dates ("" for none); the text typed is the
 * interface language's (`dateText`), and a text that is not a date is said under the field
 * without changing the value.
 */
export function DateField({
  id,
  name,
  value,
  onChange,
  describedBy,
  invalid: refused = false,
}: {
  id: string;
  name?: string;
  value: string;
  onChange: (iso: string) => void;
  /** The ids of the texts that describe the field (its help, a problem found with its value). */
  describedBy?: string | undefined;
  /** A problem was found with the value (by the engine): the field says so as its own. */
  invalid?: boolean;
}) {
  const { t, locale } = useI18n();
  const errorId = useId();
  const [text, setText] = useState(() => dateText(value, locale));
  // A value set from elsewhere (the address, another language) is shown as its text.
  useEffect(() => {
    setText((current) => (readDate(current, locale) === value ? current : dateText(value, locale)));
  }, [value, locale]);
  const invalid = text.trim() !== "" && readDate(text, locale) === undefined;
  const described = [describedBy, invalid ? errorId : undefined].filter(Boolean).join(" ");
  return (
    <>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("datePlaceholder")}
        value={text}
        aria-invalid={invalid || refused ? true : undefined}
        aria-describedby={described === "" ? undefined : described}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          if (next.trim() === "") onChange("");
          else {
            const iso = readDate(next, locale);
            if (iso !== undefined && iso !== value) onChange(iso);
          }
        }}
      />
      {invalid ? (
        <p id={errorId} className="field-error">
          {t("dateInvalid")}
        </p>
      ) : null}
    </>
  );
}
