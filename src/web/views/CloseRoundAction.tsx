import { useId, useState } from "react";
import type { DealRecord } from "../api/contract.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { useI18n } from "../i18n/i18n.js";

type CloseState =
  | { readonly kind: "idle" }
  | { readonly kind: "confirming" }
  | { readonly kind: "closing" }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "conflict"; readonly currentVersion: number };

/**
 * The round page's close action (CLOSE-3, WEB): a button, then a confirmation that says what
 * closing does; confirmed, the server's close-round route turns the round into dated ledger
 * transactions as a new version, and the page goes to the cap table of the closed deal.
 * Shown to the workspace's writers (owners and editors) only; refused while the deal has
 * unsaved edits, since the stored version is what is closed.
 */
export function CloseRoundAction({
  workspace,
  deal,
  round,
  roundName,
  record,
  unsaved,
  onClosed,
}: {
  workspace: string;
  deal: string;
  round: string;
  roundName: string;
  record: DealRecord;
  /** The deal has edits not saved yet. */
  unsaved: boolean;
  /** Called with the closed deal, read back from storage. */
  onClosed: (closed: DealRecord) => void;
}) {
  const { t } = useI18n();
  const data = useDataAccess();
  const titleId = useId();
  const [state, setState] = useState<CloseState>({ kind: "idle" });
  const [workspaces] = useApi(() => data.listWorkspaces(), [data]);
  const role = workspaces.state === "ok" ? workspaces.value.find((w) => w.id === workspace)?.role : undefined;
  if (role !== "owner" && role !== "editor") return null;

  const close = async () => {
    setState({ kind: "closing" });
    const result = await data.closeRound(workspace, deal, round, record.version);
    if (result.ok) {
      setState({ kind: "idle" });
      onClosed(result.value);
      window.location.hash = href.capTable(workspace, deal);
      return;
    }
    if (result.kind === "conflict") setState({ kind: "conflict", currentVersion: result.currentVersion });
    else setState({ kind: "failed", message: result.error.message });
  };

  return (
    <section className="close-round no-print" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("closeRoundTitle")}</h2>
      {unsaved ? (
        <p>{t("closeRoundUnsaved")}</p>
      ) : state.kind === "confirming" || state.kind === "closing" ? (
        <div className="notice warning" role="alertdialog" aria-labelledby={`${titleId}-confirm`}>
          <p id={`${titleId}-confirm`}>
            {t("closeRoundConfirm", { name: roundName, version: record.version })}
          </p>
          <div className="buttons">
            <button type="button" onClick={close} disabled={state.kind === "closing"}>
              {state.kind === "closing" ? t("closeRoundClosing") : t("closeRoundYes", { name: roundName })}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => setState({ kind: "idle" })}
              disabled={state.kind === "closing"}
            >
              {t("closeRoundCancel")}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{t("closeRoundIntro")}</p>
          <button type="button" onClick={() => setState({ kind: "confirming" })}>
            {t("closeRoundButton", { name: roundName })}
          </button>
          {state.kind === "failed" ? (
            <p className="notice error" role="alert">
              {t("closeRoundFailed", { message: state.message })}
            </p>
          ) : null}
          {state.kind === "conflict" ? (
            <p className="notice error" role="alert">
              {t("closeRoundConflict", { version: state.currentVersion })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
