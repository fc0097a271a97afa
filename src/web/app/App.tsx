import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { type DataAccess, failure } from "../api/data-access.js";
import { Failed, Loading } from "../components/Status.js";
import { I18nProvider, useI18n } from "../i18n/i18n.js";
import { LOCALES, type Locale } from "../i18n/number-format.js";
import { AccessView } from "../views/AccessView.js";
import { DealsView } from "../views/DealsView.js";
import { InvitationView } from "../views/InvitationView.js";
import { LoginView } from "../views/LoginView.js";
import { WorkspacesView } from "../views/WorkspacesView.js";
import { DataAccessProvider, useApi, useDataAccess } from "./data-context.js";
import type { DataMode } from "./data-mode.js";
import { type DealPageModule, dealPage, dealPageLoaded } from "./deal-page-module.js";
import { takeSessionPrefetch } from "./prefetch.js";
import { href, useRoute } from "./routes.js";

/**
 * The deal page's module once loaded; asked for as soon as a deal's address is open, while the
 * session is asked for. Not React.lazy: a lazy component suspends, and React holds a revealed
 * Suspense boundary back for a few hundred milliseconds, on the page's first view.
 */
function useDealPageModule(wanted: boolean): DealPageModule | "failed" | undefined {
  const [loaded, setLoaded] = useState<DealPageModule | "failed" | undefined>(dealPageLoaded);
  useEffect(() => {
    if (!wanted || loaded !== undefined) return;
    let current = true;
    dealPage().then(
      (m) => current && setLoaded(m),
      () => current && setLoaded("failed"),
    );
    return () => {
      current = false;
    };
  }, [wanted, loaded]);
  return loaded;
}
const ImportView = lazy(() => import("../views/ImportView.js").then((m) => ({ default: m.ImportView })));
const NewDealView = lazy(() => import("../views/NewDealView.js").then((m) => ({ default: m.NewDealView })));

export function App({
  dataAccess,
  mode,
  locale,
}: {
  dataAccess: DataAccess;
  mode: DataMode;
  locale?: Locale;
}) {
  return (
    <I18nProvider {...(locale ? { initial: locale } : {})}>
      <DataAccessProvider value={dataAccess}>
        <Shell mode={mode} />
      </DataAccessProvider>
    </I18nProvider>
  );
}

const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

function Shell({ mode }: { mode: DataMode }) {
  const { t, locale, setLocale } = useI18n();
  const data = useDataAccess();
  const route = useRoute();
  // The session asked for as the page started (app/boot.ts), its answer if already come; else asked now.
  const [session] = useState(takeSessionPrefetch);
  const unusedSession = useRef(session?.settled ? undefined : session);
  const [me, reloadMe] = useApi(
    () => {
      const asked = unusedSession.current;
      unusedSession.current = undefined;
      return asked?.answer ?? data.me();
    },
    [data],
    session?.settled,
  );
  const signedOut = me.state === "failed" && me.failure.status === 401;
  const dealModule = useDealPageModule(route.name === "deal");
  const where =
    route.name === "deal"
      ? `${route.deal} — ${route.view === "round" ? (route.round ?? "") : route.view}`
      : route.name === "deals"
        ? route.workspace
        : route.name === "access"
          ? `${route.workspace} — ${t("access")}`
          : route.name === "workspaces"
            ? t("workspaces")
            : "";
  const title = where ? `${where} — roundtable` : "roundtable";
  useEffect(() => {
    document.title = title;
  }, [title]);

  let content: React.ReactNode;
  // An invitation is redeemed by someone who has no password yet (SPEC WEB-AUTH-4).
  if (route.name === "invitation") content = <InvitationView code={route.code} onSignedIn={reloadMe} />;
  // A deal's page asks for the deal while the session is asked for (the server refuses it
  // to no one signed in, who then gets the sign-in page).
  else if (me.state === "loading" && route.name !== "deal") content = <Loading />;
  else if (signedOut || route.name === "login") content = <LoginView onSignedIn={reloadMe} />;
  else if (me.state === "failed") content = <Failed failure={me.failure} onRetry={reloadMe} />;
  else if (route.name === "workspaces") content = <WorkspacesView />;
  else if (route.name === "deals") content = <DealsView workspace={route.workspace} />;
  else if (route.name === "access") content = <AccessView workspace={route.workspace} />;
  else if (route.name === "import")
    content = (
      <Suspense fallback={<Loading />}>
        <ImportView workspace={route.workspace} />
      </Suspense>
    );
  else if (route.name === "new_deal")
    content = (
      <Suspense fallback={<Loading />}>
        <NewDealView workspace={route.workspace} />
      </Suspense>
    );
  else if (route.name === "deal")
    content =
      dealModule === undefined ? (
        <Loading />
      ) : dealModule === "failed" ? (
        <Failed failure={failure(0, "network", t("moduleFailed"))} onRetry={() => window.location.reload()} />
      ) : (
        <dealModule.DealPage key={`${route.workspace}/${route.deal}`} route={route} />
      );
  else
    content = (
      <section aria-labelledby="not-found">
        <h1 id="not-found">{t("notFound")}</h1>
        <p>{t("notFoundText")}</p>
        <a href={href.workspaces()}>{t("backToWorkspaces")}</a>
      </section>
    );

  return (
    <>
      <button type="button" className="skip-link" onClick={() => document.getElementById("content")?.focus()}>
        {t("skipToContent")}
      </button>
      <header className="app-header no-print">
        <a className="brand" href={href.workspaces()}>
          {t("appName")}
        </a>
        <div className="header-tools">
          <label className="inline-field">
            <span>{t("language")}</span>
            <select value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          {me.state === "ok" ? (
            <span className="user">
              {t("signedInAs", { name: me.value.username })}{" "}
              <button
                type="button"
                className="link-button"
                onClick={async () => {
                  await data.logout();
                  reloadMe();
                }}
              >
                {t("signOut")}
              </button>
            </span>
          ) : null}
        </div>
      </header>
      {mode === "memory" ? (
        <p className="banner no-print" role="note">
          {t("memoryBanner")}
        </p>
      ) : null}
      <main id="content" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}
