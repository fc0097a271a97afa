import { describe, expect, it } from "vitest";
import { dataMode } from "../../src/web/app/data-mode.js";
import { href, parseRoute } from "../../src/web/app/routes.js";
import { preferredLocale } from "../../src/web/i18n/i18n.js";

describe("WEB-7 routes live in the URL's hash", () => {
  it("WEB-7 parses every view and writes links that parse back", () => {
    expect(parseRoute("")).toEqual({ name: "workspaces" });
    expect(parseRoute("#/login")).toEqual({ name: "login" });
    expect(parseRoute(href.deals("my space"))).toEqual({ name: "deals", workspace: "my space" });
    const round = parseRoute(href.round("w", "openai-round", "round-2026"));
    expect(round).toMatchObject({
      name: "deal",
      workspace: "w",
      deal: "openai-round",
      view: "round",
      round: "round-2026",
    });
    const cap = parseRoute(href.capTable("w", "d", new URLSearchParams({ asOf: "2026-01-01", by: "class" })));
    expect(cap.name === "deal" && [cap.view, cap.query.get("asOf"), cap.query.get("by")]).toEqual([
      "captable",
      "2026-01-01",
      "class",
    ]);
    expect(parseRoute("#/w/w/d/d")).toMatchObject({ name: "deal", view: "captable" });
    expect(parseRoute(href.view("w", "d", "exit"))).toMatchObject({ name: "deal", view: "exit" });
    expect(parseRoute("#/w/w/d/d/round")).toEqual({ name: "not_found" });
    expect(parseRoute("#/elsewhere")).toEqual({ name: "not_found" });
  });
});

describe("WEB-8 the interface language and the data source", () => {
  it("WEB-8 takes the stored choice, else the browser's first French or English language", () => {
    expect(preferredLocale(["fr-FR", "en-US"], null)).toBe("fr");
    expect(preferredLocale(["de-DE", "en-GB", "fr"], null)).toBe("en");
    expect(preferredLocale(["de-DE"], null)).toBe("en");
    expect(preferredLocale(["fr-CA"], "en")).toBe("en");
    expect(preferredLocale(["en-US"], "xx")).toBe("en");
  });

  it("WEB-8 uses the server's API in a built app unless ?data=memory asks for the examples", () => {
    expect(dataMode("", false)).toBe("http");
    expect(dataMode("?data=memory", false)).toBe("memory");
    expect(dataMode("", true)).toBe("memory");
    expect(dataMode("?data=http", true)).toBe("http");
  });
});
