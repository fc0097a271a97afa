import { useId, useState } from "react";
import { recogniseHeader } from "../../interchange/spreadsheet/headers.js";
import { FIELDS } from "../../interchange/spreadsheet/mapping.js";
import { readWorkbook } from "../../interchange/spreadsheet/read-workbook.js";
import type { Sheet, Workbook } from "../../interchange/spreadsheet/sheet.js";
import type { ImportPreviewResponse, ImportRequest, ProblemBody } from "../api/contract.js";
import { useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { useI18n } from "../i18n/i18n.js";

/** Rows of the sheet shown under its headers. */
const PREVIEW_ROWS = 5;

type Choice = "auto" | "ignore" | (typeof FIELDS)[number];

/** The server's slugs: lower case letters, digits and dashes. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const TEXT = {
  en: {
    title: "Import a cap table from a spreadsheet",
    intro:
      "A CSV or XLSX file: the template (one row per holding), a summary by holder and class, or a ledger of issuances. Headers are recognised in English and French; say which column is which when one is not.",
    file: "Spreadsheet (CSV or XLSX)",
    sheet: "Sheet",
    headerRow: "Header row",
    preview: "The first rows",
    mapping: "Columns",
    column: "Column",
    recognised: "Recognised as",
    readAs: "Read as",
    auto: "as recognised",
    unrecognised: "not recognised",
    ignore: "ignore this column",
    company: "Company name (when the sheet has none)",
    currency: "Currency (ISO 4217)",
    dealId: "Deal id",
    check: "Check the import",
    importIt: "Import as a new deal",
    checked:
      "{holders} holder(s), {classes} class(es), {transactions} transaction(s) read from {sheet} ({layout} layout).",
    warnings: "Warnings",
    problems: "The import was refused; nothing was written:",
    dealIdInvalid: "a deal id is lower case letters, digits and dashes, e.g. acme-robotics",
  },
  fr: {
    title: "Importer une table de capitalisation d’un tableur",
    intro:
      "Un fichier CSV ou XLSX : le modèle (une ligne par détention), une synthèse par détenteur et catégorie, ou un registre des émissions. Les en-têtes sont reconnus en français et en anglais ; dites quelle colonne est quoi quand l’une ne l’est pas.",
    file: "Tableur (CSV ou XLSX)",
    sheet: "Feuille",
    headerRow: "Ligne des en-têtes",
    preview: "Les premières lignes",
    mapping: "Colonnes",
    column: "Colonne",
    recognised: "Reconnue comme",
    readAs: "Lue comme",
    auto: "comme reconnue",
    unrecognised: "non reconnue",
    ignore: "ignorer cette colonne",
    company: "Nom de la société (si le tableur ne le donne pas)",
    currency: "Devise (ISO 4217)",
    dealId: "Identifiant du dossier",
    check: "Vérifier l’import",
    importIt: "Importer comme nouveau dossier",
    checked:
      "{holders} détenteur(s), {classes} catégorie(s), {transactions} opération(s) lus de {sheet} (disposition {layout}).",
    warnings: "Avertissements",
    problems: "L’import est refusé ; rien n’a été écrit :",
    dealIdInvalid:
      "un identifiant de dossier s’écrit en minuscules, chiffres et tirets, par ex. acme-robotics",
  },
} as const;

function cellText(sheet: Sheet, row: number, column: number): string {
  return sheet.rows[row]?.[column]?.text ?? "";
}

/** The first row with at least two non-empty cells: where headers usually are. */
function guessHeaderRow(sheet: Sheet): number {
  const index = sheet.rows.findIndex((r) => r.filter((c) => c !== undefined && c.text !== "").length >= 2);
  return index < 0 ? 1 : index + 1;
}

/**
 * Importing a spreadsheet (SPEC WEB-AUTH-5, docs/spec/import.md): the file is read in the
 * page by the import's own reader to preview its first rows; each header shows what the
 * import recognises it as, and a column can be mapped to a field or ignored (a mapping
 * file, as `roundtable import --map` reads it); the server then checks the import (every
 * problem naming sheet, row and column, nothing written) and stores it as a new deal.
 */
export function ImportView({ workspace }: { workspace: string }) {
  const { locale, t } = useI18n();
  const x = TEXT[locale];
  const data = useDataAccess();
  const id = useId();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array; workbook: Workbook }>();
  const [readProblems, setReadProblems] = useState<readonly string[]>([]);
  const [sheetName, setSheetName] = useState<string>();
  const [headerRow, setHeaderRow] = useState(1);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [company, setCompany] = useState("");
  const [currency, setCurrency] = useState("");
  const [dealId, setDealId] = useState("");
  const [result, setResult] = useState<
    | { kind: "checked"; value: ImportPreviewResponse }
    | { kind: "refused"; message: string; problems: readonly ProblemBody[] }
  >();
  const sheet = file?.workbook.sheets.find((s) => s.name === sheetName) ?? file?.workbook.sheets[0];
  const headers =
    sheet === undefined
      ? []
      : (sheet.rows[headerRow - 1] ?? [])
          .map((c, i) => ({ index: i, text: c?.text ?? "" }))
          .filter((h) => h.text !== "");

  const request = (): ImportRequest => {
    const columns: Record<string, string[]> = {};
    const ignore: string[] = [];
    for (const h of headers) {
      const choice = choices[h.text] ?? "auto";
      if (choice === "ignore") ignore.push(h.text);
      else if (choice !== "auto") columns[choice] = [...(columns[choice] ?? []), h.text];
    }
    const mapping: Record<string, unknown> = { headerRow };
    if (Object.keys(columns).length > 0)
      mapping.columns = Object.fromEntries(
        Object.entries(columns).map(([k, v]) => [k, v.length === 1 ? v[0] : v]),
      );
    if (ignore.length > 0) mapping.ignore = ignore;
    return {
      name: file?.name ?? "upload",
      ...(sheet && file?.workbook.kind === "xlsx" ? { sheet: sheet.name } : {}),
      ...(company.trim() === "" ? {} : { company: company.trim() }),
      ...(currency.trim() === "" ? {} : { currency: currency.trim() }),
      mapping: JSON.stringify(mapping),
    };
  };

  const show = (r: Awaited<ReturnType<typeof data.previewImport>>) => {
    if (r.ok) setResult({ kind: "checked", value: r.value });
    else setResult({ kind: "refused", message: r.error.message, problems: r.error.problems ?? [] });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="import-view deal-editor">
      <nav aria-label="breadcrumb" className="breadcrumb">
        <a href={href.workspaces()}>{t("workspaces")}</a> / <a href={href.deals(workspace)}>{workspace}</a>
      </nav>
      <h1 id={`${id}-title`}>{x.title}</h1>
      <p className="muted">{x.intro}</p>
      <div className="field">
        <label htmlFor={`${id}-file`} className="field-label">
          {x.file}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={async (e) => {
            const chosen = e.currentTarget.files?.[0];
            setResult(undefined);
            if (!chosen) return;
            const bytes = new Uint8Array(await chosen.arrayBuffer());
            const read = await readWorkbook(bytes, chosen.name, chosen.name.replace(/\.[^.]*$/, ""));
            if (!read.ok) {
              setFile(undefined);
              setReadProblems(read.problems.map((p) => p.message));
              return;
            }
            setReadProblems([]);
            setFile({ name: chosen.name, bytes, workbook: read.workbook });
            const first = read.workbook.sheets[0];
            setSheetName(first?.name);
            setHeaderRow(first ? guessHeaderRow(first) : 1);
            setChoices({});
            setDealId(
              chosen.name
                .replace(/\.[^.]*$/, "")
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, "-")
                .replace(/^-+|-+$/g, ""),
            );
          }}
        />
      </div>
      {readProblems.length > 0 ? (
        <ul className="field-error" role="alert">
          {readProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {file && sheet ? (
        <>
          <div className="record-fields">
            {file.workbook.sheets.length > 1 ? (
              <div className="field">
                <label htmlFor={`${id}-sheet`} className="field-label">
                  {x.sheet}
                </label>
                <select
                  id={`${id}-sheet`}
                  value={sheet.name}
                  onChange={(e) => {
                    const next = file.workbook.sheets.find((s) => s.name === e.currentTarget.value);
                    setSheetName(e.currentTarget.value);
                    if (next) setHeaderRow(guessHeaderRow(next));
                    setChoices({});
                  }}
                >
                  {file.workbook.sheets.map((s) => (
                    <option key={s.name}>{s.name}</option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor={`${id}-header`} className="field-label">
                {x.headerRow}
              </label>
              <input
                id={`${id}-header`}
                type="number"
                min={1}
                max={Math.max(1, sheet.rows.length)}
                value={headerRow}
                onChange={(e) => setHeaderRow(Math.max(1, Number.parseInt(e.currentTarget.value, 10) || 1))}
              />
            </div>
          </div>
          <h2>{x.preview}</h2>
          <ScrollRegion label={x.preview}>
            <table className="data" id="import-preview">
              <caption>
                {file.name} — {sheet.name}
              </caption>
              <thead>
                <tr>
                  {headers.map((h) => (
                    <th key={h.index} scope="col">
                      {h.text}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: PREVIEW_ROWS }, (_, k) => headerRow + k)
                  .filter((row) => row < sheet.rows.length)
                  .map((row) => (
                    <tr key={row}>
                      {headers.map((h) => (
                        <td key={h.index}>{cellText(sheet, row, h.index)}</td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollRegion>
          <h2>{x.mapping}</h2>
          <ScrollRegion label={x.mapping}>
            <table className="data" id="import-mapping">
              <thead>
                <tr>
                  <th scope="col">{x.column}</th>
                  <th scope="col">{x.recognised}</th>
                  <th scope="col">{x.readAs}</th>
                </tr>
              </thead>
              <tbody>
                {headers.map((h) => {
                  const meaning = recogniseHeader(h.text);
                  const selectId = `${id}-map-${h.index}`;
                  return (
                    <tr key={h.index} className={meaning ? undefined : "unrecognised"}>
                      <th scope="row">
                        <label htmlFor={selectId}>{h.text}</label>
                      </th>
                      <td>{meaning ? meaning.field : <strong>{x.unrecognised}</strong>}</td>
                      <td>
                        <select
                          id={selectId}
                          value={choices[h.text] ?? "auto"}
                          onChange={(e) =>
                            setChoices({ ...choices, [h.text]: e.currentTarget.value as Choice })
                          }
                        >
                          <option value="auto">
                            {meaning ? `${x.auto} (${meaning.field})` : `— ${x.unrecognised}`}
                          </option>
                          <option value="ignore">{x.ignore}</option>
                          {FIELDS.map((f) => (
                            <option key={f} value={f}>
                              {f}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          <div className="record-fields">
            <div className="field">
              <label htmlFor={`${id}-company`} className="field-label">
                {x.company}
              </label>
              <input
                id={`${id}-company`}
                type="text"
                value={company}
                onChange={(e) => setCompany(e.currentTarget.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-currency`} className="field-label">
                {x.currency}
              </label>
              <input
                id={`${id}-currency`}
                type="text"
                value={currency}
                onChange={(e) => setCurrency(e.currentTarget.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-deal`} className="field-label">
                {x.dealId}
              </label>
              <input
                id={`${id}-deal`}
                type="text"
                value={dealId}
                onChange={(e) => setDealId(e.currentTarget.value)}
              />
            </div>
          </div>
          <div className="buttons">
            <button
              type="button"
              className="secondary"
              onClick={async () => show(await data.previewImport(file.bytes, request()))}
            >
              {x.check}
            </button>
            <button
              type="button"
              onClick={async () => {
                if (!SLUG.test(dealId)) {
                  setResult({ kind: "refused", message: x.dealIdInvalid, problems: [] });
                  return;
                }
                const saved = await data.importDeal(workspace, dealId, file.bytes, request());
                if (saved.ok) window.location.hash = href.capTable(workspace, dealId);
                else
                  setResult({
                    kind: "refused",
                    message: saved.error.message,
                    problems: saved.error.problems ?? [],
                  });
              }}
            >
              {x.importIt}
            </button>
          </div>
          <div aria-live="polite">
            {result?.kind === "checked" ? (
              <div className="notice" role="status">
                <p>
                  {x.checked
                    .replace("{holders}", String(result.value.counts.holders ?? 0))
                    .replace("{classes}", String(result.value.counts.classes ?? 0))
                    .replace("{transactions}", String(result.value.counts.transactions ?? 0))
                    .replace("{sheet}", result.value.sheet)
                    .replace("{layout}", result.value.layout)}
                </p>
                {result.value.warnings.length > 0 ? (
                  <>
                    <h3>{x.warnings}</h3>
                    <ul>
                      {result.value.warnings.map((w) => (
                        <li key={w.message}>{w.message}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            ) : null}
            {result?.kind === "refused" ? (
              <div className="notice error" role="alert">
                <p>{x.problems}</p>
                <p>{result.message}</p>
                {result.problems.length > 0 ? (
                  <ul>
                    {result.problems.map((p) => (
                      <li key={`${p.code}:${p.message}`}>{p.message}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
