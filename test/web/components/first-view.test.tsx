// @vitest-environment happy-dom
import { act, cleanup, render, renderHook, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { DealRecord } from "../../../src/web/api/contract.js";
import type { ApiResult, DataAccess } from "../../../src/web/api/data-access.js";
import { ask } from "../../../src/web/app/asked.js";
import { useApi } from "../../../src/web/app/data-context.js";
import { prefetchDeal, takeDealPrefetch } from "../../../src/web/app/prefetch.js";
import { parseRoute } from "../../../src/web/app/routes.js";
import { ProblemText } from "../../../src/web/components/ProblemText.js";
import { I18nProvider } from "../../../src/web/i18n/i18n.js";

afterEach(() => cleanup());

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const refused: ApiResult<never> = {
  ok: false,
  kind: "error",
  status: 401,
  error: { code: "unauthenticated", message: "sign in first" },
};

describe("WEB-20 the first view is drawn with the answers the page asked for as it started", () => {
  it("WEB-20 useApi starts from an answer already come, asks nothing for the first deps, and asks on reload", async () => {
    const calls: string[] = [];
    const call = async () => {
      calls.push("asked");
      return ok("fresh");
    };
    const { result } = renderHook(() => useApi(call, ["deal-a"], ok("early")));
    expect(result.current[0]).toEqual({ state: "ok", value: "early" });
    // Effects have run (React's test renderer flushes them): no request was made.
    expect(calls).toEqual([]);
    act(() => result.current[1]());
    await waitFor(() => expect(result.current[0]).toEqual({ state: "ok", value: "fresh" }));
    expect(calls).toEqual(["asked"]);
  });

  it("WEB-20 useApi without an answer asks, and asks again when its deps change", async () => {
    const calls: string[] = [];
    const { result, rerender } = renderHook(
      ({ deal }: { deal: string }) =>
        useApi(
          async () => {
            calls.push(deal);
            return ok(deal);
          },
          [deal],
          deal === "deal-a" ? ok("early") : undefined,
        ),
      { initialProps: { deal: "deal-a" } },
    );
    expect(result.current[0]).toEqual({ state: "ok", value: "early" });
    rerender({ deal: "deal-b" });
    await waitFor(() => expect(result.current[0]).toEqual({ state: "ok", value: "deal-b" }));
    expect(calls).toEqual(["deal-b"]);
  });

  it("WEB-20 ask keeps the answer beside the request once it has come", async () => {
    const asked = ask(Promise.resolve(ok(7)));
    expect(asked.settled).toBeUndefined();
    await asked.answer;
    expect(asked.settled).toEqual(ok(7));
  });

  it("WEB-20 a deal's requests refused before a sign-in are not reused after it", async () => {
    const route = parseRoute("#/w/demo/d/openai-round/captable");
    const data = {
      getDeal: async () => refused,
      capTableReport: async () => refused,
    } as unknown as DataAccess;
    const asked = prefetchDeal(data, route);
    await asked?.record.answer;
    await asked?.capTable?.answer;
    expect(takeDealPrefetch("demo", "openai-round")).toBeUndefined();

    const record = { id: "openai-round" } as unknown as DealRecord;
    const signedIn = { getDeal: async () => ok(record), capTableReport: async () => ok({}) };
    const again = prefetchDeal(signedIn as unknown as DataAccess, route);
    await again?.record.answer;
    await again?.capTable?.answer;
    const taken = takeDealPrefetch("demo", "openai-round");
    expect(taken?.record.settled).toEqual(ok(record));
    // Taken once: a later visit asks again.
    expect(takeDealPrefetch("demo", "openai-round")).toBeUndefined();
  });
});

describe("WEB-20 the French summaries of the errors load with the first problem shown in French", () => {
  const problem = { code: "usage", message: "the command is malformed" } as const;

  it("WEB-20 in English, the engine's message alone", () => {
    render(
      <I18nProvider initial="en">
        <ProblemText problem={problem} />
      </I18nProvider>,
    );
    expect(document.body.textContent).toBe("the command is malformed");
  });

  it("WEB-20 in French, the catalogue's summary with the engine's words beside it, once loaded", async () => {
    render(
      <I18nProvider initial="fr">
        <ProblemText problem={problem} />
      </I18nProvider>,
    );
    await screen.findByText(/La commande ou la requête est mal formée\./);
    expect(document.body.textContent).toBe(
      "La commande ou la requête est mal formée. (the command is malformed)",
    );
    expect(document.querySelector('[lang="en"]')?.textContent).toBe("(the command is malformed)");
  });
});
