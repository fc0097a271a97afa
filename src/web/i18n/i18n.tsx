import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { fill, MESSAGES, type MessageKey } from "./messages.js";
import { LOCALES, type Locale } from "./number-format.js";

const STORAGE_KEY = "roundtable:locale";

/** The interface language: the one chosen before (kept in localStorage), else the browser's first French or English. */
export function preferredLocale(languages: readonly string[], stored: string | null): Locale {
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  for (const language of languages) {
    const primary = language.toLowerCase().split("-")[0];
    if (primary === "fr") return "fr";
    if (primary === "en") return "en";
  }
  return "en";
}

export interface I18n {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(
    () => initial ?? preferredLocale(globalThis.navigator?.languages ?? [], readStored()),
  );
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => fill(MESSAGES[locale][key], values),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
