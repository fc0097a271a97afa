import { readFileSync } from "node:fs";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../../src/server/app.js";
import { hashPassword, newApiToken, tokenHash } from "../../../src/server/auth.js";
import { storableDeal } from "../../../src/storage/deal-document.js";
import type { Role, Store } from "../../../src/storage/store.js";

export const PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export type Persona = Role | "outsider";
export const PERSONAS: readonly Persona[] = ["owner", "editor", "viewer", "investor", "outsider"];

export interface Credentials {
  readonly token: string;
  readonly username: string;
}

/** The example deals of the team's workspace "acme", by slug. */
export const TEAM_DEALS = {
  openai: "examples/openai-round.yaml",
  seed: "examples/seed-to-series-a.yaml",
} as const;

/**
 * A workspace "acme" with one user per role (the investor linked to Amazon), an outsider
 * who belongs to no workspace, an API token each, and the examples as deals.
 */
export async function seedTeam(store: Store): Promise<Record<Persona, Credentials>> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const out = {} as Record<Persona, Credentials>;
  const ids = {} as Record<Persona, string>;
  for (const persona of PERSONAS) {
    const user = await store.createUser(
      { username: persona, passwordHash: hash, admin: persona === "owner" },
      "system",
    );
    ids[persona] = user!.id;
    const token = newApiToken();
    await store.createToken(user!.id, "test", tokenHash(token));
    out[persona] = { token, username: persona };
  }
  await store.createWorkspace({ id: "acme", name: "Acme", ownerId: ids.owner }, ids.owner);
  await store.setMember("acme", ids.editor, "editor", [], ids.owner);
  await store.setMember("acme", ids.viewer, "viewer", [], ids.owner);
  await store.setMember("acme", ids.investor, "investor", ["amazon", "angel-a"], ids.owner);
  for (const [slug, file] of Object.entries(TEAM_DEALS)) {
    const parsed = storableDeal(readFileSync(file, "utf8"), file);
    if (!parsed.ok) throw new Error(`${file} does not load`);
    await store.writeDeal({
      workspaceId: "acme",
      slug,
      expectedVersion: 0,
      action: "create",
      document: parsed.canonical,
      actorId: ids.owner,
    });
  }
  return out;
}

export async function teamApp(store: Store, options: { trustProxy?: boolean } = {}) {
  const app = await buildApp({ store, ...(options.trustProxy ? { trustProxy: true } : {}) });
  await app.ready();
  return app;
}

/** Sends a request with a persona's API token. */
export function as(
  app: FastifyInstance,
  credentials: Credentials | undefined,
  request: InjectOptions,
): Promise<LightMyRequestResponse> {
  return app.inject({
    ...request,
    headers: {
      ...(credentials ? { authorization: `Bearer ${credentials.token}` } : {}),
      ...(request.headers ?? {}),
    },
  });
}

/** Logs in and returns the cookie header and the CSRF token. */
export async function login(app: FastifyInstance, username: string, password = PASSWORD) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = String(response.headers["set-cookie"]).split(";")[0]!;
  return {
    cookie,
    csrf: response.json().csrfToken as string,
    setCookie: String(response.headers["set-cookie"]),
  };
}

export function yamlOf(file: string): string {
  return readFileSync(file, "utf8");
}
