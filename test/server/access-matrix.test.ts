import type { FastifyInstance, InjectOptions } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { newApiToken, tokenHash } from "../../src/server/auth.js";
import type { Store } from "../../src/storage/store.js";
import { csvText, templateRows } from "../interchange/spreadsheet/fixtures.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, PERSONAS, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

/** Waits for a job to end, so that jobs started one after another stay within the running limit. */
async function finished(app: FastifyInstance, credentials: Credentials, id: string) {
  for (let i = 0; i < 4000; i++) {
    const job = (await as(app, credentials, { method: "GET", url: `/api/v1/jobs/${id}` })).json().job;
    if (job.status !== "running") return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

type Caller = Persona | "anonymous" | "bad-token";
const CALLERS: readonly Caller[] = [...PERSONAS, "anonymous", "bad-token"];
const MEMBERS: readonly Persona[] = ["owner", "editor", "viewer", "investor"];
const USERS: readonly Persona[] = PERSONAS;

interface Case {
  readonly method: string;
  /** The route as the OpenAPI document names it. */
  readonly route: string;
  /** Who may: these personas get a 2xx; every other caller a 401, 403 or 404 and no change. */
  readonly allowed: readonly Caller[];
  readonly request: (caller: Caller) => Promise<InjectOptions> | InjectOptions;
}

const yaml = { "content-type": "application/yaml" };

describeEachBackend("every endpoint × every role (AUTH-5)", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  let ownerJob: string;
  /** A finished simulate job of the owner's: the one kind of job with a report file. */
  let ownerSimulation: string;
  let ocfZip: Buffer;
  const version = async (slug: string) => (await store.headVersion("acme", slug))?.version ?? 0;

  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
    const job = await as(app, team.owner, {
      method: "POST",
      url: "/api/v1/workspaces/acme/deals/seed/jobs/replay",
    });
    ownerJob = job.json().job.id;
    const simulation = await as(app, team.owner, {
      method: "POST",
      url: "/api/v1/workspaces/acme/deals/openai/jobs/simulate?runs=100",
    });
    ownerSimulation = simulation.json().job.id;
    await finished(app, team.owner, ownerSimulation);
    // A workspace document naming a stored deal (STORE-3), and an OCF package to upload.
    for (const [slug, file] of [
      ["openai-round", "examples/openai-round.yaml"],
      ["ecosystem", "examples/ai-ecosystem.yaml"],
    ] as const) {
      const put = await as(app, team.owner, {
        method: "PUT",
        url: `/api/v1/workspaces/acme/deals/${slug}?expectedVersion=0`,
        headers: yaml,
        payload: yamlOf(file),
      });
      expect(put.statusCode).toBe(201);
    }
    ocfZip = (
      await as(app, team.owner, { method: "GET", url: "/api/v1/workspaces/acme/deals/seed/ocf?country=US" })
    ).rawPayload;
    return () => app.close();
  });

  /** An open invitation to the workspace, made in the store, with its code. */
  const invite = async (username: string) => {
    const code = `inv_${username}-${Math.random().toString(36).slice(2)}`;
    const made = await store.createInvitation(
      {
        workspaceId: "acme",
        username,
        role: "viewer",
        stakeholders: [],
        codeHash: tokenHash(code),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      "system",
    );
    if (!made.ok) throw new Error(`cannot invite ${username}`);
    return { code, id: made.invitation.id };
  };
  /** A document shared with every investor member, made in the store, by its id. */
  const shareWithInvestors = async () => {
    const shared = await store.shareDocument(
      {
        workspaceId: "acme",
        deal: "seed",
        version: 1,
        report: "captable",
        format: "xlsx",
        title: "Seed cap table",
        recipient: null,
      },
      "system",
    );
    if (!shared.ok) throw new Error(`cannot share: ${shared.reason}`);
    return shared.document.id;
  };
  const deal = "/api/v1/workspaces/acme/deals";
  const cases: Case[] = [
    {
      method: "GET",
      route: "/api/v1/health",
      allowed: CALLERS,
      request: () => ({ method: "GET", url: "/api/v1/health" }),
    },
    {
      method: "POST",
      route: "/api/v1/auth/login",
      allowed: CALLERS,
      request: () => ({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "viewer", password: "correct horse battery staple" },
      }),
    },
    {
      method: "POST",
      route: "/api/v1/auth/logout",
      allowed: USERS,
      request: () => ({ method: "POST", url: "/api/v1/auth/logout" }),
    },
    {
      method: "GET",
      route: "/api/v1/auth/me",
      allowed: USERS,
      request: () => ({ method: "GET", url: "/api/v1/auth/me" }),
    },
    {
      method: "POST",
      route: "/api/v1/tokens",
      allowed: USERS,
      request: () => ({ method: "POST", url: "/api/v1/tokens", payload: { name: "matrix" } }),
    },
    {
      method: "GET",
      route: "/api/v1/tokens",
      allowed: USERS,
      request: () => ({ method: "GET", url: "/api/v1/tokens" }),
    },
    {
      method: "DELETE",
      route: "/api/v1/tokens/{tokenId}",
      allowed: USERS,
      request: async (caller) => {
        // Each user revokes a token of their own; others' tokens are not theirs to see.
        const owner = PERSONAS.includes(caller as Persona) ? caller : "viewer";
        const user = await store.findUserByName(owner);
        const { id } = await store.createToken(user!.id, "to revoke", tokenHash(newApiToken()));
        return { method: "DELETE", url: `/api/v1/tokens/${id}` };
      },
    },
    {
      method: "POST",
      route: "/api/v1/users",
      allowed: ["owner"],
      request: (caller) => ({
        method: "POST",
        url: "/api/v1/users",
        payload: { username: `new-${caller}`, password: "a long enough password" },
      }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces",
      allowed: USERS,
      request: () => ({ method: "GET", url: "/api/v1/workspaces" }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces",
      allowed: ["owner"],
      request: (caller) => ({
        method: "POST",
        url: "/api/v1/workspaces",
        payload: { id: `ws-${caller}`, name: "W" },
      }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}",
      allowed: MEMBERS,
      request: () => ({ method: "GET", url: "/api/v1/workspaces/acme" }),
    },
    {
      method: "PUT",
      route: "/api/v1/workspaces/{ws}/settings",
      allowed: ["owner"],
      request: () => ({
        method: "PUT",
        url: "/api/v1/workspaces/acme/settings",
        payload: { sharedAggregates: [] },
      }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/members",
      allowed: ["owner"],
      request: () => ({ method: "GET", url: "/api/v1/workspaces/acme/members" }),
    },
    {
      method: "PUT",
      route: "/api/v1/workspaces/{ws}/members/{username}",
      allowed: ["owner"],
      request: () => ({
        method: "PUT",
        url: "/api/v1/workspaces/acme/members/viewer",
        payload: { role: "viewer" },
      }),
    },
    {
      method: "DELETE",
      route: "/api/v1/workspaces/{ws}/members/{username}",
      allowed: ["owner"],
      request: async (caller) => {
        const user = await store.createUser(
          { username: `leaver-${caller}`, passwordHash: "x", admin: false },
          "system",
        );
        await store.setMember("acme", user!.id, "viewer", [], "system");
        return { method: "DELETE", url: `/api/v1/workspaces/acme/members/leaver-${caller}` };
      },
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/invitations",
      allowed: ["owner"],
      request: (caller) => ({
        method: "POST",
        url: "/api/v1/workspaces/acme/invitations",
        payload: { username: `invitee-${caller}`, role: "viewer" },
      }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/invitations",
      allowed: ["owner"],
      request: () => ({ method: "GET", url: "/api/v1/workspaces/acme/invitations" }),
    },
    {
      method: "DELETE",
      route: "/api/v1/workspaces/{ws}/invitations/{id}",
      allowed: ["owner"],
      request: async (caller) => {
        const { id } = await invite(`withdrawn-${caller}`);
        return { method: "DELETE", url: `/api/v1/workspaces/acme/invitations/${id}` };
      },
    },
    {
      method: "POST",
      route: "/api/v1/invitations/lookup",
      allowed: CALLERS,
      request: async (caller) => {
        const { code } = await invite(`looked-up-${caller}`);
        return { method: "POST", url: "/api/v1/invitations/lookup", payload: { code } };
      },
    },
    {
      method: "POST",
      route: "/api/v1/invitations/accept",
      allowed: CALLERS,
      request: async (caller) => {
        const { code } = await invite(`accepted-${caller}`);
        return {
          method: "POST",
          url: "/api/v1/invitations/accept",
          payload: { code, password: "a long enough password" },
        };
      },
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/diff",
      allowed: ["owner", "editor", "viewer"],
      request: () => ({ method: "GET", url: `${deal}/seed/diff?from=1` }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/revert",
      allowed: ["owner", "editor"],
      request: async () => ({
        method: "POST",
        url: `${deal}/seed/revert?to=1&expectedVersion=${await version("seed")}`,
      }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/audit",
      allowed: ["owner"],
      request: () => ({ method: "GET", url: "/api/v1/workspaces/acme/audit" }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals",
      allowed: MEMBERS,
      request: () => ({ method: "GET", url: deal }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals/{deal}",
      allowed: MEMBERS,
      request: () => ({ method: "GET", url: `${deal}/openai` }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/export",
      allowed: ["owner", "editor", "viewer"],
      request: () => ({ method: "GET", url: `${deal}/openai/export` }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/revisions",
      allowed: ["owner", "editor", "viewer"],
      request: () => ({ method: "GET", url: `${deal}/openai/revisions` }),
    },
    {
      method: "PUT",
      route: "/api/v1/workspaces/{ws}/deals/{deal}",
      allowed: ["owner", "editor"],
      request: async (caller) => ({
        method: "PUT",
        url: `${deal}/put-${caller}?expectedVersion=${await version(`put-${caller}`)}`,
        headers: yaml,
        payload: yamlOf("examples/down-round.yaml"),
      }),
    },
    {
      method: "DELETE",
      route: "/api/v1/workspaces/{ws}/deals/{deal}",
      allowed: ["owner", "editor"],
      request: async (caller) => {
        const slug = `del-${caller}`;
        const head = await store.headRevision("acme", "seed");
        await store.writeDeal({
          workspaceId: "acme",
          slug,
          expectedVersion: 0,
          action: "create",
          document: head!.document,
          actorId: "system",
        });
        return { method: "DELETE", url: `${deal}/${slug}?expectedVersion=1` };
      },
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/transactions",
      allowed: ["owner", "editor"],
      request: async () => ({
        method: "POST",
        url: `${deal}/seed/transactions?expectedVersion=${await version("seed")}`,
        payload: { type: "issue", date: "2021-06-01", holder: "ada", class: "common", shares: 10 },
      }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/rounds",
      allowed: ["owner", "editor"],
      request: async (caller) => ({
        method: "POST",
        url: `${deal}/openai/rounds?expectedVersion=${await version("openai")}`,
        payload: {
          id: `r-${caller}`,
          name: "Later",
          date: "2027-01-01",
          class: "common",
          pricePerShare: "$100",
          investments: [{ investor: "amazon", amount: "$1M" }],
        },
      }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/close-round",
      allowed: ["owner", "editor"],
      request: async (caller) => {
        // A deal of its own per caller, with a round to close (CLOSE-3).
        if ((caller === "owner" || caller === "editor") && (await version(`close-${caller}`)) === 0)
          await as(app, team.owner, {
            method: "PUT",
            url: `${deal}/close-${caller}?expectedVersion=0`,
            headers: yaml,
            payload: yamlOf("examples/down-round.yaml"),
          });
        return {
          method: "POST",
          url: `${deal}/close-${caller}/close-round?expectedVersion=${await version(`close-${caller}`)}`,
        };
      },
    },
    ...["model", "captable", "validate"].map(
      (name): Case => ({
        method: "GET",
        route: `/api/v1/workspaces/{ws}/deals/{deal}/${name}`,
        allowed: MEMBERS,
        request: () => ({ method: "GET", url: `${deal}/seed/${name}` }),
      }),
    ),
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/solve",
      allowed: ["owner", "editor", "viewer"],
      request: () => ({
        method: "GET",
        url: `${deal}/openai/solve?round=round-2026&investor=amazon&fraction=0.05`,
      }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/jobs/replay",
      allowed: MEMBERS,
      request: () => ({ method: "POST", url: `${deal}/seed/jobs/replay` }),
    },
    ...["model", "captable", "validate", "solve"].map(
      (name): Case => ({
        method: "POST",
        route: `/api/v1/compute/${name}`,
        allowed: USERS,
        request: () => ({
          method: "POST",
          url: `/api/v1/compute/${name}${name === "solve" ? "?investor=amazon&fraction=0.05" : ""}`,
          headers: yaml,
          payload: yamlOf("examples/openai-round.yaml"),
        }),
      }),
    ),
    {
      method: "POST",
      route: "/api/v1/compute/replay/jobs",
      allowed: USERS,
      request: () => ({
        method: "POST",
        url: "/api/v1/compute/replay/jobs",
        headers: yaml,
        payload: yamlOf("examples/down-round.yaml"),
      }),
    },
    ...(
      [
        ["claims", "openai", "", false],
        // An investor sees their own ownership and dilution per scenario (WEB-21).
        ["scenarios", "openai", "", true],
        ["exit", "seed", "?breakpoints=true", false],
        ["flows", "ecosystem", "", false],
        ["exposure", "ecosystem", "?investor=amazon", false],
      ] as const
    ).flatMap(([name, slug, query, investorToo]): Case[] => [
      {
        method: "GET",
        route: `/api/v1/workspaces/{ws}/deals/{deal}/${name}`,
        allowed: investorToo ? MEMBERS : ["owner", "editor", "viewer"],
        request: () => ({ method: "GET", url: `${deal}/${slug}/${name}${query}` }),
      },
      {
        method: "POST",
        route: `/api/v1/compute/${name}`,
        allowed: USERS,
        request: () => ({
          method: "POST",
          url: `/api/v1/compute/${name}${name === "exposure" ? "?investor=helios" : query}`,
          headers: yaml,
          payload: yamlOf(
            name === "flows" || name === "exposure"
              ? "examples/cloud-partners.yaml"
              : slug === "seed"
                ? "examples/seed-to-series-a.yaml"
                : "examples/openai-round.yaml",
          ),
        }),
      },
    ]),
    // The waterfall at exit values: an investor gets their own payouts (WEB-21); the
    // breakpoints above stay refused. The route is the same; the query differs.
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/exit",
      allowed: MEMBERS,
      request: () => ({ method: "GET", url: `${deal}/seed/exit?at=15M%3B60M` }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/jobs/simulate",
      allowed: ["owner", "editor", "viewer"],
      request: () => ({ method: "POST", url: `${deal}/openai/jobs/simulate?runs=100` }),
    },
    // The Monte Carlo summary of a posted document as a file, run in the request (WEB-PDF-1).
    {
      method: "POST",
      route: "/api/v1/compute/simulate",
      allowed: USERS,
      request: () => ({
        method: "POST",
        url: "/api/v1/compute/simulate?runs=100&format=pdf",
        headers: yaml,
        payload: yamlOf("examples/openai-round.yaml"),
      }),
    },
    {
      method: "POST",
      route: "/api/v1/compute/simulate/jobs",
      allowed: USERS,
      request: () => ({
        method: "POST",
        url: "/api/v1/compute/simulate/jobs?runs=100",
        headers: yaml,
        payload: yamlOf("examples/openai-round.yaml"),
      }),
    },
    {
      method: "POST",
      route: "/api/v1/ingest",
      allowed: USERS,
      request: () => ({
        method: "POST",
        url: "/api/v1/ingest",
        headers: { "content-type": "text/plain" },
        payload: "Amazon pourrait investir jusqu'à 50 milliards de dollars dans OpenAI.",
      }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/sources",
      allowed: ["owner", "editor"],
      request: async (caller) => ({
        method: "POST",
        url: `${deal}/openai/sources?expectedVersion=${await version("openai")}&sourceId=matrix-${caller}`,
        headers: { "content-type": "text/plain" },
        payload: "Amazon pourrait investir jusqu'à 50 milliards de dollars dans OpenAI.",
      }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/ocf",
      allowed: ["owner", "editor", "viewer"],
      request: () => ({ method: "GET", url: `${deal}/seed/ocf?country=US` }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/ocf",
      allowed: ["owner", "editor"],
      request: async (caller) => ({
        method: "POST",
        url: `${deal}/ocf-${caller}/ocf?expectedVersion=${await version(`ocf-${caller}`)}`,
        headers: { "content-type": "application/zip" },
        payload: ocfZip,
      }),
    },
    {
      method: "POST",
      route: "/api/v1/compute/import",
      allowed: USERS,
      request: () => ({
        method: "POST",
        url: "/api/v1/compute/import?name=acme.csv",
        headers: { "content-type": "text/csv" },
        payload: csvText(templateRows()),
      }),
    },
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/deals/{deal}/import",
      allowed: ["owner", "editor"],
      request: async (caller) => ({
        method: "POST",
        url: `${deal}/import-${caller}/import?expectedVersion=${await version(`import-${caller}`)}&name=acme.csv`,
        headers: { "content-type": "text/csv" },
        payload: csvText(templateRows()),
      }),
    },
    // Documents shared with investors (SRV-SHARE-1..5): owners share and withdraw; owners
    // and investors list and download; editors and viewers are refused.
    {
      method: "POST",
      route: "/api/v1/workspaces/{ws}/shared-documents",
      allowed: ["owner"],
      request: () => ({
        method: "POST",
        url: "/api/v1/workspaces/acme/shared-documents",
        payload: { deal: "seed", report: "captable", format: "pdf" },
      }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/shared-documents",
      allowed: ["owner", "investor"],
      request: () => ({ method: "GET", url: "/api/v1/workspaces/acme/shared-documents" }),
    },
    {
      method: "GET",
      route: "/api/v1/workspaces/{ws}/shared-documents/{id}/file",
      allowed: ["owner", "investor"],
      request: async () => ({
        method: "GET",
        url: `/api/v1/workspaces/acme/shared-documents/${await shareWithInvestors()}/file`,
      }),
    },
    {
      method: "DELETE",
      route: "/api/v1/workspaces/{ws}/shared-documents/{id}",
      allowed: ["owner"],
      request: async () => ({
        method: "DELETE",
        url: `/api/v1/workspaces/acme/shared-documents/${await shareWithInvestors()}`,
      }),
    },
    // A job is its starter's alone: every other caller gets 404.
    {
      method: "GET",
      route: "/api/v1/jobs/{jobId}",
      allowed: ["owner"],
      request: () => ({ method: "GET", url: `/api/v1/jobs/${ownerJob}` }),
    },
    {
      method: "GET",
      route: "/api/v1/jobs/{jobId}/events",
      allowed: ["owner"],
      request: () => ({ method: "GET", url: `/api/v1/jobs/${ownerJob}/events` }),
    },
    {
      method: "GET",
      route: "/api/v1/jobs/{jobId}/file",
      allowed: ["owner"],
      request: () => ({ method: "GET", url: `/api/v1/jobs/${ownerSimulation}/file?format=xlsx` }),
    },
    {
      method: "DELETE",
      route: "/api/v1/jobs/{jobId}",
      allowed: ["owner"],
      request: () => ({ method: "DELETE", url: `/api/v1/jobs/${ownerJob}` }),
    },
  ];

  it("covers every route of the OpenAPI document", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = cases.map((c) => `${c.method} ${c.route}`);
    expect(covered.sort()).toEqual(expect.arrayContaining(documented.sort()));
    expect(documented.length).toBe(new Set(covered).size);
  });

  it.each(cases.map((c) => [`${c.method} ${c.route}`, c] as const))("%s", async (_name, testCase) => {
    for (const caller of CALLERS) {
      const request = await testCase.request(caller);
      const credentials =
        caller === "anonymous"
          ? undefined
          : caller === "bad-token"
            ? { token: "rt_not-a-real-token", username: "nobody" }
            : team[caller];
      const before = await store.contentDigest();
      const response = await as(app, credentials, request);
      const label = `${caller} ${testCase.method} ${request.url}: ${response.statusCode} ${response.body.slice(0, 200)}`;
      if (testCase.allowed.includes(caller)) {
        expect(response.statusCode, label).toBeGreaterThanOrEqual(200);
        expect(response.statusCode, label).toBeLessThan(300);
        if (response.statusCode === 202) await finished(app, credentials!, response.json().job.id);
      } else {
        const expected = caller === "anonymous" || caller === "bad-token" ? [401] : [403, 404];
        expect(expected, label).toContain(response.statusCode);
        expect(await store.contentDigest(), label).toBe(before);
      }
    }
  });
});
