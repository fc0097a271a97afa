import { type IsoDate, parseIsoDate } from "../../core/shared/date.js";
import type { CapTableOwnership } from "../../report/captable-read.js";
import type { DataAccess } from "../api/data-access.js";
import { type Asked, ask } from "./asked.js";
import { draftIsEmpty, readDraft } from "./drafts.js";
import type { Route } from "./routes.js";

type DealRoute = Extract<Route, { name: "deal" }>;

/** The stored cap table asked for before its view is drawn, at the date the address named then. */
export interface EarlyCapTable extends Asked<CapTableOwnership> {
  readonly asOf: IsoDate | undefined;
}

/** The date the route asks the cap table at (`?asOf=`), when it is one. */
export function capTableDate(route: DealRoute): IsoDate | undefined {
  const text = route.query.get("asOf") ?? "";
  return text === "" ? undefined : parseIsoDate(text);
}

/**
 * True when the route's view is the stored deal's cap table with no unsaved edit held: drawn
 * from the server's report, without the deal engine (SPEC WEB-20).
 */
export function storedCapTable(route: DealRoute): boolean {
  if (route.view !== "captable") return false;
  const draft = readDraft(route.workspace, route.deal);
  return draft === undefined || draftIsEmpty(draft);
}

/** Asks for the stored cap table the route shows, when it shows one. */
export function earlyCapTable(data: DataAccess, route: DealRoute): EarlyCapTable | undefined {
  if (!storedCapTable(route)) return undefined;
  const asOf = capTableDate(route);
  return Object.assign(ask(data.capTableReport(route.workspace, route.deal, asOf)), { asOf });
}
