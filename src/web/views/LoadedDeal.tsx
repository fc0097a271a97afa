import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { capTableOf } from "../../app/captable.js";
import { sameEdit } from "../../app/round-session.js";
import { formatPath } from "../../core/shared/problem.js";
import type { Deal } from "../../deal/build.js";
import { type LoadResult, loadDeal } from "../../deal/load.js";
import { capTableOwnershipOf } from "../../report/captable-read.js";
import type { DealDocumentJson, DealRecord } from "../api/contract.js";
import { dealDocumentText } from "../api/deal-text.js";
import { useDataAccess } from "../app/data-context.js";
import {
  type DealDraft,
  draftIsEmpty,
  type IngestedAddition,
  type RoundDraft,
  readDraft,
  writeDraft,
} from "../app/drafts.js";
import { capTableDate } from "../app/early-cap-table.js";
import { href } from "../app/routes.js";
import { ProblemText } from "../components/ProblemText.js";
import { ReportFileProvider } from "../components/ReportFiles.js";
import { Loading } from "../components/Status.js";
import { applyIngested, applyRoundEdit } from "../engine/document-edit.js";
import { useI18n } from "../i18n/i18n.js";
import { useWorkspaceRole } from "./AccessView.js";
import { type CapTableResult, CapTableView, StoredCapTableView } from "./CapTableView.js";
import { CloseRoundAction } from "./CloseRoundAction.js";
import { DealFrame, type DealRoute, roundTabsOf } from "./DealFrame.js";

// The deal page with the deal loaded in the page (SPEC WEB-20): the deal format's loader, the
// engine and every view beside the stored cap table, loaded on demand by DealPage.
const ClaimsView = lazy(() => import("./ClaimsView.js").then((m) => ({ default: m.ClaimsView })));
const ExitView = lazy(() => import("./ExitView.js").then((m) => ({ default: m.ExitView })));
const InvestorView = lazy(() => import("./InvestorView.js").then((m) => ({ default: m.InvestorView })));
const RoundBuilder = lazy(() => import("./RoundBuilder.js").then((m) => ({ default: m.RoundBuilder })));
const ScenariosView = lazy(() => import("./ScenariosView.js").then((m) => ({ default: m.ScenariosView })));
const DealEditor = lazy(() => import("./DealEditor.js").then((m) => ({ default: m.DealEditor })));
const HistoryView = lazy(() => import("./HistoryView.js").then((m) => ({ default: m.HistoryView })));
const SimulationView = lazy(() => import("./SimulationView.js").then((m) => ({ default: m.SimulationView })));

/** The document with the edits of every round written in, except `skipRound`'s, and the ingested sources added. */
function documentWithEdits(
  document: DealDocumentJson,
  rounds: Readonly<Record<string, RoundDraft>>,
  ingested: readonly IngestedAddition[],
  skipRound?: string,
): DealDocumentJson {
  let doc = applyIngested(document, ingested);
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

export function LoadedDeal({
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
  const role = useWorkspaceRole(route.workspace);
  const owner = role === "owner";
  // An investor's document holds its own rows only: the views that compute on the whole deal
  // in the page would mislead; its own figures come from the server (SPEC WEB-23).
  const investor = role === "investor";
  const [draft, setDraftState] = useState<DealDraft>(
    () => readDraft(route.workspace, route.deal) ?? { baseVersion: record.version, rounds: {} },
  );
  const [restored, setRestored] = useState(() => !draftIsEmpty(draft));
  const ingested = useMemo(() => draft.ingested ?? [], [draft.ingested]);
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
    () => documentWithEdits(record.document, draft.rounds, ingested),
    [record.document, draft.rounds, ingested],
  );
  const dirty =
    Object.values(draft.rounds).some((d) => !sameEdit(d.current, d.initial)) || ingested.length > 0;
  // The round builder's deal: the other rounds' edits written in, reloaded only when those change.
  const roundId = route.view === "round" ? route.round : undefined;
  const otherEdits = JSON.stringify([
    Object.entries(draft.rounds).filter(([id]) => id !== roundId),
    ingested,
  ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: otherEdits stands for the drafts of the other rounds and the ingested sources.
  const sessionLoad = useMemo(
    () =>
      roundId === undefined
        ? undefined
        : load(documentWithEdits(record.document, draft.rounds, ingested, roundId)),
    [load, record.document, roundId, otherEdits],
  );

  const setRoundDraft = useCallback(
    (roundId: string, roundDraft: RoundDraft | undefined) => {
      const rounds = { ...draft.rounds };
      if (roundDraft) rounds[roundId] = roundDraft;
      else delete rounds[roundId];
      setDraft({ ...draft, rounds });
      setSave({ kind: "idle" });
    },
    [draft, setDraft],
  );

  const addIngested = useCallback(
    (addition: IngestedAddition) => {
      setDraft({ ...draft, ingested: [...ingested, addition] });
      setSave({ kind: "idle" });
    },
    [draft, ingested, setDraft],
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

  // Every view but the round builder (which has its own session) shows the working document;
  // the stored version's cap table is the server's (none is loaded for it here).
  const workingLoad =
    route.view === "captable" && !dirty
      ? undefined
      : route.view === "round" || route.view === "edit" || route.view === "history"
        ? load(record.document)
        : load(working);

  let content: React.ReactNode;
  // The editor shows a document that does not load itself, with its YAML to correct it.
  if (route.view === "edit" && !investor) {
    content = (
      <DealEditor
        workspace={route.workspace}
        deal={route.deal}
        record={record}
        base={working}
        onSaved={(saved) => {
          setDraft({ baseVersion: saved.version, rounds: {} });
          replaceRecord(saved);
        }}
      />
    );
  } else if (route.view === "history" && !investor) {
    content = (
      <HistoryView
        workspace={route.workspace}
        deal={route.deal}
        record={record}
        dirty={dirty}
        onReverted={(saved) => replaceRecord(saved)}
      />
    );
  } else if (route.view === "mine" && investor) {
    // The investor's figures are the server's; its own document (which may not load on its
    // own, without the round's shared price) only gives what it invested.
    content = (
      <InvestorView
        workspace={route.workspace}
        dealId={route.deal}
        deal={workingLoad?.ok ? workingLoad.deal : undefined}
      />
    );
  } else if (!workingLoad) {
    // The stored version's cap table is the server's, as on the page's first load; an
    // investor's document holds its own rows only and need not load on its own.
    content = <StoredCapTableView route={route} version={record.version} />;
  } else if (!workingLoad.ok) {
    const diagnostics = workingLoad.diagnostics;
    content = (
      <div className="notice error" role="alert">
        <h2>{t("dealInvalid")}</h2>
        <ul>
          {diagnostics.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and keep their order.
            <li key={i} title={d.path && d.path.length > 0 ? formatPath(d.path) : undefined}>
              <ProblemText problem={d} />
            </li>
          ))}
        </ul>
      </div>
    );
  } else if (route.view === "captable") {
    content = <WorkingCapTableView deal={workingLoad.deal} route={route} />;
  } else if (route.view === "claims") {
    content = <ClaimsView deal={workingLoad.deal} onAccept={addIngested} route={route} />;
  } else if (route.view === "scenarios") {
    content = <ScenariosView deal={workingLoad.deal} />;
  } else if (route.view === "simulate") {
    content = <SimulationView deal={workingLoad.deal} documentText={dealDocumentText(working)} />;
  } else if (route.view === "exit") {
    content = <ExitView deal={workingLoad.deal} />;
  } else if (roundId !== undefined && sessionLoad) {
    content = sessionLoad.ok ? (
      <>
        <RoundBuilder
          key={`${roundId}:${record.version}`}
          deal={sessionLoad.deal}
          roundId={roundId}
          draft={draft.rounds[roundId]}
          onDraft={(d) => setRoundDraft(roundId, d)}
          fileName={record.name}
          linkQuery={route.query}
        />
        <CloseRoundAction
          workspace={route.workspace}
          deal={route.deal}
          round={roundId}
          roundName={roundTabsOf(record.document).find((r) => r.id === roundId)?.name ?? roundId}
          record={record}
          unsaved={dirty}
          onClosed={(closed) => {
            setDraft({ baseVersion: closed.version, rounds: {} });
            replaceRecord(closed);
          }}
        />
      </>
    ) : (
      <div className="notice error" role="alert">
        <h2>{t("dealInvalid")}</h2>
        <ul>
          {sessionLoad.diagnostics.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and keep their order.
            <li key={i}>
              <ProblemText problem={d} />
            </li>
          ))}
        </ul>
      </div>
    );
  } else {
    content = (
      <section aria-labelledby="unavailable-title" className="unavailable">
        <h2 id="unavailable-title">{t("capitalFlows")}</h2>
        <p>{t("flowsNeedWorkspace")}</p>
        <a href={href.deals(route.workspace)}>{t("dealsIn", { workspace: route.workspace })}</a>
      </section>
    );
  }

  return (
    <DealFrame route={route} record={record} owner={owner} investor={investor}>
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
      {investor ? (
        // Investors read their own JSON views; the files show the whole deal (REP-8).
        <Suspense fallback={<Loading />}>{content}</Suspense>
      ) : (
        <ReportFileProvider
          subject={{
            workspace: route.workspace,
            deal: route.deal,
            version: record.version,
            unsaved: dirty ? working : undefined,
            working,
          }}
        >
          <Suspense fallback={<Loading />}>{content}</Suspense>
        </ReportFileProvider>
      )}
    </DealFrame>
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

/** The cap table of the working document (the stored deal with the unsaved edits), computed in the page as `captable` computes it. */
function WorkingCapTableView({ deal, route }: { deal: Deal; route: DealRoute }) {
  const asOf = capTableDate(route);
  const result = useMemo<CapTableResult>(() => {
    const report = capTableOf(deal, asOf ? { asOf } : {});
    return report.ok
      ? { ok: true, report: capTableOwnershipOf(report.value) }
      : { ok: false, problems: report.problems };
  }, [deal, asOf]);
  return <CapTableView route={route} result={result} />;
}
