import { useId, useState } from "react";
import { useApi, useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { Failed, Loading } from "../components/Status.js";
import { useAuthoringText } from "../i18n/authoring-messages.js";

/** The server's shortest password (src/server/auth.ts MIN_PASSWORD_LENGTH), checked here first to say so at the field. */
const MIN_PASSWORD_LENGTH = 12;

/**
 * Redeeming an invitation (SPEC WEB-AUTH-4, AUTH-8): `#/invitation/CODE` says what the code
 * opens (the user name, the workspace, the role, the expiry); the person chooses a password
 * and is signed in. A code used already, expired or withdrawn gets the server's message.
 */
export function InvitationView({ code, onSignedIn }: { code: string; onSignedIn: () => void }) {
  const a = useAuthoringText();
  const data = useDataAccess();
  const id = useId();
  const [lookup, reload] = useApi(() => data.lookupInvitation(code), [data, code]);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problem, setProblem] = useState<{ field?: "password" | "confirm"; message: string }>();
  const [accepted, setAccepted] = useState<{ username: string; workspace: string }>();
  if (lookup.state === "loading") return <Loading />;
  if (lookup.state === "failed")
    return (
      <section aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{a("invitationTitle", { workspace: "roundtable" })}</h1>
        <Failed failure={lookup.failure} onRetry={reload} />
      </section>
    );
  const invitation = lookup.value;
  if (accepted)
    return (
      <section aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{a("invitationAccepted", { username: accepted.username })}</h1>
        <p>
          <a href={href.deals(accepted.workspace)}>{a("openWorkspace")}</a>
        </p>
      </section>
    );
  return (
    <section aria-labelledby={`${id}-title`} className="invitation">
      <h1 id={`${id}-title`}>{a("invitationTitle", { workspace: invitation.workspace.name })}</h1>
      <p>{a("invitationIntro", { username: invitation.username, role: invitation.role })}</p>
      <p className="muted">{a("invitationExpires", { date: invitation.expiresAt.slice(0, 10) })}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (password.length < MIN_PASSWORD_LENGTH) {
            setProblem({ field: "password", message: a("passwordTooShort") });
            return;
          }
          if (password !== confirm) {
            setProblem({ field: "confirm", message: a("passwordsDiffer") });
            return;
          }
          const result = await data.acceptInvitation(code, password);
          if (!result.ok) {
            setProblem({ message: result.error.message });
            return;
          }
          setProblem(undefined);
          setAccepted({ username: result.value.user.username, workspace: result.value.workspace });
          onSignedIn();
        }}
      >
        <input type="text" autoComplete="username" hidden readOnly value={invitation.username} />
        <div className="field">
          <label htmlFor={`${id}-password`} className="field-label">
            {a("newPassword")}
          </label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={problem?.field === "password" ? "true" : undefined}
            aria-describedby={problem?.field === "password" ? `${id}-password-error` : undefined}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {problem?.field === "password" ? (
            <p id={`${id}-password-error`} className="field-error">
              {problem.message}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-confirm`} className="field-label">
            {a("confirmPassword")}
          </label>
          <input
            id={`${id}-confirm`}
            type="password"
            autoComplete="new-password"
            value={confirm}
            aria-invalid={problem?.field === "confirm" ? "true" : undefined}
            aria-describedby={problem?.field === "confirm" ? `${id}-confirm-error` : undefined}
            onChange={(e) => setConfirm(e.currentTarget.value)}
          />
          {problem?.field === "confirm" ? (
            <p id={`${id}-confirm-error`} className="field-error">
              {problem.message}
            </p>
          ) : null}
        </div>
        {problem && problem.field === undefined ? (
          <p className="field-error" role="alert">
            {problem.message}
          </p>
        ) : null}
        <button type="submit">{a("setPassword")}</button>
      </form>
    </section>
  );
}
