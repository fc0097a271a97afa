import type { Deal } from "../../deal/build.js";
import { useI18n } from "../i18n/i18n.js";
import { NotYet } from "./NotYet.js";

export function SimulationView(_: { deal: Deal; documentText: string }) {
  const { t } = useI18n();
  return <NotYet title={t("monteCarlo")} />;
}
