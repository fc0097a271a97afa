// A deal's pages load on demand (SPEC WEB-20): the sign-in page and the lists come without
// the deal format's loader, the engine or the views.
export type DealPageModule = typeof import("../views/DealPage.js");

let loaded: DealPageModule | undefined;
let loading: Promise<DealPageModule> | undefined;

/** Loads the deal page's code, once (a failed load is asked again on the next call). */
export function dealPage(): Promise<DealPageModule> {
  loading ??= import("../views/DealPage.js").then(
    (m) => {
      loaded = m;
      return m;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The deal page's code when it has loaded, else undefined. */
export function dealPageLoaded(): DealPageModule | undefined {
  return loaded;
}
