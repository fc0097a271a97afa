import { useApi, useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { Failed, Loading } from "../components/Status.js";
import { useI18n } from "../i18n/i18n.js";

export function WorkspacesView() {
  const { t } = useI18n();
  const data = useDataAccess();
  const [workspaces, reload] = useApi(() => data.listWorkspaces(), [data]);
  return (
    <section aria-labelledby="workspaces-title">
      <h1 id="workspaces-title">{t("workspaces")}</h1>
      <p>{t("workspacesIntro")}</p>
      {workspaces.state === "loading" ? <Loading /> : null}
      {workspaces.state === "failed" ? <Failed failure={workspaces.failure} onRetry={reload} /> : null}
      {workspaces.state === "ok" ? (
        workspaces.value.length === 0 ? (
          <p>{t("noWorkspaces")}</p>
        ) : (
          <ul className="card-list">
            {workspaces.value.map((w) => (
              <li key={w.id}>
                <a href={href.deals(w.id)}>{w.name}</a>{" "}
                <span className="muted">{t("role", { role: w.role })}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
