import type { Deal } from "../../deal/build.js";
import { useI18n } from "../i18n/i18n.js";
import { NotYet } from "./NotYet.js";

export function ExitView(_: { deal: Deal }) {
  const { t } = useI18n();
  return <NotYet title={t("exit")} />;
}
