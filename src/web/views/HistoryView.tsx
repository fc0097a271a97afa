import { useId, useState } from "react";
import { Rational } from "../../core/exact/rational.js";
import type { DealRecord, DifferenceResponse } from "../api/contract.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { dateText } from "../components/DateField.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { Failed, Loading } from "../components/Status.js";
import { type AuthoringKey, useAuthoringText } from "../i18n/authoring-messages.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { formatDecimal, formatPercent, type Locale } from "../i18n/number-format.js";

/** A pro forma figure of the difference (its id in the JSON) in the interface's words. */
const FIGURE_KEYS = {
  price_per_share: "pricePerShare",
  pre_money: "preMoney",
  post_money: "postMoney",
  new_money: "newMoney",
} as const satisfies Record<string, MessageKey>;

/** A revision's action (the store's RevisionAction) in the interface's language; an unknown one as the server wrote it. */
const ACTION_TEXT: Readonly<Record<string, AuthoringKey>> = {
  create: "actionCreate",
  replace: "actionReplace",
  append_transaction: "actionAppendTransaction",
  append_round: "actionAppendRound",
  append_source: "actionAppendSource",
  close_round: "actionCloseRound",
  revert: "actionRevert",
  delete: "actionDelete",
};
/** A report's exact decimal string in the interface's language: an amount with its currency, or a fraction as a percent. */
function formatDecimalText(text: string, locale: Locale, unit: string): string {
  const value = Rational.parse(text);
  if (value === undefined) return text;
  return unit === "%" ? formatPercent(value, 4, locale) : `${formatDecimal(value, 4, locale)} ${unit}`;
}

const CHANGE_KEYS: Record<"added" | "removed" | "changed", AuthoringKey> = {
  added: "changeAdded",
  removed: "changeRemoved",
  changed: "changeChanged",
};

/**
 * A stored deal's versions (SPEC WEB-AUTH-3): who wrote each and when; the difference between
 * any two, as the server computes it (records added, removed or changed field by field,
 * and how the pro forma moved: its figures and each holder's fully diluted ownership);
 * and a revert to an earlier version, written as a new version so that nothing is lost.
 */
export function HistoryView({
  workspace,
  deal,
  record,
  dirty,
  onReverted,
}: {
  workspace: string;
  deal: string;
  record: DealRecord;
  /** Unsaved edits exist: a revert would leave them behind, so it waits. */
  dirty: boolean;
  onReverted: (record: DealRecord) => void;
}) {
  const a = useAuthoringText();
  const { locale } = useI18n();
  const data = useDataAccess();
  const id = useId();
  const [revisions, reload] = useApi(
    () => data.listRevisions(workspace, deal),
    [data, workspace, deal, record.version],
  );
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string }>();
  if (revisions.state === "loading") return <Loading />;
  if (revisions.state === "failed") return <Failed failure={revisions.failure} onRetry={reload} />;
  const list = revisions.value;
  const latest = list[list.length - 1]?.version ?? record.version;
  const fromVersion = from ?? Math.max(1, latest - 1);
  const toVersion = to ?? latest;

  const revert = async (version: number) => {
    const result = await data.revertDeal(workspace, deal, version, record.version);
    if (result.ok) {
      setStatus({ kind: "ok", text: a("reverted", { version, newVersion: result.value.version }) });
      setFrom(undefined);
      setTo(undefined);
      onReverted(result.value);
    } else setStatus({ kind: "error", text: result.error.message });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="history">
      <h2 id={`${id}-title`}>{a("historyTitle")}</h2>
      {status ? (
        <p
          className={status.kind === "ok" ? "ok" : "field-error"}
          role={status.kind === "ok" ? "status" : "alert"}
        >
          {status.text}
        </p>
      ) : null}
      {dirty ? <p className="notice warning">{a("unsavedFirst")}</p> : null}
      <ScrollRegion label={a("historyTitle")}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col" className="num">
                {a("version")}
              </th>
              <th scope="col">{a("action")}</th>
              <th scope="col">{a("author")}</th>
              <th scope="col">{a("when")}</th>
              <th scope="col">
                <span className="visually-hidden">{a("revertTo", { version: "" })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...list].reverse().map((r) => (
              <tr key={r.version}>
                <th scope="row" className="num">
                  {r.version}
                </th>
                <td data-action={r.action}>{ACTION_TEXT[r.action] ? a(ACTION_TEXT[r.action]!) : r.action}</td>
                <td>{r.author}</td>
                <td>
                  <time dateTime={r.createdAt}>
                    {dateText(r.createdAt.slice(0, 10), locale)} {r.createdAt.slice(11, 19)}
                  </time>
                </td>
                <td>
                  {r.version !== latest && r.action !== "delete" ? (
                    <button
                      type="button"
                      className="secondary"
                      disabled={dirty}
                      onClick={() => revert(r.version)}
                    >
                      {a("revertTo", { version: r.version })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3>{a("compare")}</h3>
      <div className="compare-pickers">
        <label className="inline-field">
          <span>{a("compareFrom")}</span>
          <select value={fromVersion} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
            {list.map((r) => (
              <option key={r.version} value={r.version}>
                {r.version}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{a("compareTo")}</span>
          <select value={toVersion} onChange={(e) => setTo(Number(e.currentTarget.value))}>
            {list.map((r) => (
              <option key={r.version} value={r.version}>
                {r.version}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Difference workspace={workspace} deal={deal} from={fromVersion} to={toVersion} />
    </section>
  );
}

function Difference({
  workspace,
  deal,
  from,
  to,
}: {
  workspace: string;
  deal: string;
  from: number;
  to: number;
}) {
  const data = useDataAccess();
  const [difference, reload] = useApi(
    () => data.dealDifference(workspace, deal, from, to),
    [data, workspace, deal, from, to],
  );
  if (difference.state === "loading") return <Loading />;
  if (difference.state === "failed") return <Failed failure={difference.failure} onRetry={reload} />;
  return <DifferenceTables difference={difference.value} />;
}

export function DifferenceTables({ difference }: { difference: DifferenceResponse }) {
  const a = useAuthoringText();
  const { t, locale } = useI18n();
  const pf = difference.proForma;
  return (
    <div className="difference" aria-live="polite">
      {difference.records.length === 0 ? <p>{a("noChange")}</p> : null}
      {difference.records.length > 0 ? (
        <ScrollRegion label={a("recordsChanged")}>
          <table className="data">
            <caption>{a("recordsChanged")}</caption>
            <thead>
              <tr>
                <th scope="col">{a("recordsChanged")}</th>
                <th scope="col">{a("field")}</th>
                <th scope="col">{a("before")}</th>
                <th scope="col">{a("after")}</th>
              </tr>
            </thead>
            <tbody>
              {difference.records.flatMap((r) => {
                const head = `${r.kind} ${r.name}${r.name === r.id ? "" : ` (${r.id})`} — ${a(CHANGE_KEYS[r.change])}`;
                if (r.fields.length === 0)
                  return [
                    <tr key={`${r.kind}:${r.id}`} className={`change-${r.change}`}>
                      <th scope="row">{head}</th>
                      <td />
                      <td />
                      <td />
                    </tr>,
                  ];
                return r.fields.map((f, i) => (
                  <tr key={`${r.kind}:${r.id}:${f.field}`} className={`change-${r.change}`}>
                    <th scope="row">{i === 0 ? head : ""}</th>
                    <td>
                      <code>{f.field}</code>
                    </td>
                    <td>{f.before ?? "—"}</td>
                    <td>{f.after ?? "—"}</td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {pf && pf.figures.length === 0 && pf.holders.length === 0 ? (
        <p>{a("proFormaUnmoved", { round: pf.round.after ?? pf.round.before ?? "" })}</p>
      ) : pf ? (
        <ScrollRegion label={a("proFormaMoved", { round: pf.round.after ?? pf.round.before ?? "" })}>
          <table className="data">
            <caption>{a("proFormaMoved", { round: pf.round.after ?? pf.round.before ?? "" })}</caption>
            <thead>
              <tr>
                <th scope="col">{a("figure")}</th>
                <th scope="col" className="num">
                  {a("before")}
                </th>
                <th scope="col" className="num">
                  {a("after")}
                </th>
              </tr>
            </thead>
            <tbody>
              {pf.figures.map((f) => (
                <tr key={f.figure}>
                  <th scope="row">
                    {f.figure in FIGURE_KEYS
                      ? t(FIGURE_KEYS[f.figure as keyof typeof FIGURE_KEYS])
                      : f.figure.replaceAll("_", " ")}
                  </th>
                  <td className="num">
                    {f.before === undefined ? "—" : formatDecimalText(f.before, locale, f.currency)}
                  </td>
                  <td className="num">
                    {f.after === undefined ? "—" : formatDecimalText(f.after, locale, f.currency)}
                  </td>
                </tr>
              ))}
              {pf.holders.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{h.name}</th>
                  <td className="num">
                    {h.before === undefined ? "—" : formatDecimalText(h.before, locale, "%")}
                  </td>
                  <td className="num">
                    {h.after === undefined ? "—" : formatDecimalText(h.after, locale, "%")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}
