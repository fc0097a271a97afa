import type { ReactNode } from "react";
import type { DealDocumentJson, DealRecord } from "../api/contract.js";
import {
  ANALYSIS_VIEWS,
  type AnalysisView,
  AUTHORING_VIEWS,
  href,
  INVESTOR_VIEWS,
  type Route,
  WORKSPACE_VIEWS,
} from "../app/routes.js";
import { ShareWithInvestors } from "../components/SharedDocuments.js";
import { useAuthoringText } from "../i18n/authoring-messages.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";

export type DealRoute = Extract<Route, { name: "deal" }>;

export const VIEW_TITLES: Record<AnalysisView, MessageKey> = {
  claims: "sourcesAndClaims",
  scenarios: "scenarios",
  simulate: "monteCarlo",
  flows: "capitalFlows",
  exit: "exit",
  exposure: "exposure",
  mine: "myPosition",
};

/** A round as the deal page's tabs name it. */
export interface RoundTab {
  readonly id: string;
  readonly name: string;
}

/**
 * The rounds of a deal document, in date order as the deal format orders them (DEAL-1: a
 * stable sort on the round's date), read from the document itself so that the page's tabs
 * are drawn without loading the deal.
 */
export function roundTabsOf(document: DealDocumentJson): RoundTab[] {
  const rounds = Array.isArray(document.rounds) ? document.rounds : [];
  const tabs = rounds.flatMap((r) => {
    if (r === null || typeof r !== "object") return [];
    const { id, name, date } = r as { id?: unknown; name?: unknown; date?: unknown };
    if (typeof id !== "string") return [];
    return [{ id, name: typeof name === "string" ? name : id, date: typeof date === "string" ? date : "" }];
  });
  return tabs
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
    .map(({ id, name }) => ({ id, name }));
}

/**
 * The deal page around its view: the breadcrumb, the company, the owner's sharing action and
 * the tabs of the views the member is offered (an investor: the cap table and its own
 * position, SPEC WEB-23).
 */
export function DealFrame({
  route,
  record,
  owner,
  investor,
  children,
}: {
  route: DealRoute;
  record: DealRecord;
  owner: boolean;
  investor: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const a = useAuthoringText();
  const rounds = roundTabsOf(record.document);
  return (
    <div className="deal-page">
      <nav aria-label="breadcrumb" className="breadcrumb no-print">
        <a href={href.workspaces()}>{t("workspaces")}</a> /{" "}
        <a href={href.deals(route.workspace)}>{route.workspace}</a>
        {owner ? (
          <>
            {" "}
            · <a href={href.access(route.workspace)}>{t("access")}</a>
          </>
        ) : null}
      </nav>
      <h1 className="deal-title">{record.company || record.name}</h1>
      {owner ? (
        <ShareWithInvestors
          workspace={route.workspace}
          dealId={route.deal}
          company={record.company || record.name}
          version={record.version}
        />
      ) : null}
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
          {(investor ? [] : rounds).map((r) => (
            <li key={r.id}>
              <a
                href={href.round(route.workspace, route.deal, r.id)}
                aria-current={route.view === "round" && route.round === r.id ? "page" : undefined}
              >
                {t("roundNav", { name: r.name })}
              </a>
            </li>
          ))}
          {(investor
            ? INVESTOR_VIEWS
            : ANALYSIS_VIEWS.filter(
                (v) =>
                  !(WORKSPACE_VIEWS as readonly string[]).includes(v) &&
                  !(INVESTOR_VIEWS as readonly string[]).includes(v),
              )
          ).map((v) => (
            <li key={v}>
              <a
                href={href.view(route.workspace, route.deal, v)}
                aria-current={route.view === v ? "page" : undefined}
              >
                {t(VIEW_TITLES[v])}
              </a>
            </li>
          ))}
          {(investor ? [] : AUTHORING_VIEWS).map((v) => (
            <li key={v}>
              <a
                href={href.view(route.workspace, route.deal, v)}
                aria-current={route.view === v ? "page" : undefined}
              >
                {a(v === "edit" ? "editDeal" : "history")}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
