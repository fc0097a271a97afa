import type { ApiFailure } from "../api/data-access.js";
import { useI18n } from "../i18n/i18n.js";

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {t("loading")}
    </p>
  );
}

export function Failed({ failure, onRetry }: { failure: ApiFailure; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice error" role="alert">
      <p>{t("requestFailed", { message: failure.error.message })}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}
