import type { DealRecord } from "../api/contract.js";
import { useI18n } from "../i18n/i18n.js";
import { NotYet } from "./NotYet.js";

export function FlowsView(_: { workspace: string; record: DealRecord }) {
  const { t } = useI18n();
  return <NotYet title={t("capitalFlows")} />;
}
