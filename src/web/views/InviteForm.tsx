import { useId, useState } from "react";
import { ROLES, type Role } from "../api/contract.js";
import { useDataAccess } from "../app/data-context.js";
import { useAuthoringText } from "../i18n/authoring-messages.js";

/**
 * An owner invites a person who has no account (SPEC WEB-AUTH-4, AUTH-8): the server makes a
 * pending member and answers a one-time link, shown here once, with a button to copy it.
 */
export function InviteForm({ workspace, onInvited }: { workspace: string; onInvited: () => void }) {
  const a = useAuthoringText();
  const data = useDataAccess();
  const id = useId();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [stakeholders, setStakeholders] = useState("");
  const [days, setDays] = useState("7");
  const [error, setError] = useState<string>();
  const [link, setLink] = useState<{ username: string; url: string }>();
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="invite">
      <h2 id={`${id}-title`}>{a("inviteTitle")}</h2>
      <form
        className="record-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const ids = stakeholders
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s.length > 0);
          const result = await data.createInvitation(workspace, {
            username: username.trim(),
            role,
            stakeholders: role === "investor" ? ids : [],
            expiresInDays: Number.parseInt(days, 10) || 7,
          });
          if (!result.ok) {
            setError(result.error.message);
            setLink(undefined);
            return;
          }
          setError(undefined);
          setCopied(false);
          // The server answers the path; the link a person opens is on this app's origin.
          setLink({ username: username.trim(), url: new URL(result.value.link, window.location.href).href });
          setUsername("");
          onInvited();
        }}
      >
        <div className="record-fields">
          <div className="field">
            <label htmlFor={`${id}-user`} className="field-label">
              {a("inviteUsername")}
            </label>
            <input
              id={`${id}-user`}
              type="text"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`} className="field-label">
              {a("inviteRole")}
            </label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          {role === "investor" ? (
            <div className="field">
              <label htmlFor={`${id}-holders`} className="field-label">
                {a("inviteStakeholders")}
              </label>
              <input
                id={`${id}-holders`}
                type="text"
                value={stakeholders}
                onChange={(e) => setStakeholders(e.currentTarget.value)}
              />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-days`} className="field-label">
              {a("inviteDays")}
            </label>
            <input
              id={`${id}-days`}
              type="number"
              min={1}
              max={30}
              value={days}
              onChange={(e) => setDays(e.currentTarget.value)}
            />
          </div>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit">{a("invite")}</button>
      </form>
      {link ? (
        <div className="notice" role="status">
          <p>{a("inviteLink", { username: link.username })}</p>
          <p>
            <code className="invitation-link">{link.url}</code>
          </p>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(link.url);
                setCopied(true);
              } catch {
                setCopied(false);
              }
            }}
          >
            {a("copyLink")}
          </button>{" "}
          {copied ? <span>{a("copied")}</span> : null}
        </div>
      ) : null}
    </section>
  );
}
