import { useId, useMemo } from "react";
import type { Currency } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { flowModelOf, flowsReport } from "../../report/flows-report.js";
import type { DealRecord } from "../api/contract.js";
import { useIncludedDeals } from "../app/use-included-deals.js";
import { type SankeyLink, sankeyOption } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { Failed, Loading } from "../components/Status.js";
import { loadStoredWorkspace } from "../engine/workspace-load.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatPercent } from "../i18n/number-format.js";

type FlowsReport = ReturnType<typeof flowsReport>;

/** The standard scenarios' names in the interface's language ("le scénario de base", as the CLI says). */
const SCENARIO_KEYS = { low: "scenarioLow", base: "scenarioBase", high: "scenarioHigh" } as const;

/**
 * A workspace's capital flows (`roundtable flows`, flowsReport): a Sankey of the money
 * from investments and agreements, with its table, and the round-trip metrics of every
 * investment, the suppliers' share of each round, the agreements and every party's net
 * cash. The companies given by `file:` are the workspace's other stored deals.
 */
export function FlowsView({ workspace, record }: { workspace: string; record: DealRecord }) {
  const { t } = useI18n();
  const [included, reload] = useIncludedDeals(workspace, record);

  const result = useMemo(() => {
    if (included.state !== "ok") return undefined;
    const loaded = loadStoredWorkspace(record, included.value);
    if (!loaded.ok) return { ok: false as const, messages: loaded.diagnostics.map((d) => d.message) };
    const model = flowModelOf(loaded.workspace);
    if (!model.ok) return { ok: false as const, messages: model.problems.map((p) => p.message) };
    // A round is shown by its name ("2026 mega-round"), the report's JSON holding its id.
    const roundNames = new Map(
      [...loaded.workspace.rounds].flatMap(([company, rounds]) =>
        rounds.map((r) => [`${company}/${r.id}`, r.name] as const),
      ),
    );
    return { ok: true as const, report: flowsReport(loaded.workspace, model.value), roundNames };
  }, [record, included]);

  if (included.state === "loading") return <Loading />;
  if (included.state === "failed") return <Failed failure={included.failure} onRetry={reload} />;
  if (!result) return <Loading />;
  if (!result.ok) {
    return (
      <div className="notice error" role="alert">
        <h2>{t("dealInvalid")}</h2>
        <ul>
          {result.messages.map((m) => (
            <li key={m} lang="en">
              {m}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <FlowsReportView report={result.report} roundNames={result.roundNames} />;
}

function FlowsReportView({
  report,
  roundNames,
}: {
  report: FlowsReport;
  /** Each round's name by `company/round` id. */
  roundNames: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useI18n();
  const roundName = (company: string, round: string) => roundNames.get(`${company}/${round}`) ?? round;
  const ids = useId();
  const currency = report.currency as Currency;
  const money = (text: string | null) =>
    text === null
      ? t("unknown")
      : formatMoney({ kind: "money", currency, amount: Rational.parse(text)! }, 0, locale);
  const price = (text: string | null) =>
    text === null ? "" : formatMoney({ kind: "money", currency, amount: Rational.parse(text)! }, 4, locale);
  const percent = (text: string) => formatPercent(Rational.parse(text)!, 2, locale);
  const nameOf = (id: string) => report.parties.find((p) => p.id === id)?.name ?? id;
  const nodeName = (id: string) => {
    const node = report.sankey.nodes.find((n) => n.id === id);
    if (!node) return id;
    return t(id.endsWith(":pays") ? "partyPays" : "partyReceives", { name: nameOf(node.party) });
  };
  // One band per payer and receiver for drawing (the table lists every flow).
  const bands = useMemo<SankeyLink[]>(() => {
    const sums = new Map<string, { source: string; target: string; value: Rational; labels: string[] }>();
    for (const l of report.sankey.links) {
      const key = `${l.source}→${l.target}`;
      const s = sums.get(key) ?? { source: l.source, target: l.target, value: Rational.ZERO, labels: [] };
      s.value = s.value.add(Rational.parse(l.value)!);
      s.labels.push(l.label);
      sums.set(key, s);
    }
    return [...sums.values()].map((s) => ({
      source: s.source,
      target: s.target,
      value: s.value.toDecimalString(18),
      label: s.labels.join(", "),
    }));
  }, [report]);
  const title = t("flowsChart");

  return (
    <section aria-labelledby={`${ids}-title`} className="flows">
      <h2 id={`${ids}-title`}>{t("flowsTitle", { workspace: report.workspace })}</h2>
      {report.scenario ? (
        <p>
          {t("flowsScenario", {
            scenario:
              report.scenario.name in SCENARIO_KEYS
                ? t(SCENARIO_KEYS[report.scenario.name as keyof typeof SCENARIO_KEYS]).toLocaleLowerCase(
                    locale,
                  )
                : report.scenario.name,
          })}
        </p>
      ) : null}
      <Chart
        title={title}
        height={Math.max(
          320,
          Math.max(
            ...[":pays", ":receives"].map((s) => report.sankey.nodes.filter((n) => n.id.endsWith(s)).length),
          ) * 48,
        )}
        option={sankeyOption(
          report.sankey.nodes.map((n) => ({
            id: n.id,
            name: nodeName(n.id),
            label: nameOf(n.party),
            payer: n.id.endsWith(":pays"),
          })),
          bands,
          (v) => money(v),
        )}
        table={
          <table className="data compact" id="flows-links">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("payer")}</th>
                <th scope="col">{t("payee")}</th>
                <th scope="col">{t("flowKind")}</th>
                <th scope="col" className="num">
                  {t("amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.sankey.links.map((l) => (
                <tr key={`${l.source}→${l.target}:${l.label}`}>
                  <td>{nameOf(l.source.replace(/:pays$/, ""))}</td>
                  <td>{nameOf(l.target.replace(/:receives$/, ""))}</td>
                  <td lang="en">{l.label}</td>
                  <td className="num">{money(l.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <ScrollRegion label={t("scrollableTable", { table: t("roundTripTitle") })}>
        <table className="data" id="flows-investments">
          <caption>{t("roundTripTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("investment")}</th>
              <th scope="col">{t("roundColumn")}</th>
              <th scope="col" className="num">
                {t("invested")}
              </th>
              <th scope="col" className="num">
                {t("returned")}
              </th>
              <th scope="col" className="num">
                {t("returnedProfit")}
              </th>
              <th scope="col" className="num">
                {t("netCash")}
              </th>
              <th scope="col" className="num">
                {t("roundTripRatio")}
              </th>
              <th scope="col" className="num">
                {t("netPricePerShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.investments.map((m) => (
              <tr
                key={`${m.company}/${m.round}/${m.investor}`}
                data-investment={`${m.investor}@${m.company}/${m.round}`}
              >
                <th scope="row">
                  {t("investmentIn", { investor: nameOf(m.investor), company: nameOf(m.company) })}
                </th>
                <td>{roundName(m.company, m.round)}</td>
                <td className="num">{money(m.gross)}</td>
                <td className="num">{money(m.returned)}</td>
                <td className="num">{m.returnedProfit === null ? t("noMargin") : money(m.returnedProfit)}</td>
                <td className="num">{money(m.netCash)}</td>
                <td className="num">{percent(m.roundTripRatio)}</td>
                <td className="num">{price(m.effectivePricePerShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <ScrollRegion label={t("scrollableTable", { table: t("supplierShareTitle") })}>
        <table className="data compact" id="flows-rounds">
          <caption>{t("supplierShareTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("roundColumn")}</th>
              <th scope="col" className="num">
                {t("newMoney")}
              </th>
              <th scope="col" className="num">
                {t("fromSuppliers")}
              </th>
              <th scope="col" className="num">
                {t("share")}
              </th>
              <th scope="col">{t("suppliers")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rounds.map((r) => (
              <tr key={`${r.company}/${r.round}`} data-round={`${r.company}/${r.round}`}>
                <th scope="row">
                  {nameOf(r.company)} {roundName(r.company, r.round)}
                </th>
                <td className="num">{money(r.newMoney)}</td>
                <td className="num">{money(r.fromSuppliers)}</td>
                <td className="num">{percent(r.supplierShare)}</td>
                <td>{r.suppliers.map(nameOf).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <ScrollRegion label={t("scrollableTable", { table: t("agreements") })}>
        <table className="data compact" id="flows-agreements">
          <caption>{t("agreements")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agreement")}</th>
              <th scope="col">{t("flowKind")}</th>
              <th scope="col">{t("payerToPayee")}</th>
              <th scope="col" className="num">
                {t("amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.agreements.map((a) => (
              <tr key={a.id} data-agreement={a.id}>
                <th scope="row">{a.name}</th>
                <td lang="en">{String(a.kind).replaceAll("_", " ")}</td>
                <td>
                  {nameOf(a.payer)} → {nameOf(a.payee)}
                </td>
                <td className="num">{money(a.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <ScrollRegion label={t("scrollableTable", { table: t("netCashTitle") })}>
        <table className="data compact" id="flows-net-cash">
          <caption>{t("netCashTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("party")}</th>
              <th scope="col" className="num">
                {t("net")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.netCash.map((n) => (
              <tr key={n.party} data-party={n.party}>
                <th scope="row">{n.name}</th>
                <td className="num">{money(n.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
