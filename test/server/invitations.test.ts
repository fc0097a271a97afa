import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { openBackend } from "../../src/storage/backend.js";
import { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam } from "./support/team.js";

const NEW_PASSWORD = "a long enough password";

describeEachBackend("invitations (AUTH-8)", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  let clock = new Date("2026-12-01T10:00:00Z");

  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await buildApp({ store, now: () => clock });
    await app.ready();
    return () => app.close();
  });

  const invite = (username: string, body: Record<string, unknown> = {}) =>
    as(app, team.owner, {
      method: "POST",
      url: "/api/v1/workspaces/acme/invitations",
      payload: { username, role: "viewer", ...body },
    });
  const accept = (code: string, password = NEW_PASSWORD) =>
    app.inject({ method: "POST", url: "/api/v1/invitations/accept", payload: { code, password } });
  const login = (username: string, password = NEW_PASSWORD) =>
    app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });

  it("an owner invites a person with no account; the code is shown once and opens a pending member", async () => {
    const made = await invite("bob");
    expect(made.statusCode).toBe(201);
    const { code, link, invitation } = made.json();
    expect(code).toMatch(/^inv_/);
    expect(link).toBe(`/#/invitation/${code}`);
    expect(invitation).toMatchObject({ username: "bob", role: "viewer", state: "open" });
    // The pending member is listed, the code never again.
    const members = (
      await as(app, team.owner, { method: "GET", url: "/api/v1/workspaces/acme/members" })
    ).json();
    expect(members.members.map((m: { username: string }) => m.username)).toContain("bob");
    const list = await as(app, team.owner, { method: "GET", url: "/api/v1/workspaces/acme/invitations" });
    expect(list.body).not.toContain(code);
    // Before redeeming, the pending account cannot log in, whatever the password.
    expect((await login("bob", "")).statusCode).toBe(400);
    expect((await login("bob", "anything at all here")).statusCode).toBe(401);
    const lookup = await app.inject({ method: "POST", url: "/api/v1/invitations/lookup", payload: { code } });
    expect(lookup.json()).toMatchObject({
      username: "bob",
      workspace: { id: "acme", name: "Acme" },
      role: "viewer",
    });
    // Redeeming sets the password and signs in.
    const accepted = await accept(code);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ user: { username: "bob" }, workspace: "acme" });
    expect(String(accepted.headers["set-cookie"])).toContain("rt_session=");
    expect((await login("bob")).statusCode).toBe(200);
    const state = (
      await as(app, team.owner, { method: "GET", url: "/api/v1/workspaces/acme/invitations" })
    ).json();
    expect(state.invitations.find((i: { username: string }) => i.username === "bob").state).toBe("used");
  });

  it("a code used twice is refused, and the password set first stays", async () => {
    const { code } = (await invite("carol")).json();
    expect((await accept(code)).statusCode).toBe(200);
    const again = await accept(code, "another long password");
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe("invitation_closed");
    expect(again.json().error.message).toContain("already been used");
    expect((await login("carol", "another long password")).statusCode).toBe(401);
    expect((await login("carol")).statusCode).toBe(200);
  });

  it("two redemptions racing: exactly one wins", async () => {
    const { code } = (await invite("racer")).json();
    const results = await Promise.all([
      accept(code, "first long password"),
      accept(code, "second long password"),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
  });

  it("an expired code is refused and opens nothing", async () => {
    const { code } = (await invite("dave", { expiresInDays: 1 })).json();
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    const late = await accept(code);
    expect(late.statusCode).toBe(410);
    expect(late.json().error.message).toContain("expired");
    expect((await login("dave")).statusCode).toBe(401);
  });

  it("a withdrawn invitation is refused", async () => {
    const made = (await invite("erin")).json();
    const withdrawn = await as(app, team.owner, {
      method: "DELETE",
      url: `/api/v1/workspaces/acme/invitations/${made.invitation.id}`,
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await accept(made.code)).json().error.message).toContain("withdrawn");
  });

  it("an unknown code, a taken user name, an investor without stakeholders, a short password", async () => {
    const unknown = await accept("inv_nope");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("invitation_unknown");
    const taken = await invite("viewer");
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain("members/viewer");
    expect((await invite("frank", { role: "investor" })).statusCode).toBe(400);
    const investor = await invite("grace", { role: "investor", stakeholders: ["amazon"] });
    expect(investor.statusCode).toBe(201);
    expect((await accept(investor.json().code, "short")).statusCode).toBe(400);
  });

  it("only owners invite", async () => {
    for (const persona of ["editor", "viewer", "investor"] as const) {
      const r = await as(app, team[persona], {
        method: "POST",
        url: "/api/v1/workspaces/acme/invitations",
        payload: { username: `by-${persona}`, role: "viewer" },
      });
      expect([403, 404]).toContain(r.statusCode);
    }
  });
});

it("AUTH-8: roundtable user invite prints the code once; the code redeems through the API", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-invite-"));
  await cli(["user", "create", "--owner", "alice", "--workspace", "acme", "--data", dir], {
    stdin: "a long enough password\n",
  });
  const invited = await cli([
    "user",
    "invite",
    "bob",
    "--workspace",
    "acme",
    "--role",
    "editor",
    "--data",
    dir,
  ]);
  expect(invited.stderr).toBe("");
  expect(invited.code).toBe(0);
  const code = /one-time code \(shown once, never stored\): (inv_\S+)/.exec(invited.stdout)?.[1];
  expect(code).toBeDefined();
  expect(invited.stdout).toContain(`link: http://127.0.0.1:3000/#/invitation/${code}`);
  const store = new Store(await openBackend({ kind: "sqlite", file: path.join(dir, "roundtable.sqlite") }));
  const app = await buildApp({ store });
  try {
    const accepted = await app.inject({
      method: "POST",
      url: "/api/v1/invitations/accept",
      payload: { code, password: NEW_PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    const bob = await store.findUserByName("bob");
    expect((await store.membership("acme", bob!.id))?.role).toBe("editor");
  } finally {
    await app.close();
  }
  const bad = [
    [["user", "invite", "bob", "--workspace", "acme", "--data", dir], 1, "already exists"],
    [["user", "invite", "zed", "--workspace", "nope", "--data", dir], 1, 'no workspace "nope"'],
    [
      ["user", "invite", "zed", "--workspace", "acme", "--role", "investor", "--data", dir],
      2,
      "--stakeholder",
    ],
    [
      ["user", "invite", "zed", "--workspace", "acme", "--role", "boss", "--data", dir],
      2,
      "--role is one of",
    ],
    [["user", "invite", "zed", "--workspace", "acme", "--expires-days", "90", "--data", dir], 2, "1 to 30"],
  ] as const;
  for (const [args, exit, words] of bad) {
    const r = await cli(args);
    expect(r.code, args.join(" ")).toBe(exit);
    expect(r.stderr).toContain(words);
  }
});
