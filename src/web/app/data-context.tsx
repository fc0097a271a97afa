import {
  createContext,
  type DependencyList,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
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

const loadedOf = <T,>(result: ApiResult<T>): Loaded<T> =>
  result.ok ? { state: "ok", value: result.value } : { state: "failed", failure: result };

const sameDeps = (a: DependencyList, b: DependencyList) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Runs a data-access call when `deps` change; the latest answer wins. `answered` is the answer
 * of a request made earlier (the page's first requests, app/prefetch.ts), when it has already
 * come: it is the first state, and the call is not made for the first deps (SPEC WEB-20: the
 * first view is drawn with its figures, not as "Loading" replaced a moment later).
 */
export function useApi<T>(
  call: () => Promise<ApiResult<T>>,
  deps: DependencyList,
  answered?: ApiResult<T>,
): [Loaded<T>, () => void, (value: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>(() =>
    answered === undefined ? { state: "loading" } : loadedOf(answered),
  );
  const [generation, setGeneration] = useState(0);
  // The deps the answer given was for; StrictMode's second run of the effect finds them too.
  const answeredFor = useRef(answered === undefined ? undefined : deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to call again.
  useEffect(() => {
    if (answeredFor.current && generation === 0 && sameDeps(answeredFor.current, deps)) return;
    answeredFor.current = undefined;
    let current = true;
    setLoaded({ state: "loading" });
    call().then((result) => {
      if (!current) return;
      setLoaded(loadedOf(result));
    });
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((value: T) => setLoaded({ state: "ok", value }), []);
  return [loaded, reload, replace];
}
