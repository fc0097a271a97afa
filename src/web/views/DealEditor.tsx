import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { dealYaml } from "../../deal/serialize.js";
import type { DealDocumentJson, DealRecord } from "../api/contract.js";
import { dealDocumentFromText } from "../api/deal-text.js";
import { useDataAccess } from "../app/data-context.js";
import { dateText } from "../components/DateField.js";
import {
  type AuthoringResult,
  addConvertible,
  addRound,
  checked,
  DEAL_LISTS,
  type DealList,
  deleteRecord,
  type EditHistory,
  type FieldProblem,
  loadDocument,
  pushEdit,
  putRecord,
  recordFromFields,
  redo,
  setCompany,
  startHistory,
  undo,
} from "../engine/deal-authoring.js";
import {
  type FieldSpec,
  fieldsOf,
  RECORD_FIELDS,
  TRANSACTION_NAMES,
  TRANSACTION_TYPES,
  type TransactionType,
} from "../engine/record-fields.js";
import { download } from "../export/download.js";
import { type AuthoringKey, useAuthoringText } from "../i18n/authoring-messages.js";
import { useI18n } from "../i18n/i18n.js";
import type { Locale } from "../i18n/number-format.js";
import { FieldsForm, type FieldValues, problemsOf, valuesOf, writtenValues } from "./RecordForm.js";

type Json = Record<string, unknown>;

const LIST_TITLES: Record<DealList, AuthoringKey> = {
  stakeholders: "listStakeholders",
  classes: "listClasses",
  pools: "listPools",
  vesting: "listVesting",
  transactions: "listTransactions",
  rounds: "listRounds",
  sources: "listSources",
  claims: "listClaims",
  scenarios: "listScenarios",
};

const STORAGE_PREFIX = "roundtable:authoring:";

interface StoredEdits {
  readonly baseVersion: number;
  readonly history: EditHistory;
}

/** The unsaved edits of a deal, kept in localStorage until saved (WEB-9), with the version they were made on. */
function readEdits(workspace: string, deal: string): StoredEdits | undefined {
  try {
    const text = globalThis.localStorage?.getItem(`${STORAGE_PREFIX}${workspace}/${deal}`);
    if (!text) return undefined;
    const parsed = JSON.parse(text) as StoredEdits;
    if (
      typeof parsed.baseVersion !== "number" ||
      !parsed.history ||
      typeof parsed.history.present !== "object"
    )
      return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

function writeEdits(workspace: string, deal: string, edits: StoredEdits | undefined): void {
  try {
    const key = `${STORAGE_PREFIX}${workspace}/${deal}`;
    if (edits) globalThis.localStorage?.setItem(key, JSON.stringify(edits));
    else globalThis.localStorage?.removeItem(key);
  } catch {
    // Storage full or unavailable: the edits still live in memory for this page.
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function listOf(document: DealDocumentJson, list: DealList): Json[] {
  const items = document[list];
  return Array.isArray(items) ? items.filter(isObject) : [];
}

type SaveState =
  | { readonly kind: "idle" }
  | { readonly kind: "saving" }
  | { readonly kind: "saved"; readonly version: number }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "conflict"; readonly currentVersion: number };

/**
 * The deal editor (SPEC WEB-AUTH-1..2): the company, and every list of the deal document —
 * stakeholders, classes, pools, vesting, transactions of every kind, rounds, sources,
 * claims, scenarios — added to, changed and removed through forms that the deal loader
 * checks, with undo and redo of the edits not yet saved and the document's YAML one click
 * away (readable, editable and downloadable). A save writes the whole document, as the
 * round builder's does (WEB-6).
 */
export function DealEditor({
  workspace,
  deal,
  record,
  base,
  onSaved,
}: {
  workspace: string;
  deal: string;
  record: DealRecord;
  /** The document the edits start from: the stored one, with the round builder's unsaved edits. */
  base: DealDocumentJson;
  onSaved: (record: DealRecord) => void;
}) {
  const a = useAuthoringText();
  const data = useDataAccess();
  const [edits, setEditsState] = useState<StoredEdits>(() => {
    const stored = readEdits(workspace, deal);
    return stored ?? { baseVersion: record.version, history: startHistory(base) };
  });
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [status, setStatus] = useState<string>("");
  const [yamlOpen, setYamlOpen] = useState(false);
  const history = edits.history;
  const present = history.present;
  const dirty = JSON.stringify(present) !== JSON.stringify(record.document);

  const setEdits = useCallback(
    (next: StoredEdits) => {
      setEditsState(next);
      const changed = JSON.stringify(next.history.present) !== JSON.stringify(record.document);
      writeEdits(workspace, deal, changed || next.history.past.length > 0 ? next : undefined);
    },
    [workspace, deal, record.document],
  );

  /** Applies a checked edit: a new step of the history, or the problems to show. */
  const apply = useCallback(
    (result: AuthoringResult, done: AuthoringKey): readonly FieldProblem[] => {
      if (!result.ok) return result.problems;
      setEdits({ ...edits, history: pushEdit(history, result.document) });
      setSave({ kind: "idle" });
      setStatus(a(done));
      return [];
    },
    [edits, history, setEdits, a],
  );

  const loaded = useMemo(() => loadDocument(present), [present]);

  const doSave = async (expectedVersion: number) => {
    setSave({ kind: "saving" });
    const result = await data.saveDeal(workspace, deal, present, expectedVersion);
    if (result.ok) {
      writeEdits(workspace, deal, undefined);
      setEditsState({ baseVersion: result.value.version, history: startHistory(result.value.document) });
      setSave({ kind: "saved", version: result.value.version });
      onSaved(result.value);
      return;
    }
    if (result.kind === "conflict") setSave({ kind: "conflict", currentVersion: result.currentVersion });
    else setSave({ kind: "failed", message: result.error.message });
  };

  // Keyboard undo and redo, outside text fields (where the browser's own undo applies).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z") return;
      e.preventDefault();
      setEdits({ ...edits, history: e.shiftKey ? redo(history) : undo(history) });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [edits, history, setEdits]);

  return (
    <section aria-labelledby="edit-title" className="deal-editor">
      <h2 id="edit-title">{a("editTitle")}</h2>
      <p className="muted">{a("editIntro")}</p>
      <div className="editor-toolbar no-print" role="toolbar" aria-label={a("editTitle")}>
        <button
          type="button"
          className="secondary"
          disabled={history.past.length === 0}
          onClick={() => setEdits({ ...edits, history: undo(history) })}
        >
          {a("undo")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={history.future.length === 0}
          onClick={() => setEdits({ ...edits, history: redo(history) })}
        >
          {a("redo")}
        </button>
        <button
          type="button"
          disabled={!dirty || !loaded.ok || save.kind === "saving"}
          onClick={() => doSave(edits.baseVersion)}
        >
          {save.kind === "saving" ? a("saving") : a("save")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!dirty && history.past.length === 0}
          onClick={() => {
            writeEdits(workspace, deal, undefined);
            setEditsState({ baseVersion: record.version, history: startHistory(record.document) });
            setSave({ kind: "idle" });
          }}
        >
          {a("discard")}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={yamlOpen}
          onClick={() => setYamlOpen(!yamlOpen)}
        >
          {yamlOpen ? a("hideYaml") : a("showYaml")}
        </button>
      </div>
      <div aria-live="polite" className="editor-status">
        {dirty ? <p>{a("unsavedEdits", { count: history.past.length })}</p> : null}
        {status && dirty ? <p className="ok">{status}</p> : null}
        {save.kind === "saved" && !dirty ? (
          <p className="ok">{a("savedVersion", { version: save.version })}</p>
        ) : null}
        {save.kind === "failed" ? (
          <p className="field-error" role="alert">
            {a("saveFailed", { message: save.message })}
          </p>
        ) : null}
        {save.kind === "conflict" ? (
          <div className="notice warning" role="alert">
            <p>{a("saveConflict", { version: save.currentVersion })}</p>
            <button type="button" onClick={() => doSave(save.currentVersion)}>
              {a("saveOver", { version: save.currentVersion })}
            </button>
          </div>
        ) : null}
      </div>
      {yamlOpen ? (
        <YamlPanel
          key={JSON.stringify(present)}
          document={present}
          fileName={deal}
          onApply={(doc) =>
            apply(
              checked(doc, () => undefined),
              "changed",
            )
          }
        />
      ) : null}
      {!loaded.ok ? (
        <div className="notice error" role="alert">
          <p>{a("dealInvalidHere")}</p>
          <ul>
            {loaded.diagnostics.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and keep their order.
              <li key={i}>{d.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <CompanySection document={present} apply={apply} />
          {DEAL_LISTS.map((list) => (
            <ListSection key={list} list={list} document={present} apply={apply} />
          ))}
        </>
      )}
    </section>
  );
}

/** The YAML of the document, editable: applying it checks it as a file is checked. */
function YamlPanel({
  document,
  fileName,
  onApply,
}: {
  document: DealDocumentJson;
  fileName: string;
  onApply: (document: DealDocumentJson) => readonly FieldProblem[];
}) {
  const a = useAuthoringText();
  const id = useId();
  const yaml = useMemo(() => dealYaml(document, `${fileName}: a roundtable deal`), [document, fileName]);
  const [text, setText] = useState(yaml);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  return (
    <section aria-labelledby={`${id}-title`} className="yaml-panel">
      <h3 id={`${id}-title`}>{a("yamlTitle")}</h3>
      <textarea
        id={`${id}-text`}
        aria-labelledby={`${id}-title`}
        className="yaml-text"
        spellCheck={false}
        rows={Math.min(30, text.split("\n").length + 1)}
        value={text}
        aria-invalid={problems.length > 0 ? "true" : undefined}
        aria-describedby={problems.length > 0 ? `${id}-errors` : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {problems.length > 0 ? (
        <ul id={`${id}-errors`} className="field-error" role="alert">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and keep their order.
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="buttons">
        <button
          type="button"
          disabled={text === yaml}
          onClick={() => {
            const doc = dealDocumentFromText(text);
            setProblems(doc ? onApply(doc) : [{ message: a("yamlUnreadable") }]);
          }}
        >
          {a("applyYaml")}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => download(`${fileName}.yaml`, yaml, "application/yaml")}
        >
          {a("downloadYaml")}
        </button>
      </div>
    </section>
  );
}

const COMPANY_FIELDS: readonly FieldSpec[] = [
  { key: "name", kind: "text", en: "Company name", fr: "Nom de la société", required: true },
  {
    key: "currency",
    kind: "text",
    en: "Currency (ISO 4217, e.g. USD)",
    fr: "Devise (ISO 4217, par ex. EUR)",
    required: true,
  },
  { key: "formed", kind: "date", en: "Formation date", fr: "Date de création" },
];

function CompanySection({
  document,
  apply,
}: {
  document: DealDocumentJson;
  apply: (result: AuthoringResult, done: AuthoringKey) => readonly FieldProblem[];
}) {
  const a = useAuthoringText();
  const company = isObject(document.company) ? document.company : {};
  const initial = valuesOf(COMPANY_FIELDS, { currency: "USD", ...company });
  const [values, setValues] = useState<FieldValues>(initial);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const id = useId();
  // The fields follow the document when an undo or a YAML edit changes it.
  const key = JSON.stringify(company);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the company's fields.
  useEffect(() => {
    setValues(valuesOf(COMPANY_FIELDS, { currency: "USD", ...company }));
    setProblems([]);
  }, [key]);
  return (
    <section aria-labelledby={`${id}-company`} className="editor-section">
      <h3 id={`${id}-company`}>{a("company")}</h3>
      <FieldsForm
        fields={COMPANY_FIELDS}
        values={values}
        onChange={setValues}
        problems={problems}
        document={document}
        submitLabel={a("apply")}
        onSubmit={() =>
          setProblems(
            apply(
              setCompany(document, {
                name: String(values.name ?? ""),
                currency: String(values.currency ?? ""),
                formed: String(values.formed ?? ""),
              }),
              "changed",
            ),
          )
        }
      />
    </section>
  );
}

/**
 * What a record is called in its list: its name, else (a transaction) its id, its kind in
 * the interface's language and its date as that language writes it, else its id.
 */
function recordTitle(record: Json, index: number, locale: Locale): string {
  if (typeof record.name === "string") return record.name;
  if (typeof record.type === "string" && typeof record.date === "string") {
    const kind = TRANSACTION_NAMES[record.type as TransactionType]?.[locale] ?? record.type;
    return `${record.id ?? `t${index + 1}`} · ${kind} · ${dateText(record.date, locale)}`;
  }
  return String(record.id ?? index + 1);
}

function ListSection({
  list,
  document,
  apply,
}: {
  list: DealList;
  document: DealDocumentJson;
  apply: (result: AuthoringResult, done: AuthoringKey) => readonly FieldProblem[];
}) {
  const a = useAuthoringText();
  const { locale } = useI18n();
  const id = useId();
  const records = listOf(document, list);
  const [editing, setEditing] = useState<number | undefined>();
  const [removeProblems, setRemoveProblems] = useState<{
    index: number;
    problems: readonly FieldProblem[];
  }>();
  return (
    <section aria-labelledby={`${id}-title`} className="editor-section">
      <h3 id={`${id}-title`}>{a(LIST_TITLES[list])}</h3>
      {records.length === 0 ? <p className="muted">{a("nothingYet")}</p> : null}
      {records.length > 0 ? (
        <ul className="record-list">
          {records.map((r, i) => {
            const title = recordTitle(r, i, locale);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: records are edited by position.
              <li key={i}>
                <span className="record-title">
                  {title}
                  {typeof r.id === "string" && r.id !== title ? <code> {r.id}</code> : null}
                </span>{" "}
                <span className="record-actions">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={a("editNamed", { name: title })}
                    onClick={() => setEditing(editing === i ? undefined : i)}
                  >
                    {a("edit")}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={a("removeNamed", { name: title })}
                    onClick={() => {
                      const problems = apply(deleteRecord(document, list, i), "removed");
                      setRemoveProblems(problems.length > 0 ? { index: i, problems } : undefined);
                      if (problems.length === 0) setEditing(undefined);
                    }}
                  >
                    {a("remove")}
                  </button>
                </span>
                {removeProblems?.index === i ? (
                  <ul className="field-error" role="alert">
                    {removeProblems.problems.map((p, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id.
                      <li key={k}>{p.message}</li>
                    ))}
                  </ul>
                ) : null}
                {editing === i ? (
                  <RecordEditor
                    list={list}
                    document={document}
                    record={r}
                    index={i}
                    apply={apply}
                    onDone={() => setEditing(undefined)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {list === "transactions" ? (
        <>
          <details className="add-form">
            <summary>{a("addTransaction")}</summary>
            <RecordEditor list={list} document={document} apply={apply} />
          </details>
          <details className="add-form">
            <summary>{a("addSafe")}</summary>
            <ConvertibleForm kind="safe" document={document} apply={apply} />
          </details>
          <details className="add-form">
            <summary>{a("addNote")}</summary>
            <ConvertibleForm kind="note" document={document} apply={apply} />
          </details>
        </>
      ) : list === "rounds" ? (
        <details className="add-form">
          <summary>{a("addRound")}</summary>
          <RoundForm document={document} apply={apply} />
        </details>
      ) : (
        <details className="add-form">
          <summary>
            {a("add")} — {a(LIST_TITLES[list])}
          </summary>
          <RecordEditor list={list} document={document} apply={apply} />
        </details>
      )}
    </section>
  );
}

/** Adds a record (no `record`) or changes one; the form keeps what it does not show. */
function RecordEditor({
  list,
  document,
  record,
  index,
  apply,
  onDone,
}: {
  list: DealList;
  document: DealDocumentJson;
  record?: Json;
  index?: number;
  apply: (result: AuthoringResult, done: AuthoringKey) => readonly FieldProblem[];
  onDone?: () => void;
}) {
  const a = useAuthoringText();
  const { locale } = useI18n();
  const typeId = useId();
  const [type, setType] = useState<string>(typeof record?.type === "string" ? record.type : "issue");
  const fields =
    list === "transactions" ? fieldsOf(list, type) : RECORD_FIELDS[list as Exclude<DealList, "transactions">];
  const [values, setValues] = useState<FieldValues>(() => valuesOf(fields, record));
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const typePicker =
    list === "transactions" ? (
      <div className="field">
        <label htmlFor={typeId} className="field-label">
          {a("transactionType")}
        </label>
        <select
          id={typeId}
          value={type}
          disabled={record !== undefined}
          aria-invalid={problemsOf(problems, "type").length > 0 ? "true" : undefined}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setType(next);
            setValues({ ...valuesOf(fieldsOf(list, next), undefined), ...values });
            setProblems([]);
          }}
        >
          {TRANSACTION_TYPES.filter((t) => record !== undefined || (t !== "safe" && t !== "note")).map(
            (t) => (
              <option key={t} value={t}>
                {TRANSACTION_NAMES[t][locale]}
              </option>
            ),
          )}
        </select>
      </div>
    ) : null;
  return (
    <FieldsForm
      fields={fields}
      values={values}
      onChange={setValues}
      problems={problems}
      document={document}
      extra={typePicker}
      submitLabel={record ? a("update") : a("add")}
      {...(onDone ? { onCancel: onDone } : {})}
      onSubmit={() => {
        const shown = fields.map((f) => f.key);
        const written = writtenValues(fields, values);
        let next = recordFromFields(written, shown, record);
        if (list === "transactions") {
          // The type first, as a hand-written transaction reads best.
          const { type: _type, ...rest } = next;
          next = record ? { ...next, type } : { type, ...rest };
          const ordered: Json = {};
          if (next.id !== undefined) ordered.id = next.id;
          ordered.type = type;
          next = { ...ordered, ...next };
        }
        const found = apply(putRecord(document, list, next, index), record ? "changed" : "added");
        setProblems(found);
        if (found.length === 0) {
          if (onDone) onDone();
          else setValues(valuesOf(fields, undefined));
        }
      }}
    />
  );
}

const SAFE_FIELDS: readonly FieldSpec[] = [
  {
    key: "investor",
    kind: "text",
    en: "Investor (a stakeholder, or a new name)",
    fr: "Investisseur (une partie prenante, ou un nouveau nom)",
    required: true,
  },
  { key: "date", kind: "date", en: "Date signed", fr: "Date de signature", required: true },
  {
    key: "amount",
    kind: "text",
    en: "Purchase amount (e.g. $500K)",
    fr: "Montant (par ex. 500 k$)",
    required: true,
  },
  { key: "cap", kind: "text", en: "Valuation cap", fr: "Plafond de valorisation" },
  { key: "discount", kind: "text", en: "Discount (e.g. 20%)", fr: "Décote (par ex. 20 %)" },
  {
    key: "safeType",
    kind: "select",
    options: ["post_money", "pre_money"],
    en: "SAFE type",
    fr: "Type de SAFE",
  },
  { key: "mfn", kind: "checkbox", en: "Most favoured nation", fr: "Nation la plus favorisée" },
  { key: "proRata", kind: "checkbox", en: "Pro-rata side letter", fr: "Lettre de prorata" },
  {
    key: "id",
    kind: "text",
    en: "Id (safe-<investor> when empty)",
    fr: "Identifiant (safe-<investisseur> s’il est vide)",
  },
];

const NOTE_FIELDS: readonly FieldSpec[] = [
  {
    key: "investor",
    kind: "text",
    en: "Investor (a stakeholder, or a new name)",
    fr: "Investisseur (une partie prenante, ou un nouveau nom)",
    required: true,
  },
  { key: "date", kind: "date", en: "Date issued", fr: "Date d’émission", required: true },
  {
    key: "principal",
    kind: "text",
    en: "Principal (e.g. $250K)",
    fr: "Principal (par ex. 250 k$)",
    required: true,
  },
  {
    key: "interestRate",
    kind: "text",
    en: "Interest rate a year (e.g. 6%)",
    fr: "Taux d’intérêt annuel (par ex. 6 %)",
    required: true,
  },
  { key: "interest", kind: "select", options: ["simple", "compound"], en: "Interest", fr: "Intérêts" },
  { key: "maturity", kind: "date", en: "Maturity", fr: "Échéance" },
  { key: "cap", kind: "text", en: "Valuation cap", fr: "Plafond de valorisation" },
  {
    key: "capBasis",
    kind: "select",
    options: ["pre_money", "post_money"],
    en: "Cap basis",
    fr: "Base du plafond",
  },
  { key: "discount", kind: "text", en: "Discount (e.g. 20%)", fr: "Décote (par ex. 20 %)" },
  { key: "proRata", kind: "checkbox", en: "Pro-rata right", fr: "Droit au prorata" },
  {
    key: "id",
    kind: "text",
    en: "Id (note-<investor> when empty)",
    fr: "Identifiant (note-<investisseur> s’il est vide)",
  },
];

function text(values: FieldValues, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** A SAFE or a note, made by the CLI's own function (`add-safe`, `add-note`). */
function ConvertibleForm({
  kind,
  document,
  apply,
}: {
  kind: "safe" | "note";
  document: DealDocumentJson;
  apply: (result: AuthoringResult, done: AuthoringKey) => readonly FieldProblem[];
}) {
  const a = useAuthoringText();
  const fields = kind === "safe" ? SAFE_FIELDS : NOTE_FIELDS;
  const empty = {
    ...valuesOf(fields, undefined),
    safeType: "post_money",
    interest: "simple",
    capBasis: "pre_money",
  };
  const [values, setValues] = useState<FieldValues>(empty);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  return (
    <FieldsForm
      fields={fields}
      values={values}
      onChange={setValues}
      problems={problems}
      document={document}
      submitLabel={a("add")}
      onSubmit={() => {
        const common = {
          investor: text(values, "investor") ?? "",
          date: text(values, "date") ?? "",
          proRata: values.proRata === true,
          ...optional("id", text(values, "id")),
          ...optional("cap", text(values, "cap")),
          ...optional("discount", text(values, "discount")),
        };
        const result =
          kind === "safe"
            ? addConvertible(document, {
                kind: "safe",
                ...common,
                amount: text(values, "amount") ?? "",
                safeType: values.safeType === "pre_money" ? "pre_money" : "post_money",
                mfn: values.mfn === true,
              })
            : addConvertible(document, {
                kind: "note",
                ...common,
                principal: text(values, "principal") ?? "",
                interestRate: text(values, "interestRate") ?? "",
                interest: values.interest === "compound" ? "compound" : "simple",
                capBasis: values.capBasis === "post_money" ? "post_money" : "pre_money",
                ...optional("maturity", text(values, "maturity")),
              });
        const found = apply(result, "added");
        setProblems(found);
        if (found.length === 0) setValues(empty);
      }}
    />
  );
}

const ROUND_FIELDS: readonly FieldSpec[] = [
  {
    key: "name",
    kind: "text",
    en: "Round name (e.g. Series A)",
    fr: "Nom du tour (par ex. Série A)",
    required: true,
  },
  { key: "date", kind: "date", en: "Date", fr: "Date", required: true },
  {
    key: "price",
    kind: "select",
    options: ["preMoney", "postMoney", "pricePerShare"],
    en: "Priced by",
    fr: "Valorisé par",
  },
  {
    key: "priceValue",
    kind: "text",
    en: "Pre-money, post-money or price (e.g. $20M)",
    fr: "Pré-money, post-money ou prix (par ex. 20 M$)",
    required: true,
  },
  {
    key: "invest",
    kind: "map",
    en: "Investments, one a line: INVESTOR=AMOUNT",
    fr: "Investissements, un par ligne : INVESTISSEUR=MONTANT",
    required: true,
  },
  {
    key: "lead",
    kind: "text",
    en: "Lead investor (the first when empty)",
    fr: "Investisseur principal (le premier si vide)",
  },
  {
    key: "proRata",
    kind: "list",
    en: "Stakeholders buying their pro rata (comma-separated)",
    fr: "Parties prenantes exerçant leur prorata (séparées par des virgules)",
  },
  {
    key: "closings",
    kind: "map",
    en: "Closings, one a line: ID=YYYY-MM-DD",
    fr: "Closings, un par ligne : ID=AAAA-MM-JJ",
  },
  {
    key: "className",
    kind: "text",
    en: "Class name (<round> Preferred when empty)",
    fr: "Nom de la catégorie",
  },
  {
    key: "preferenceMultiple",
    kind: "text",
    en: "Preference multiple (1x when empty)",
    fr: "Multiple de préférence (1x si vide)",
  },
  {
    key: "participation",
    kind: "select",
    options: ["", "none", "full"],
    en: "Participation",
    fr: "Participation",
  },
  {
    key: "antiDilution",
    kind: "select",
    options: ["", "none", "broad_based_weighted_average", "narrow_based_weighted_average", "full_ratchet"],
    en: "Anti-dilution",
    fr: "Anti-dilution",
  },
  {
    key: "poolTarget",
    kind: "text",
    en: "Pool target after the round (e.g. 10%)",
    fr: "Réserve visée après le tour (par ex. 10 %)",
  },
  {
    key: "pool",
    kind: "ref",
    list: "pools",
    en: "Pool (the only one when empty)",
    fr: "Réserve (la seule si vide)",
  },
  {
    key: "id",
    kind: "text",
    en: "Id (from the name when empty)",
    fr: "Identifiant (tiré du nom s’il est vide)",
  },
];

/** A priced round, made by the CLI's own function (`add-round`), with pro rata and closings. */
function RoundForm({
  document,
  apply,
}: {
  document: DealDocumentJson;
  apply: (result: AuthoringResult, done: AuthoringKey) => readonly FieldProblem[];
}) {
  const a = useAuthoringText();
  const empty = { ...valuesOf(ROUND_FIELDS, undefined), price: "preMoney" };
  const [values, setValues] = useState<FieldValues>(empty);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const lines = (key: string) =>
    String(values[key] ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
  return (
    <FieldsForm
      fields={ROUND_FIELDS}
      values={values}
      onChange={setValues}
      problems={problems.map((p) =>
        // The CLI names the pricing `price` and the investments `invest`; the round's own fields map onto the form's.
        p.field === "preMoney" || p.field === "postMoney" || p.field === "pricePerShare"
          ? { ...p, field: "priceValue" }
          : p.field?.startsWith("investments")
            ? { ...p, field: "invest" }
            : p.field === "price"
              ? { ...p, field: "priceValue" }
              : p,
      )}
      document={document}
      submitLabel={a("add")}
      onSubmit={() => {
        const basis = String(values.price ?? "preMoney") as "preMoney" | "postMoney" | "pricePerShare";
        const priceValue = text(values, "priceValue");
        const proRata = String(values.proRata ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
        const participation =
          values.participation === "full" || values.participation === "none"
            ? values.participation
            : undefined;
        const antiDilution = text(values, "antiDilution") as
          | "none"
          | "broad_based_weighted_average"
          | "narrow_based_weighted_average"
          | "full_ratchet"
          | undefined;
        const result = addRound(document, {
          name: text(values, "name") ?? "",
          date: text(values, "date") ?? "",
          ...(priceValue === undefined ? {} : { [basis]: priceValue }),
          investments: lines("invest"),
          proRata,
          closings: lines("closings"),
          ...optional("lead", text(values, "lead")),
          ...optional("id", text(values, "id")),
          ...optional("className", text(values, "className")),
          ...optional("preferenceMultiple", text(values, "preferenceMultiple")),
          ...(participation ? { participation } : {}),
          ...(antiDilution ? { antiDilution } : {}),
          ...optional("poolTarget", text(values, "poolTarget")),
          ...optional("pool", text(values, "pool")),
        });
        const found = apply(result, "added");
        setProblems(found);
        if (found.length === 0) setValues(empty);
      }}
    />
  );
}
