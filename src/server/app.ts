import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from "fastify";
import * as z from "zod";
import { LIMITS } from "../core/shared/limits.js";
import { DealSchema, RoundSchema, TransactionSchema, WorkspaceSchema } from "../deal/schema.js";
import type { Store } from "../storage/store.js";
import { ApiError } from "./api-error.js";
import { LoginLimiter, sameSecret, tokenHash } from "./auth.js";
import { ComputePool, type ComputePoolOptions } from "./compute-pool.js";
import type { Caller, ServerContext } from "./context.js";
import { JobManager, type Jobs } from "./jobs.js";
import { ReportCache } from "./report-cache.js";
import { ErrorBody } from "./responses.js";
import { registerAuthRoutes, SESSION_COOKIE } from "./routes/auth.js";
import { registerComputeRoutes } from "./routes/compute.js";
import { registerDealRoutes } from "./routes/deals.js";
import { registerHistoryRoutes } from "./routes/history.js";
import { registerImportRoutes, SPREADSHEET_TYPES } from "./routes/import.js";
import { registerInterchangeRoutes, ZIP_TYPES } from "./routes/interchange.js";
import { registerInvitationRoutes } from "./routes/invitations.js";
import { registerSharedDocumentRoutes } from "./routes/shared-documents.js";
import { registerWorkspaceRoutes } from "./routes/workspaces.js";
import { SharedLoginLimiter, SharedReportCache } from "./shared-limits.js";
import { openApiTransform, zodValidatorCompiler } from "./validation.js";
import { registerWebApp } from "./web-app.js";

export interface AppOptions {
  readonly store: Store;
  /** Pino options, or false for none (tests). */
  readonly logger?: FastifyServerOptions["logger"];
  /** Trust X-Forwarded-* from a reverse proxy (SPEC AUTH-2): true, a hop count, or addresses. */
  readonly trustProxy?: boolean | string;
  readonly now?: () => Date;
  readonly version?: string;
  /** The built web app to serve at `/` (SPEC SRV-4); none when undefined (API tests). */
  readonly webRoot?: string;
  /** The worker pool's size and limits (SPEC SRV-5); LIMITS by default. */
  readonly compute?: ComputePoolOptions;
  /**
   * Where jobs live: in this process's memory by default (SPEC API-6); a deployment on
   * PostgreSQL passes SharedJobs, run by worker processes (SPEC SRV-6).
   */
  readonly jobs?: Jobs;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BEARER = /^Bearer ([A-Za-z0-9_-]{1,200})$/;

/** JSON bodies longer than this are not parsed on the event loop. */
const JSON_PARSED_BYTES = 1024 * 1024;

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

const YAML_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

function withoutSchemaKey(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

/**
 * The HTTP API (SPEC API-1..API-7): REST and JSON under /api/v1, every request part
 * validated by a zod schema, every expected failure an error from the catalogue, the
 * OpenAPI document at /api/v1/openapi.json and a browsable reference at /api/docs.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const context: ServerContext = {
    store: options.store,
    jobs: options.jobs ?? new JobManager(now),
    // On PostgreSQL the processes of a deployment share reports and login counts (SRV-6).
    cache:
      options.store.backend.kind === "postgres"
        ? new SharedReportCache(options.store.backend.db, new ReportCache(), () => now().getTime())
        : new ReportCache(),
    limiter:
      options.store.backend.kind === "postgres"
        ? new SharedLoginLimiter(options.store.backend.db, () => now().getTime())
        : new LoginLimiter(() => now().getTime()),
    pool: options.compute ? new ComputePool(options.compute) : ComputePool.shared(),
    now,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: LIMITS.requestBodyBytes,
    // Request ids are generated, never taken from a client header.
    requestIdHeader: false,
    return503OnClosing: true,
    frameworkErrors: (error, _request, reply) => {
      const e = new ApiError("request_invalid", error.message);
      reply.code(e.statusCode as never).send(e.body() as never);
    },
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(zodValidatorCompiler);
  // Response schemas document the API; bodies are written as they are.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1/") || route.schema?.hide) return;
    route.schema = {
      ...(route.schema ?? {}),
      response: { ...((route.schema?.response as object) ?? {}), "4XX": ErrorBody },
    };
  });
  app.decorateRequest("caller", null);
  app.decorateRequest("rawBody", undefined);
  app.decorateRequest("bodyBytes", undefined);
  app.decorateRequest("rawQuery", undefined);
  // The query as sent, before its schema transforms it: computations that run on a worker
  // thread get it as plain strings and validate it there with the same schema.
  app.addHook("preValidation", async (request) => {
    request.rawQuery = request.query as Record<string, unknown>;
  });

  // Bodies are read as text: deal documents keep each number as written (SPEC API-2).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text.trim() === "") return done(null, undefined);
    // A large body is a deal document, read from its text on a worker thread (SPEC SRV-5):
    // parsing it here would hold the event loop. Routes that take a JSON object are small.
    if (text.length > JSON_PARSED_BYTES) return done(null, text);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(
        new ApiError("request_invalid", `the body is not valid JSON: ${(error as Error).message}`, [
          { code: "deal_syntax", message: (error as Error).message, path: "body" },
        ]),
        undefined,
      );
    }
  });
  // Text bodies are decoded here, so that a route reading a report can refuse bytes that
  // are not UTF-8 (SPEC API-8) instead of reading replacement characters.
  app.addContentTypeParser(YAML_TYPES, { parseAs: "buffer" }, (request, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = STRICT_UTF8.decode(bytes);
    } catch {
      text = bytes.toString("utf8");
      request.bodyBytes = bytes;
    }
    request.rawBody = text;
    done(null, text);
  });
  // OCF packages are uploaded as zips (SPEC API-8).
  app.addContentTypeParser(ZIP_TYPES, { parseAs: "buffer" }, (_request, body, done) => done(null, body));
  // Spreadsheets are read as bytes: the importer finds the encoding of a CSV itself.
  app.addContentTypeParser(SPREADSHEET_TYPES, { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  await app.register(fastifyCookie);
  // The body schemas for the OpenAPI document; the loaders validate. A stored document is a
  // deal or a workspace (SPEC STORE-3).
  const documentSchema = (schema: z.ZodType) =>
    withoutSchemaKey(
      z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12", reused: "ref" }),
    );
  app.addSchema({
    $id: "DealDocument",
    title: "A deal document of one company",
    ...documentSchema(DealSchema),
  });
  app.addSchema({
    $id: "WorkspaceDocument",
    title: "A workspace document of several companies",
    ...documentSchema(WorkspaceSchema),
  });
  app.addSchema({
    $id: "StoredDocument",
    title: "A deal document or a workspace document",
    anyOf: [{ $ref: "DealDocument#" }, { $ref: "WorkspaceDocument#" }],
  });
  app.addSchema({
    $id: "DealTransaction",
    ...withoutSchemaKey(z.toJSONSchema(TransactionSchema, { io: "input", unrepresentable: "any" })),
  });
  app.addSchema({
    $id: "DealRound",
    ...withoutSchemaKey(z.toJSONSchema(RoundSchema, { io: "input", unrepresentable: "any" })),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "roundtable API",
        version: options.version ?? "1",
        description:
          "Workspaces of deals for teams: stored deal documents with their history, computations (model, solve, cap table, validate) on stored and posted deals, jobs with progress, users, roles and an audit trail. Errors carry a code from the catalogue in docs/errors.md.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: openApiTransform as never,
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  // The reference is served from the installed package and validates nothing online.
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", logLevel: "warn", validatorUrl: false });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    if (!request.url.startsWith("/api/v1/")) return;
    reply.header("cache-control", "no-store");
    const access = request.routeOptions.config?.access;
    // Only API routes authenticate: an unknown /api/v1 path (matched by no route, or by the
    // web app's file route) is the JSON 404 whoever asks.
    const route = request.routeOptions.url;
    if (access === "public" || route === undefined || !route.startsWith("/api/v1/")) return;
    request.caller = await authenticate(context, request);
  });

  app.setErrorHandler((error, request, reply) => {
    const expected = expectedError(error, options.store);
    if (expected) {
      for (const [k, v] of Object.entries(expected.headers)) reply.header(k, v);
      return reply.status(expected.statusCode).send(expected.body());
    }
    // A bug or an unforeseen failure: logged with its stack, answered without one.
    request.log.error({ err: error }, "unexpected error");
    return reply.status(500).send({
      error: {
        code: "internal",
        message: `internal error (request ${request.id}); it was logged`,
        problems: [],
      },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new ApiError("not_found", `no route ${request.method} ${request.url.split("?")[0]}`);
    reply.status(e.statusCode).send(e.body());
  });

  app.get(
    "/api/v1/health",
    { config: { access: "public" }, schema: { tags: ["meta"], summary: "Liveness", security: [] } },
    async () => ({
      status: "ok",
    }),
  );
  app.get("/api/v1/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  registerAuthRoutes(app, context);
  registerWorkspaceRoutes(app, context);
  registerInvitationRoutes(app, context);
  registerDealRoutes(app, context);
  registerHistoryRoutes(app, context);
  registerComputeRoutes(app, context);
  registerInterchangeRoutes(app, context);
  registerImportRoutes(app, context);
  registerSharedDocumentRoutes(app, context);
  if (options.webRoot !== undefined) await registerWebApp(app, options.webRoot);

  // While closing, every response ends its connection: a keep-alive connection that was
  // busy when the server began to close must not hold the process open (SPEC SRV-2).
  let closing = false;
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
  app.addHook("preClose", async () => {
    closing = true;
    await context.jobs.cancelAll();
  });
  // A pool of the app's own is closed with it; the process's shared pool stays warm.
  app.addHook("onClose", async () => {
    if (!context.pool.isShared) await context.pool.close();
  });
  return app;
}

/** Maps an error to the catalogue, or undefined for an unexpected one (SPEC API-3). */
function expectedError(error: unknown, store: Store): ApiError | undefined {
  if (error instanceof ApiError) return error;
  const e = error as { code?: string; statusCode?: number; message?: string; validation?: unknown };
  if (e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
    return new ApiError(
      "unsupported_media_type",
      "send the body as application/json or application/yaml (text/yaml and text/plain are read as YAML)",
    );
  if (e.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return new ApiError(
      "input_too_large",
      `the body is larger than the ${LIMITS.requestBodyBytes} bytes limit`,
    );
  if (store.backend.isInvalidText(error))
    return new ApiError(
      "request_invalid",
      "the request holds a character the database cannot store as text (such as NUL)",
    );
  if (store.backend.isUnavailable(error))
    return new ApiError("unavailable", "the database is busy or unreachable; try again");
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own rejections of malformed requests (bad content length, bad encoding, …).
    return new ApiError("request_invalid", `the request is malformed (${e.code ?? e.statusCode})`);
  }
  if (e.code === "FST_ERR_REP_ALREADY_SENT") return undefined;
  return undefined;
}

/** Resolves the caller from a bearer token or the session cookie (SPEC AUTH-2, AUTH-4). */
async function authenticate(context: ServerContext, request: FastifyRequest): Promise<Caller> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    const user = match ? await context.store.findUserByToken(tokenHash(match[1]!)) : undefined;
    if (!user) throw new ApiError("unauthenticated", "the API token is not valid");
    return { user, via: "token" };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === "" || sessionId.length > 200)
    throw new ApiError("unauthenticated", "log in or send an API token");
  const sessionHash = tokenHash(sessionId);
  const session = await context.store.findSession(sessionHash);
  if (!session) throw new ApiError("unauthenticated", "the session has ended; log in again");
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !sameSecret(sent, session.csrfToken))
      throw new ApiError(
        "csrf_token_invalid",
        "a write with a session cookie needs the X-CSRF-Token header the login returned",
      );
  }
  return { user: session.user, via: "session", csrfToken: session.csrfToken, sessionHash };
}
