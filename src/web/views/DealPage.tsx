import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { DealDocumentJson, DealRecord } from "../api/contract.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { type EarlyCapTable, earlyCapTable, storedCapTable } from "../app/early-cap-table.js";
import { takeDealPrefetch } from "../app/prefetch.js";
import { href, WORKSPACE_VIEWS } from "../app/routes.js";
import { ReportFileProvider } from "../components/ReportFiles.js";
import { Failed, Loading } from "../components/Status.js";
import { useI18n } from "../i18n/i18n.js";
import { useWorkspaceRole } from "./AccessView.js";
import { StoredCapTableView } from "./CapTableView.js";
import { DealFrame, type DealRoute, VIEW_TITLES } from "./DealFrame.js";

// The page first draws the stored deal's cap table from the server's report, without the
// deal format's loader or the engine (SPEC WEB-20); they load with the first view that
// computes in the page (the round builder, claims, scenarios, Monte Carlo, exit, the editor,
// the history, an investor's position) or when unsaved edits are held, and stay loaded.
const loadedDeal = () => import("./LoadedDeal.js");
const LoadedDeal = lazy(() => loadedDeal().then((m) => ({ default: m.LoadedDeal })));
const ExposureView = lazy(() => import("./ExposureView.js").then((m) => ({ default: m.ExposureView })));
const FlowsView = lazy(() => import("./FlowsView.js").then((m) => ({ default: m.FlowsView })));

/** A workspace document (several companies and their agreements, SPEC FLOW-1) rather than one company's deal. */
export function isWorkspaceDocument(document: DealDocumentJson): boolean {
  return "workspace" in document;
}

export function DealPage({ route }: { route: DealRoute }) {
  const data = useDataAccess();
  // The requests the page made for this address as it started, else made now: the stored
  // cap table is asked for with the deal, not after it.
  const [prefetched] = useState(() => {
    const taken = takeDealPrefetch(route.workspace, route.deal);
    return { record: taken?.record, capTable: taken ? taken.capTable : earlyCapTable(data, route) };
  });
  // An answer already come draws the page with it; one still to come is waited for, once.
  const answered = prefetched.record?.settled;
  const unused = useRef(answered ? undefined : prefetched.record);
  const [record, reload, replaceRecord] = useApi(
    () => {
      const asked = unused.current;
      unused.current = undefined;
      return asked?.answer ?? data.getDeal(route.workspace, route.deal);
    },
    [data, route.workspace, route.deal],
    answered,
  );
  const early = prefetched.capTable;
  if (record.state === "loading") return <Loading />;
  if (record.state === "failed") return <Failed failure={record.failure} onRetry={reload} />;
  if (isWorkspaceDocument(record.value.document))
    return <WorkspaceDealPage route={route} record={record.value} />;
  return (
    <CompanyDealPage
      route={route}
      record={record.value}
      reload={reload}
      replaceRecord={replaceRecord}
      early={early}
    />
  );
}

function CompanyDealPage({
  route,
  record,
  reload,
  replaceRecord,
  early,
}: {
  route: DealRoute;
  record: DealRecord;
  reload: () => void;
  replaceRecord: (r: DealRecord) => void;
  early: EarlyCapTable | undefined;
}) {
  const role = useWorkspaceRole(route.workspace);
  // Once loaded, the deal stays loaded (its cache, the save's state), whatever view follows.
  const [engine, setEngine] = useState(() => !storedCapTable(route));
  const needed = engine || !storedCapTable(route);
  useEffect(() => {
    if (needed) setEngine(true);
  }, [needed]);
  const frame = { route, record, owner: role === "owner", investor: role === "investor" };
  if (!needed)
    return (
      <DealFrame {...frame}>
        {frame.investor ? (
          <StoredCapTableView route={route} version={record.version} early={early} />
        ) : (
          // The stored version's files (SPEC WEB-PDF-1): nothing is unsaved on this path.
          <ReportFileProvider
            subject={{
              workspace: route.workspace,
              deal: route.deal,
              version: record.version,
              unsaved: undefined,
              working: record.document,
            }}
          >
            <StoredCapTableView route={route} version={record.version} early={early} />
          </ReportFileProvider>
        )}
      </DealFrame>
    );
  return (
    <Suspense
      fallback={
        <DealFrame {...frame}>
          <Loading />
        </DealFrame>
      }
    >
      <LoadedDeal route={route} record={record} reload={reload} replaceRecord={replaceRecord} />
    </Suspense>
  );
}

/** A workspace document: its companies' capital flows (SPEC FLOW-1), read-only here. */
function WorkspaceDealPage({ route, record }: { route: DealRoute; record: DealRecord }) {
  const { t } = useI18n();
  const name = (record.document.workspace as { name?: unknown } | undefined)?.name;
  return (
    <div className="deal-page">
      <nav aria-label="breadcrumb" className="breadcrumb no-print">
        <a href={href.workspaces()}>{t("workspaces")}</a> /{" "}
        <a href={href.deals(route.workspace)}>{route.workspace}</a>
      </nav>
      <h1 className="deal-title">{typeof name === "string" ? name : record.name}</h1>
      <nav aria-label={t("dealNav")} className="tabs no-print">
        <ul>
          {WORKSPACE_VIEWS.map((v) => (
            <li key={v}>
              <a
                href={href.view(route.workspace, route.deal, v)}
                aria-current={(route.view === "exposure" ? "exposure" : "flows") === v ? "page" : undefined}
              >
                {t(VIEW_TITLES[v])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading />}>
        {route.view === "exposure" ? (
          <ExposureView workspace={route.workspace} record={record} />
        ) : (
          <FlowsView workspace={route.workspace} record={record} />
        )}
      </Suspense>
    </div>
  );
}
