import { useId, useState } from "react";
import type { DealDocumentJson } from "../api/contract.js";
import { DateField } from "../components/DateField.js";
import { type FieldProblem, fieldOfRecord } from "../engine/deal-authoring.js";
import { type FieldSpec, OPTION_NAMES } from "../engine/record-fields.js";
import { useAuthoringText } from "../i18n/authoring-messages.js";
import { useI18n } from "../i18n/i18n.js";

type Json = Record<string, unknown>;
export type FieldValues = Record<string, string | boolean>;

/** The form's texts of a record (lists joined with commas, mappings one `KEY=VALUE` a line). */
export function valuesOf(fields: readonly FieldSpec[], record: Json | undefined): FieldValues {
  const values: FieldValues = {};
  for (const f of fields) {
    if (!record) {
      values[f.key] = f.kind === "checkbox" ? false : "";
      continue;
    }
    if (f.kind === "map") {
      const value = record[f.key];
      values[f.key] =
        value !== null && typeof value === "object" && !Array.isArray(value)
          ? Object.entries(value as Json)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join("\n")
          : "";
    } else values[f.key] = fieldOfRecord(record, f.key);
  }
  return values;
}

/** The values a record is written with: lists split on commas, mappings on lines. */
export function writtenValues(fields: readonly FieldSpec[], values: FieldValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === "list" && typeof v === "string")
      out[f.key] = v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    else if (f.kind === "map" && typeof v === "string") {
      const map: Record<string, string> = {};
      for (const line of v.split("\n")) {
        const at = line.indexOf("=");
        if (line.trim() === "") continue;
        if (at < 0) map[line.trim()] = "";
        else map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
      }
      out[f.key] = map;
    } else out[f.key] = v;
  }
  return out;
}

/** The problems of a field: those whose field is its key or lies inside it (`values.round:a/size`). */
export function problemsOf(problems: readonly FieldProblem[], key: string): FieldProblem[] {
  return problems.filter((p) => p.field !== undefined && (p.field === key || p.field.startsWith(`${key}.`)));
}

function idsOf(document: DealDocumentJson, list: string): string[] {
  const items = Array.isArray(document[list]) ? (document[list] as unknown[]) : [];
  return items.flatMap((r) =>
    r !== null && typeof r === "object" && typeof (r as Json).id === "string"
      ? [(r as Json).id as string]
      : [],
  );
}

/**
 * One form of labelled native fields (WEB-10), each problem shown under its field
 * (`aria-invalid`, `aria-describedby`, WEB-3) and the others above the buttons.
 */
export function FieldsForm({
  fields,
  values,
  onChange,
  problems,
  document,
  submitLabel,
  onSubmit,
  onCancel,
  extra,
}: {
  fields: readonly FieldSpec[];
  values: FieldValues;
  onChange: (values: FieldValues) => void;
  problems: readonly FieldProblem[];
  document: DealDocumentJson;
  submitLabel: string;
  onSubmit: () => void;
  onCancel?: () => void;
  extra?: React.ReactNode;
}) {
  const { locale } = useI18n();
  const a = useAuthoringText();
  const base = useId();
  const known = new Set(fields.map((f) => f.key));
  const general = problems.filter(
    (p) => p.field === undefined || ![...known].some((k) => p.field === k || p.field?.startsWith(`${k}.`)),
  );
  return (
    <form
      className="record-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {extra}
      <div className="record-fields">
        {fields.map((f) => {
          const inputId = `${base}-${f.key}`;
          const errorId = `${inputId}-error`;
          const mine = problemsOf(problems, f.key);
          const invalid = mine.length > 0;
          const common = {
            id: inputId,
            name: f.key,
            "aria-invalid": invalid ? ("true" as const) : undefined,
            "aria-describedby": invalid ? errorId : undefined,
          };
          const value = values[f.key];
          const label = locale === "fr" ? f.fr : f.en;
          let control: React.ReactNode;
          if (f.kind === "checkbox")
            control = (
              <input
                type="checkbox"
                {...common}
                checked={value === true}
                onChange={(e) => onChange({ ...values, [f.key]: e.currentTarget.checked })}
              />
            );
          else if (f.kind === "select" || f.kind === "ref") {
            const options = f.kind === "select" ? f.options : ["", ...idsOf(document, f.list)];
            const current = typeof value === "string" ? value : "";
            control = (
              <select
                {...common}
                value={current}
                onChange={(e) => onChange({ ...values, [f.key]: e.currentTarget.value })}
              >
                {(options.includes(current) ? options : [...options, current]).map((o) => (
                  <option key={o} value={o}>
                    {o === "" ? "—" : f.kind === "select" ? (OPTION_NAMES[o]?.[locale] ?? o) : o}
                  </option>
                ))}
              </select>
            );
          } else if (f.kind === "date")
            control = (
              <DateField
                id={inputId}
                name={f.key}
                value={typeof value === "string" ? value : ""}
                invalid={invalid}
                describedBy={invalid ? errorId : undefined}
                onChange={(iso) => onChange({ ...values, [f.key]: iso })}
              />
            );
          else if (f.kind === "map")
            control = (
              <textarea
                {...common}
                rows={3}
                value={typeof value === "string" ? value : ""}
                onChange={(e) => onChange({ ...values, [f.key]: e.currentTarget.value })}
              />
            );
          else
            control = (
              <input
                type="text"
                placeholder={f.kind === "text" ? f.placeholder : undefined}
                {...common}
                value={typeof value === "string" ? value : ""}
                onChange={(e) => onChange({ ...values, [f.key]: e.currentTarget.value })}
              />
            );
          return (
            <div key={f.key} className={f.kind === "checkbox" ? "field checkbox-field" : "field"}>
              <label htmlFor={inputId} className="field-label">
                {label}
                {f.required ? " *" : ""}
              </label>
              {control}
              {invalid ? (
                <p id={errorId} className="field-error">
                  {mine.map((p) => p.message).join("; ")}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {general.length > 0 ? (
        <ul className="field-error" role="alert">
          {general.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and keep their order.
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="buttons">
        <button type="submit">{submitLabel}</button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            {a("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A form with its own values, reset after a submit that succeeds. */
export function useFormValues(initial: FieldValues): [FieldValues, (v: FieldValues) => void, () => void] {
  const [values, setValues] = useState(initial);
  return [values, setValues, () => setValues(initial)];
}
