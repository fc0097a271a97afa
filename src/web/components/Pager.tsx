import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n.js";

export const PAGE_SIZE = 50;

/** The current page of a long list and the controls to move through it. */
export function usePage<T>(
  items: readonly T[],
  resetKey: unknown,
): {
  readonly items: readonly T[];
  readonly page: number;
  readonly pages: number;
  readonly setPage: (page: number) => void;
} {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter or sort starts from the first page.
  useEffect(() => setPage(0), [resetKey]);
  const current = Math.min(page, pages - 1);
  return {
    items: items.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE),
    page: current,
    pages,
    setPage,
  };
}

export function Pager({
  page,
  pages,
  setPage,
  label,
}: {
  page: number;
  pages: number;
  setPage: (p: number) => void;
  label: string;
}) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pager no-print" aria-label={label}>
      <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
        {t("previousPage")}
      </button>
      <span aria-live="polite">{t("page", { page: page + 1, pages })}</span>
      <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages - 1}>
        {t("nextPage")}
      </button>
    </nav>
  );
}
