import { useApi, useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { Failed, Loading } from "../components/Status.js";
import { useAuthoringText } from "../i18n/authoring-messages.js";
import { useI18n } from "../i18n/i18n.js";
import { formatInteger } from "../i18n/number-format.js";
import { useIsOwner } from "./AccessView.js";

export function DealsView({ workspace }: { workspace: string }) {
  const { t, locale } = useI18n();
  const a = useAuthoringText();
  const data = useDataAccess();
  const [deals, reload] = useApi(() => data.listDeals(workspace), [data, workspace]);
  const owner = useIsOwner(workspace);
  return (
    <section aria-labelledby="deals-title">
      <nav aria-label="breadcrumb" className="breadcrumb">
        <a href={href.workspaces()}>{t("workspaces")}</a>
      </nav>
      <h1 id="deals-title">{t("dealsIn", { workspace })}</h1>
      {owner ? (
        <p>
          <a href={href.access(workspace)}>{t("access")}</a>
        </p>
      ) : null}
      <p>
        <a href={href.newDeal(workspace)}>{a("newDeal")}</a> ·{" "}
        <a href={href.importDeal(workspace)}>{a("importSpreadsheet")}</a>
      </p>
      {deals.state === "loading" ? <Loading /> : null}
      {deals.state === "failed" ? <Failed failure={deals.failure} onRetry={reload} /> : null}
      {deals.state === "ok" ? (
        deals.value.length === 0 ? (
          <p>{t("noDeals")}</p>
        ) : (
          <table className="data cards">
            <thead>
              <tr>
                <th scope="col">{t("dealColumn")}</th>
                <th scope="col">{t("companyColumn")}</th>
                <th scope="col" className="num">
                  {t("versionColumn")}
                </th>
                <th scope="col">{t("updatedColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {deals.value.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={href.capTable(workspace, d.id)}>{d.name}</a>
                  </th>
                  <td data-label={t("companyColumn")}>{d.company}</td>
                  <td className="num" data-label={t("versionColumn")}>
                    {formatInteger(BigInt(d.version), locale)}
                  </td>
                  <td data-label={t("updatedColumn")}>{d.updatedAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
