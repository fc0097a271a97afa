import { useId, useMemo } from "react";
import { type FlowsExactReport, workspaceFlowsOf } from "../../app/flows-report.js";
import type { Ref } from "../../app/use-case.js";
import { compactMoney, type Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { DealRecord } from "../api/contract.js";
import { useIncludedDeals } from "../app/use-included-deals.js";
import { type SankeyLink, sankeyOption } from "../charts/options.js";
import { Chart } from "../components/Chart.js";
import { MoneyCell } from "../components/MoneyCell.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { Failed, Loading } from "../components/Status.js";
import { loadStoredWorkspace } from "../engine/workspace-load.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatPercent } from "../i18n/number-format.js";

/** The standard scenarios' names in the interface's language ("le scénario de base", as the CLI says). */
const SCENARIO_KEYS = { low: "scenarioLow", base: "scenarioBase", high: "scenarioHigh" } as const;

/**
 * A workspace's capital flows (`roundtable flows`), from the flows use case's typed report
 * (workspaceFlowsOf, src/app/flows-report.ts): a Sankey of the money from investments and
 * agreements, with its table, and the round-trip metrics of every investment, the
 * suppliers' share of each round, the agreements and every party's net cash; parties,
 * companies, rounds and agreements by the names their references carry, amounts compact
 * with the exact amount in the cell's title. The companies given by `file:` are the
 * workspace's other stored deals.
 */
export function FlowsView({ workspace, record }: { workspace: string; record: DealRecord }) {
  const { t } = useI18n();
  const [included, reload] = useIncludedDeals(workspace, record);

  const result = useMemo(() => {
    if (included.state !== "ok") return undefined;
    const loaded = loadStoredWorkspace(record, included.value);
    if (!loaded.ok) return { ok: false as const, messages: loaded.diagnostics.map((d) => d.message) };
    const report = workspaceFlowsOf(loaded.workspace);
    if (!report.ok) return { ok: false as const, messages: report.problems.map((p) => p.message) };
    return { ok: true as const, report: report.value };
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
  return <FlowsReportView report={result.report} />;
}

/** An amount paid from one party to another, as the Sankey's table lists it. */
interface MoneyFlow {
  readonly from: Ref;
  readonly to: Ref;
  readonly amount: Money;
  readonly key: string;
  /** The investment's round or the agreement's kind and name. */
  readonly label: string;
  /** True when the label holds the deal file's English words (an agreement's kind). */
  readonly english: boolean;
}

/** A payer's and a receiver's node in the Sankey: each party appears on both sides, so that a round trip draws. */
const payerNode = (party: string) => `${party}:pays`;
const receiverNode = (party: string) => `${party}:receives`;

function FlowsReportView({ report }: { report: FlowsExactReport }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const percent = (x: Rational) => formatPercent(x, 2, locale);
  // Every amount of money between two parties, named by its references: an investment by
  // its round, an agreement by its kind and name.
  const flows = useMemo(
    () =>
      report.edges.flatMap((e): MoneyFlow[] =>
        e.kind === "investment"
          ? [
              {
                from: e.from,
                to: e.to,
                amount: e.amount,
                key: `investment:${e.round.id}`,
                label: `${t("investment")} (${e.round.name})`,
                english: false,
              },
            ]
          : e.kind === "agreement" && e.amount
            ? [
                {
                  from: e.from,
                  to: e.to,
                  amount: e.amount,
                  key: `agreement:${e.agreement.id}`,
                  label: `${e.type.replaceAll("_", " ")} (${e.agreement.name})`,
                  english: true,
                },
              ]
            : [],
      ),
    [report, t],
  );
  const nodes = useMemo(() => {
    const payers = new Map(flows.map((f) => [f.from.id, f.from]));
    const receivers = new Map(flows.map((f) => [f.to.id, f.to]));
    return [
      ...[...payers.values()].map((p) => ({ id: payerNode(p.id), party: p, payer: true })),
      ...[...receivers.values()].map((p) => ({ id: receiverNode(p.id), party: p, payer: false })),
    ];
  }, [flows]);
  // One band per payer and receiver for drawing (the table lists every flow).
  const bands = useMemo<SankeyLink[]>(() => {
    const sums = new Map<string, { source: string; target: string; value: Money; labels: string[] }>();
    for (const f of flows) {
      const source = payerNode(f.from.id);
      const target = receiverNode(f.to.id);
      const key = `${source}→${target}`;
      const s = sums.get(key);
      if (s) {
        s.value = { ...s.value, amount: s.value.amount.add(f.amount.amount) };
        s.labels.push(f.label);
      } else sums.set(key, { source, target, value: f.amount, labels: [f.label] });
    }
    return [...sums.values()].map((s) => ({
      source: s.source,
      target: s.target,
      value: s.value.amount.toDecimalString(18),
      shown: compactMoney(s.value, locale),
      label: s.labels.join(", "),
    }));
  }, [flows, locale]);
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
          Math.max(...[true, false].map((payer) => nodes.filter((n) => n.payer === payer).length)) * 48,
        )}
        option={sankeyOption(
          nodes.map((n) => ({
            id: n.id,
            name: t(n.payer ? "partyPays" : "partyReceives", { name: n.party.name }),
            label: n.party.name,
            payer: n.payer,
          })),
          bands,
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
              {flows.map((f) => (
                <tr key={`${f.from.id}→${f.to.id}:${f.key}`}>
                  <td>{f.from.name}</td>
                  <td>{f.to.name}</td>
                  <td lang={f.english ? "en" : undefined}>{f.label}</td>
                  <MoneyCell value={f.amount} />
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
                key={`${m.company.id}/${m.round.id}/${m.investor.id}`}
                data-investment={`${m.investor.id}@${m.company.id}/${m.round.id}`}
              >
                <th scope="row">
                  {t("investmentIn", { investor: m.investor.name, company: m.company.name })}
                </th>
                <td>{m.round.name}</td>
                <MoneyCell value={m.gross} />
                <MoneyCell value={m.returned} />
                {m.returnedProfit === undefined ? (
                  <td className="num">{t("noMargin")}</td>
                ) : (
                  <MoneyCell value={m.returnedProfit} />
                )}
                <MoneyCell value={m.netCash} />
                <td className="num">{percent(m.roundTripRatio)}</td>
                {/* A price per share is read to four places, not compact ($23.0400, not $23.04). */}
                <td className="num">
                  {m.effectivePricePerShare ? formatMoney(m.effectivePricePerShare, 4, locale) : ""}
                </td>
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
              <tr key={`${r.company.id}/${r.round.id}`} data-round={`${r.company.id}/${r.round.id}`}>
                <th scope="row">
                  {r.company.name} {r.round.name}
                </th>
                <MoneyCell value={r.newMoney} />
                <MoneyCell value={r.fromSuppliers} />
                <td className="num">{percent(r.supplierShare)}</td>
                <td>{r.suppliers.map((p) => p.name).join(", ")}</td>
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
              <tr key={a.agreement.id} data-agreement={a.agreement.id}>
                <th scope="row">{a.agreement.name}</th>
                <td lang="en">{String(a.kind).replaceAll("_", " ")}</td>
                <td>
                  {a.payer.name} → {a.payee.name}
                </td>
                {a.value ? <MoneyCell value={a.value} /> : <td className="num">{t("unknown")}</td>}
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
              <tr key={n.party.id} data-party={n.party.id}>
                <th scope="row">{n.party.name}</th>
                <MoneyCell value={n.net} />
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
