import { useEffect, useId, useState } from "react";
import { type Member, ROLES, type Role } from "../api/contract.js";
import type { ApiResult } from "../api/data-access.js";
import { useApi, useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { useWorkspaces } from "../app/use-workspaces.js";
import { Failed, Loading } from "../components/Status.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { InviteForm } from "./InviteForm.js";

const ROLE_KEYS: Record<Role, MessageKey> = {
  owner: "roleOwner",
  editor: "roleEditor",
  viewer: "roleViewer",
  investor: "roleInvestor",
};

/** Stakeholder ids typed as "amazon, nvidia": trimmed, empty ones dropped. */
function stakeholderIds(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Whether the signed-in user owns the workspace (its members are the owners' to see and change). */
export function useIsOwner(workspace: string): boolean | undefined {
  const role = useWorkspaceRole(workspace);
  return role === undefined ? undefined : role === "owner";
}

/** The signed-in user's role in the workspace: undefined while it loads, null when unknown. */
export function useWorkspaceRole(workspace: string): Role | null | undefined {
  const workspaces = useWorkspaces();
  if (workspaces.state !== "ok") return workspaces.state === "failed" ? null : undefined;
  return workspaces.value.find((w) => w.id === workspace)?.role ?? null;
}

/**
 * The workspace's members and their roles, for its owners (GET, PUT and DELETE
 * /workspaces/:ws/members): change a member's role, link an investor to the stakeholders
 * they see, remove a member, add one. The server refuses what would leave no owner; its
 * message is shown beside the member it is about.
 */
export function AccessView({ workspace }: { workspace: string }) {
  const { t } = useI18n();
  const owner = useIsOwner(workspace);
  return (
    <section aria-labelledby="access-title" className="access">
      <nav aria-label="breadcrumb" className="breadcrumb">
        <a href={href.workspaces()}>{t("workspaces")}</a> / <a href={href.deals(workspace)}>{workspace}</a>
      </nav>
      <h1 id="access-title">{t("accessTitle", { workspace })}</h1>
      {owner === undefined ? <Loading /> : null}
      {owner === false ? <p>{t("accessOwnersOnly")}</p> : null}
      {owner ? <Members workspace={workspace} /> : null}
    </section>
  );
}

function Members({ workspace }: { workspace: string }) {
  const { t } = useI18n();
  const data = useDataAccess();
  const [members, reload] = useApi(() => data.listMembers(workspace), [data, workspace]);
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string; about?: string } | undefined>();

  const run = async (about: string, action: () => Promise<ApiResult<unknown>>, done: string) => {
    const result = await action();
    if (result.ok) {
      setStatus({ kind: "ok", text: done });
      reload();
    } else setStatus({ kind: "error", text: result.error.message, about });
  };

  return (
    <>
      {members.state === "loading" ? <Loading /> : null}
      {members.state === "failed" ? <Failed failure={members.failure} onRetry={reload} /> : null}
      {status ? (
        <p
          className={status.kind === "ok" ? "ok" : "field-error"}
          role={status.kind === "ok" ? "status" : "alert"}
        >
          {status.about && status.kind === "error" ? `${status.about}${t("colon")}` : ""}
          {status.text}
        </p>
      ) : null}
      {members.state === "ok" ? (
        <>
          <table className="data cards" id="members-table">
            <caption>{t("membersCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("member")}</th>
                <th scope="col">{t("roleColumn")}</th>
                <th scope="col">{t("stakeholdersColumn")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.value.map((m) => (
                <MemberRow
                  key={`${m.username}:${m.role}:${m.stakeholders.join(",")}`}
                  member={m}
                  onSave={(role, stakeholders) =>
                    run(
                      m.username,
                      () => data.setMember(workspace, m.username, role, stakeholders),
                      t("memberSaved", { name: m.username }),
                    )
                  }
                  onRemove={() =>
                    run(
                      m.username,
                      () => data.removeMember(workspace, m.username),
                      t("memberRemoved", { name: m.username }),
                    )
                  }
                />
              ))}
            </tbody>
          </table>
          <AddMember
            onAdd={(username, role, stakeholders) =>
              run(
                username,
                () => data.setMember(workspace, username, role, stakeholders),
                t("memberSaved", { name: username }),
              )
            }
          />
        </>
      ) : null}
      {/* Outside the list, so that the link shown once stays while the list reloads. */}
      <InviteForm workspace={workspace} onInvited={reload} />
    </>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(ROLE_KEYS[r])}
        </option>
      ))}
    </select>
  );
}

function MemberRow({
  member,
  onSave,
  onRemove,
}: {
  member: Member;
  onSave: (role: Role, stakeholders: string[]) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [role, setRole] = useState<Role>(member.role);
  const [stakeholders, setStakeholders] = useState(member.stakeholders.join(", "));
  useEffect(() => {
    setRole(member.role);
    setStakeholders(member.stakeholders.join(", "));
  }, [member]);
  const changed = role !== member.role || stakeholders !== member.stakeholders.join(", ");
  return (
    <tr data-member={member.username}>
      <th scope="row">{member.username}</th>
      <td data-label={t("roleColumn")}>
        <label className="visually-hidden" htmlFor={`${ids}-role`}>
          {t("roleOf", { name: member.username })}
        </label>
        <RoleSelect id={`${ids}-role`} value={role} onChange={setRole} />
      </td>
      <td data-label={t("stakeholdersColumn")}>
        <label className="visually-hidden" htmlFor={`${ids}-stakeholders`}>
          {t("stakeholdersOf", { name: member.username })}
        </label>
        <input
          id={`${ids}-stakeholders`}
          value={stakeholders}
          disabled={role !== "investor"}
          onChange={(e) => setStakeholders(e.currentTarget.value)}
        />
      </td>
      <td className="buttons">
        <button
          type="button"
          disabled={!changed}
          onClick={() => onSave(role, role === "investor" ? stakeholderIds(stakeholders) : [])}
        >
          {t("saveMember", { name: member.username })}
        </button>
        <button type="button" className="secondary" onClick={onRemove}>
          {t("removeMember", { name: member.username })}
        </button>
      </td>
    </tr>
  );
}

function AddMember({ onAdd }: { onAdd: (username: string, role: Role, stakeholders: string[]) => void }) {
  const { t } = useI18n();
  const ids = useId();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [stakeholders, setStakeholders] = useState("");
  return (
    <form
      className="add-member"
      aria-labelledby={`${ids}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (username.trim() === "") return;
        onAdd(username.trim(), role, role === "investor" ? stakeholderIds(stakeholders) : []);
        setUsername("");
        setStakeholders("");
      }}
    >
      <h2 id={`${ids}-title`}>{t("addMember")}</h2>
      <div className="controls">
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-username`}>
            {t("username")}
          </label>
          <input
            id={`${ids}-username`}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-role`}>
            {t("roleColumn")}
          </label>
          <RoleSelect id={`${ids}-role`} value={role} onChange={setRole} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-stakeholders`}>
            {t("stakeholdersColumn")}
          </label>
          <input
            id={`${ids}-stakeholders`}
            value={stakeholders}
            disabled={role !== "investor"}
            aria-describedby={`${ids}-stakeholders-help`}
            onChange={(e) => setStakeholders(e.currentTarget.value)}
          />
          <p id={`${ids}-stakeholders-help`} className="field-help">
            {t("stakeholdersHelp")}
          </p>
        </div>
      </div>
      <button type="submit" disabled={username.trim() === ""}>
        {t("addMemberButton")}
      </button>
    </form>
  );
}
