// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { API_BASE } from "../../../src/web/api/contract.js";
import { HttpDataAccess } from "../../../src/web/api/http-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { preloadLazyViews } from "../support/lazy-views.js";

afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-6 the app on the HTTP API", () => {
  it("WEB-6 asks to sign in when the API answers 401, then lists the workspaces", async () => {
    window.location.hash = "#/";
    let signedIn = false;
    const requests: string[] = [];
    const fetchImpl = async (url: string, init?: RequestInit) => {
      requests.push(`${init?.method ?? "GET"} ${url}`);
      const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
      if (url === `${API_BASE}/auth/login`) {
        const body = JSON.parse(String(init?.body)) as { username: string; password: string };
        if (body.password !== "right")
          return json(401, { error: { code: "login_failed", message: "wrong user name or password" } });
        signedIn = true;
        return json(200, { user: { username: body.username, admin: false }, csrfToken: "t" });
      }
      if (!signedIn) return json(401, { error: { code: "unauthenticated", message: "sign in first" } });
      if (url === `${API_BASE}/auth/me`)
        return json(200, {
          user: { username: "ada", admin: false },
          via: "session",
          csrfToken: "t",
          workspaces: [{ id: "w1", name: "Fund I", role: "viewer" }],
        });
      if (url === `${API_BASE}/workspaces`)
        return json(200, { workspaces: [{ id: "w1", name: "Fund I", role: "viewer" }] });
      return json(404, { error: { code: "not_found", message: "no such thing" } });
    };
    render(<App dataAccess={new HttpDataAccess(fetchImpl)} mode="http" locale="en" />);
    await screen.findByRole("heading", { name: "Sign in to roundtable" });
    fireEvent.change(screen.getByLabelText("User name"), { target: { value: "ada" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "wrong" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const error = await screen.findByText("wrong user name or password");
    expect(screen.getByLabelText("Password").getAttribute("aria-describedby")).toBe(error.id);
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "right" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByRole("link", { name: "Fund I" });
    screen.getByText("Signed in as ada");
    expect(requests).toContain(`POST ${API_BASE}/auth/login`);
    expect(screen.queryByText(/Examples held in this browser/)).toBeNull();
  });
});
