import { useState } from "react";
import { useDataAccess } from "../app/data-context.js";
import { href } from "../app/routes.js";
import { useI18n } from "../i18n/i18n.js";

export function LoginView({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const data = useDataAccess();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">{t("signInTitle")}</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const result = await data.login(username, password);
          setBusy(false);
          if (!result.ok) {
            setError(result.error.message);
            return;
          }
          setError(undefined);
          if (window.location.hash.startsWith(href.login())) window.location.hash = href.workspaces();
          onSignedIn();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="login-username">
            {t("username")}
          </label>
          <input
            id="login-username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="login-password">
            {t("password")}
          </label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "login-error" : undefined}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {error ? (
            <p id="login-error" className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={busy}>
          {t("signIn")}
        </button>
      </form>
    </section>
  );
}
