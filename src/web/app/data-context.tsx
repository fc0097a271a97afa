import { createContext, type DependencyList, useCallback, useContext, useEffect, useState } from "react";
import type { ApiFailure, ApiResult, DataAccess } from "../api/data-access.js";

const DataAccessContext = createContext<DataAccess | undefined>(undefined);

export const DataAccessProvider = DataAccessContext.Provider;

export function useDataAccess(): DataAccess {
  const value = useContext(DataAccessContext);
  if (!value) throw new Error("useDataAccess outside DataAccessProvider");
  return value;
}

export type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "ok"; readonly value: T }
  | { readonly state: "failed"; readonly failure: ApiFailure };

/** Runs a data-access call when `deps` change; the latest answer wins. */
export function useApi<T>(
  call: () => Promise<ApiResult<T>>,
  deps: DependencyList,
): [Loaded<T>, () => void, (value: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to call again.
  useEffect(() => {
    let current = true;
    setLoaded({ state: "loading" });
    call().then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { state: "ok", value: result.value } : { state: "failed", failure: result });
    });
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((value: T) => setLoaded({ state: "ok", value }), []);
  return [loaded, reload, replace];
}
