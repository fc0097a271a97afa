import { useI18n } from "../i18n/i18n.js";

/** A view this build does not include yet. */
export function NotYet({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="unavailable-title" className="unavailable">
      <h2 id="unavailable-title">{t("notAvailableTitle", { view: title })}</h2>
      <p>{t("notAvailableText")}</p>
    </section>
  );
}
