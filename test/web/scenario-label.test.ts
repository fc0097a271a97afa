import { describe, expect, it } from "vitest";
import { fill, MESSAGES, type MessageKey } from "../../src/web/i18n/messages.js";
import { scenarioLabel } from "../../src/web/i18n/value-format.js";

/**
 * A scenario's name in the interface's language (APP-9): the three the engine makes are
 * words of each language, one word per concept with the CLI's ("de base"); a deal's own
 * scenario keeps the name it was given. The scenarios and investor views both use it.
 */
describe("scenarioLabel", () => {
  const t = (locale: "en" | "fr") => (key: MessageKey, values?: Record<string, string | number>) =>
    fill(MESSAGES[locale][key], values);

  it("low, base and high in English and in French; a deal's own scenario as written", () => {
    expect(["low", "base", "high"].map((s) => scenarioLabel(s, t("en")))).toEqual(["Low", "Base", "High"]);
    expect(["low", "base", "high"].map((s) => scenarioLabel(s, t("fr")))).toEqual(["Bas", "De base", "Haut"]);
    expect(scenarioLabel("version-40", t("fr"))).toBe("version-40");
    expect(scenarioLabel("toString", t("fr"))).toBe("toString");
  });
});
