import { useCallback, useMemo, useRef, useState } from "react";
import { formatPath } from "../../core/shared/problem.js";
import { type LoadResult, loadDeal } from "../../deal/load.js";
import type { DealDocumentJson, DealRecord } from "../api/contract.js";
import { dealDocumentText } from "../api/deal-text.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { type DealDraft, type RoundDraft, readDraft, writeDraft } from "../app/drafts.js";
import { href, type Route, UNAVAILABLE_VIEWS, type UnavailableView } from "../app/routes.js";
import { Failed, Loading } from "../components/Status.js";
import { applyRoundEdit } from "../engine/document-edit.js";
import type { RoundEdit } from "../engine/round-session.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { CapTableView } from "./CapTableView.js";
import { RoundBuilder } from "./RoundBuilder.js";

type DealRoute = Extract<Route, { name: "deal" }>;

const UNAVAILABLE_TITLES: Record<UnavailableView, MessageKey> = {
  claims: "sourcesAndClaims",
  scenarios: "scenarios",
  flows: "capitalFlows",
  exit: "exit",
};

function sameEdit(a: RoundEdit, b: RoundEdit): boolean {
  return (
    a.basis === b.basis &&
    a.valueText === b.valueText &&
    a.poolTargetText === b.poolTargetText &&
    a.amountTexts.length === b.amountTexts.length &&
    a.amountTexts.every((text, i) => text === b.amountTexts[i])
  );
}

/** The document with the edits of every round written in, except `skipRound`'s. */
function documentWithEdits(
  document: DealDocumentJson,
  rounds: Readonly<Record<string, RoundDraft>>,
  skipRound?: string,
): DealDocumentJson {
  let doc = document;
  for (const [id, draft] of Object.entries(rounds)) {
    if (id === skipRound) continue;
    doc = applyRoundEdit(doc, id, draft.current, draft.initial) ?? doc;
  }
  return doc;
}

export type SaveState =
  | { readonly kind: "idle" }
  | { readonly kind: "saving" }
  | { readonly kind: "saved"; readonly version: number }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "conflict"; readonly currentVersion: number };

export function DealPage({ route }: { route: DealRoute }) {
  const data = useDataAccess();
  const [record, reload, replaceRecord] = useApi(
    () => data.getDeal(route.workspace, route.deal),
    [data, route.workspace, route.deal],
  );
  if (record.state === "loading") return <Loading />;
  if (record.state === "failed") return <Failed failure={record.failure} onRetry={reload} />;
  return <LoadedDeal route={route} record={record.value} reload={reload} replaceRecord={replaceRecord} />;
}

function LoadedDeal({
  route,
  record,
  reload,
  replaceRecord,
}: {
  route: DealRoute;
  record: DealRecord;
  reload: () => void;
  replaceRecord: (r: DealRecord) => void;
}) {
  const { t } = useI18n();
  const data = useDataAccess();
  const [draft, setDraftState] = useState<DealDraft>(
    () => readDraft(route.workspace, route.deal) ?? { baseVersion: record.version, rounds: {} },
  );
  const [restored, setRestored] = useState(() => Object.keys(draft.rounds).length > 0);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });

  const setDraft = useCallback(
    (next: DealDraft) => {
      setDraftState(next);
      writeDraft(route.workspace, route.deal, next);
    },
    [route.workspace, route.deal],
  );

  // Loading a document is the slow path (parse, validate, build): cache it per document text.
  const loads = useRef(new Map<string, LoadResult>());
  const load = useCallback(
    (doc: DealDocumentJson): LoadResult => {
      const text = dealDocumentText(doc);
      let result = loads.current.get(text);
      if (!result) {
        result = loadDeal(text, record.name);
        if (loads.current.size > 16) loads.current.clear();
        loads.current.set(text, result);
      }
      return result;
    },
    [record.name],
  );

  // The working document (the stored one with the unsaved edits written in) is only
  // loaded where it is shown (the cap table) or saved: never while a slider moves.
  const working = useMemo(
    () => documentWithEdits(record.document, draft.rounds),
    [record.document, draft.rounds],
  );
  const dirty = Object.values(draft.rounds).some((d) => !sameEdit(d.current, d.initial));
  const baseLoad = useMemo(() => load(record.document), [load, record.document]);
  // The round builder's deal: the other rounds' edits written in, reloaded only when those change.
  const roundId = route.view === "round" ? route.round : undefined;
  const otherEdits = JSON.stringify(Object.entries(draft.rounds).filter(([id]) => id !== roundId));
  // biome-ignore lint/correctness/useExhaustiveDependencies: otherEdits stands for the drafts of the other rounds.
  const sessionLoad = useMemo(
    () =>
      roundId === undefined ? undefined : load(documentWithEdits(record.document, draft.rounds, roundId)),
    [load, record.document, roundId, otherEdits],
  );

  const setRoundDraft = useCallback(
    (roundId: string, roundDraft: RoundDraft | undefined) => {
      const rounds = { ...draft.rounds };
      if (roundDraft) rounds[roundId] = roundDraft;
      else delete rounds[roundId];
      setDraft({ baseVersion: draft.baseVersion, rounds });
      setSave({ kind: "idle" });
    },
    [draft, setDraft],
  );

  const doSave = async (expectedVersion: number) => {
    const checked = load(working);
    if (!checked.ok) {
      setSave({ kind: "failed", message: checked.diagnostics.map((d) => d.message).join("; ") });
      return;
    }
    setSave({ kind: "saving" });
    const result = await data.saveDeal(route.workspace, route.deal, working, expectedVersion);
    if (result.ok) {
      setDraft({ baseVersion: result.value.version, rounds: {} });
      replaceRecord(result.value);
      setSave({ kind: "saved", version: result.value.version });
      setRestored(false);
      return;
    }
    if (result.kind === "conflict") setSave({ kind: "conflict", currentVersion: result.currentVersion });
    else setSave({ kind: "failed", message: result.error.message });
  };

  const discard = () => {
    setDraft({ baseVersion: record.version, rounds: {} });
    setSave({ kind: "idle" });
    setRestored(false);
  };

  const deal = baseLoad.ok ? baseLoad.deal : undefined;
  const company = deal?.ledger.company.name ?? record.company;
  const rounds = deal?.rounds ?? [];
  const workingLoad = route.view === "captable" ? load(working) : baseLoad;

  let content: React.ReactNode;
  if (!workingLoad.ok) {
    const diagnostics = workingLoad.diagnostics;
    content = (
      <div className="notice error" role="alert">
        <h2>{t("dealInvalid")}</h2>
        <ul>
          {diagnostics.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and keep their order.
            <li key={i}>
              {d.path && d.path.length > 0 ? <code>{formatPath(d.path)}</code> : null} {d.message}
            </li>
          ))}
        </ul>
      </div>
    );
  } else if (route.view === "captable" && workingLoad.ok) {
    content = <CapTableView deal={workingLoad.deal} route={route} />;
  } else if (roundId !== undefined && sessionLoad) {
    content = sessionLoad.ok ? (
      <RoundBuilder
        key={`${roundId}:${record.version}`}
        deal={sessionLoad.deal}
        roundId={roundId}
        draft={draft.rounds[roundId]}
        onDraft={(d) => setRoundDraft(roundId, d)}
        fileName={record.name}
      />
    ) : (
      <div className="notice error" role="alert">
        <h2>{t("dealInvalid")}</h2>
        <ul>
          {sessionLoad.diagnostics.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and keep their order.
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      </div>
    );
  } else {
    const view = route.view as UnavailableView;
    const title = t(UNAVAILABLE_TITLES[view]);
    content = (
      <section aria-labelledby="unavailable-title" className="unavailable">
        <h2 id="unavailable-title">{t("notAvailableTitle", { view: title })}</h2>
        <p>{t("notAvailableText")}</p>
      </section>
    );
  }

  return (
    <div className="deal-page">
      <nav aria-label="breadcrumb" className="breadcrumb no-print">
        <a href={href.workspaces()}>{t("workspaces")}</a> /{" "}
        <a href={href.deals(route.workspace)}>{route.workspace}</a>
      </nav>
      <h1 className="deal-title">{company}</h1>
      <nav aria-label={t("dealNav")} className="tabs no-print">
        <ul>
          <li>
            <a
              href={href.capTable(route.workspace, route.deal)}
              aria-current={route.view === "captable" ? "page" : undefined}
            >
              {t("capTable")}
            </a>
          </li>
          {rounds.map((r) => (
            <li key={r.id}>
              <a
                href={href.round(route.workspace, route.deal, r.id)}
                aria-current={route.view === "round" && route.round === r.id ? "page" : undefined}
              >
                {t("roundNav", { name: r.name })}
              </a>
            </li>
          ))}
          {UNAVAILABLE_VIEWS.map((v) => (
            <li key={v} className="unavailable-tab">
              <a
                href={href.view(route.workspace, route.deal, v)}
                aria-current={route.view === v ? "page" : undefined}
              >
                {t(UNAVAILABLE_TITLES[v])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SaveBar
        dirty={dirty}
        save={save}
        restored={restored}
        onSave={() => doSave(draft.baseVersion)}
        onSaveOver={(v) => doSave(v)}
        onDiscard={discard}
        onDiscardAndReload={() => {
          discard();
          reload();
        }}
      />
      {content}
    </div>
  );
}

function SaveBar({
  dirty,
  save,
  restored,
  onSave,
  onSaveOver,
  onDiscard,
  onDiscardAndReload,
}: {
  dirty: boolean;
  save: SaveState;
  restored: boolean;
  onSave: () => void;
  onSaveOver: (version: number) => void;
  onDiscard: () => void;
  onDiscardAndReload: () => void;
}) {
  const { t } = useI18n();
  if (!dirty && save.kind !== "saved") return null;
  return (
    <div className="save-bar no-print" aria-live="polite">
      {save.kind === "saved" && !dirty ? <p className="ok">{t("saved", { version: save.version })}</p> : null}
      {dirty ? (
        <>
          {restored ? (
            <p>
              {t("draftRestored")}{" "}
              <button type="button" className="link-button" onClick={onDiscard}>
                {t("discardDraft")}
              </button>
            </p>
          ) : null}
          <p>{t("unsaved")}</p>
          <div className="buttons">
            <button type="button" onClick={onSave} disabled={save.kind === "saving"}>
              {save.kind === "saving" ? t("saving") : t("save")}
            </button>
            <button type="button" className="secondary" onClick={onDiscard}>
              {t("discardDraft")}
            </button>
          </div>
          {save.kind === "failed" ? (
            <p className="field-error" role="alert">
              {t("saveFailed", { message: save.message })}
            </p>
          ) : null}
          {save.kind === "conflict" ? (
            <div className="notice warning" role="alert">
              <p>{t("saveConflict", { version: save.currentVersion })}</p>
              <div className="buttons">
                <button type="button" onClick={() => onSaveOver(save.currentVersion)}>
                  {t("saveOver", { version: save.currentVersion })}
                </button>
                <button type="button" className="secondary" onClick={onDiscardAndReload}>
                  {t("discardAndReload")}
                </button>
              </div>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
