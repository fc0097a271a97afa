import { useState } from "react";
import { useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { checkNewDeal, type FieldProblem } from "../engine/deal-authoring.js";
import type { FieldSpec } from "../engine/record-fields.js";
import { useAuthoringText } from "../i18n/authoring-messages.js";
import { useI18n } from "../i18n/i18n.js";
import { FieldsForm, type FieldValues } from "./RecordForm.js";

const FIELDS: readonly FieldSpec[] = [
  { key: "name", kind: "text", en: "Company name", fr: "Nom de la société", required: true },
  {
    key: "currency",
    kind: "text",
    en: "Currency (ISO 4217, e.g. USD)",
    fr: "Devise (ISO 4217, par ex. EUR)",
    required: true,
  },
  { key: "formed", kind: "date", en: "Formation date", fr: "Date de création" },
  {
    key: "id",
    kind: "text",
    en: "Deal id (from the name when empty)",
    fr: "Identifiant du dossier (tiré du nom s’il est vide)",
  },
];

/** The server's slugs (src/server/context.ts Slug): lower case letters, digits and dashes. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

/**
 * A new deal from nothing (SPEC WEB-AUTH-1): the company, its currency and its formation date,
 * checked as the loader checks a deal file, stored as version 1 (`expectedVersion=0`), then
 * opened in the editor.
 */
export function NewDealView({ workspace }: { workspace: string }) {
  const a = useAuthoringText();
  const { t } = useI18n();
  const data = useDataAccess();
  const [values, setValues] = useState<FieldValues>({ name: "", currency: "USD", formed: "", id: "" });
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="new-deal-title" className="new-deal">
      <nav aria-label="breadcrumb" className="breadcrumb">
        <a href={href.workspaces()}>{t("workspaces")}</a> / <a href={href.deals(workspace)}>{workspace}</a>
      </nav>
      <h1 id="new-deal-title">{a("newDealTitle", { workspace })}</h1>
      <FieldsForm
        fields={FIELDS}
        values={values}
        onChange={setValues}
        problems={problems}
        document={{}}
        submitLabel={busy ? a("creating") : a("create")}
        onSubmit={async () => {
          const name = String(values.name ?? "").trim();
          const formed = String(values.formed ?? "").trim();
          const checkedDeal = checkNewDeal({
            name,
            currency: String(values.currency ?? "").trim(),
            ...(formed === "" ? {} : { formed }),
          });
          const typedId = String(values.id ?? "").trim();
          const id = typedId === "" ? slugOf(name) : typedId;
          const idProblems: FieldProblem[] =
            name !== "" && !SLUG.test(id) ? [{ field: "id", message: a("dealIdInvalid") }] : [];
          if (!checkedDeal.ok || idProblems.length > 0) {
            setProblems([...(checkedDeal.ok ? [] : checkedDeal.problems), ...idProblems]);
            return;
          }
          setBusy(true);
          const saved = await data.saveDeal(workspace, id, checkedDeal.document, 0);
          setBusy(false);
          if (!saved.ok) {
            setProblems([
              saved.kind === "conflict"
                ? { field: "id", message: saved.error.message }
                : { message: saved.error.message },
            ]);
            return;
          }
          window.location.hash = href.view(workspace, id, "edit");
        }}
      />
    </section>
  );
}
