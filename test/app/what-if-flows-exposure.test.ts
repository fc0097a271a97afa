import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { BackendFactory } from "../server/support/backends.js";
import { as, seedTeam, teamApp } from "../server/support/team.js";
import { cli } from "../support/cli.js";

const WORKSPACE = "examples/ai-ecosystem.yaml";

/** ai-ecosystem.yaml beside an openai-round.yaml with Nvidia's amount written in by hand. */
function workspaceWithNvidiaByHand(amount: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-set-everywhere-"));
  const deal = readFileSync("examples/openai-round.yaml", "utf8");
  const edited = deal.replace(
    "- { investor: nvidia, closing: strategic }",
    `- { investor: nvidia, closing: strategic, amount: ${amount} }`,
  );
  expect(edited).not.toBe(deal);
  writeFileSync(path.join(dir, "openai-round.yaml"), edited);
  writeFileSync(path.join(dir, "ai-ecosystem.yaml"), readFileSync(WORKSPACE, "utf8"));
  return path.join(dir, "ai-ecosystem.yaml");
}

/** ai-ecosystem.yaml standing alone (OpenAI's deal inline), as the API takes a posted workspace. */
function standaloneWorkspace(): string {
  const ws = parse(readFileSync(WORKSPACE, "utf8"));
  const { roundtable: _version, ...deal } = parse(readFileSync("examples/openai-round.yaml", "utf8"));
  ws.companies[0] = { id: "openai", deal };
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-set-everywhere-"));
  writeFileSync(path.join(dir, "ai-ecosystem.yaml"), stringify(ws));
  return path.join(dir, "ai-ecosystem.yaml");
}

async function json(args: readonly string[]) {
  const r = await cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("--set what-ifs on flows and exposure, COMPANY.NAME=VALUE (SPEC DEAL-WHATIF-5)", () => {
  it("DEAL-WHATIF-5 flows --set openai.nvidia=$20B equals flows on the workspace whose OpenAI deal has Nvidia's $20B written in", async () => {
    const body = await json(["flows", WORKSPACE, "--set", "openai.nvidia=$20B", "--format", "json"]);
    const byHand = await json(["flows", workspaceWithNvidiaByHand("$20B"), "--format", "json"]);
    const { whatIf, scenario, ...figures } = body;
    const { scenario: handScenario, ...handFigures } = byHand;
    expect(figures).toEqual(handFigures);
    expect(whatIf).toEqual({
      scenario: "what-if",
      basedOn: "base",
      settings: [
        {
          name: "openai.nvidia",
          quantity: "round:round-2026/investment:nvidia",
          label: "Nvidia",
          unit: "money",
          value: "20000000000",
        },
      ],
      contradicted: [],
    });
    const nvidia = body.investments.find((i: { investor: string }) => i.investor === "nvidia");
    // $20B in whole shares at the rounded price, as by hand.
    expect(nvidia.invested).toBe(
      byHand.investments.find((i: { investor: string }) => i.investor === "nvidia").invested,
    );
    expect((await json(["flows", WORKSPACE, "--format", "json"])).whatIf).toBeUndefined();
  });

  it("DEAL-WHATIF-5 flows --runs holds the set figure fixed: the same percentiles as the hand edit, for a seed", async () => {
    const args = ["--runs", "300", "--seed", "5", "--format", "json"];
    const { whatIf, claims, ...body } = await json([
      "flows",
      WORKSPACE,
      "--set",
      "openai.nvidia=$20B",
      ...args,
    ]);
    const { claims: handClaims, ...byHand } = await json([
      "flows",
      workspaceWithNvidiaByHand("$20B"),
      ...args,
    ]);
    expect(body).toEqual(byHand);
    expect(claims).toContain("what-if:round:round-2026/investment:nvidia");
    expect(handClaims).toContain("terms:round:round-2026/investment:nvidia");
    expect(whatIf.settings[0].quantity).toBe("round:round-2026/investment:nvidia");
  });

  it("DEAL-WHATIF-5 exposure --set equals the hand edit and lists the claim the what-if contradicts", async () => {
    const body = await json([
      "exposure",
      WORKSPACE,
      "nvidia",
      "--set",
      "openai.nvidia=$20B",
      "--format",
      "json",
    ]);
    const byHand = await json(["exposure", workspaceWithNvidiaByHand("$20B"), "nvidia", "--format", "json"]);
    const { whatIf: _whatIf, ...figures } = body;
    expect(figures).toEqual(byHand);
    const amazon = await json([
      "exposure",
      WORKSPACE,
      "amazon",
      "--set",
      "openai.amazon=$50B",
      "--format",
      "json",
    ]);
    expect(amazon.whatIf.contradicted.map((c: { id: string }) => c.id)).toEqual(["trio-about-40"]);
    const text = await cli(["exposure", WORKSPACE, "amazon", "--set", "openai.amazon=$50B"]);
    expect(text.stdout).toContain(
      "What-if (based on the base scenario): Amazon = $50B\n  set aside, contradicted by the what-if: claim trio-about-40 (Amazon + Nvidia + Microsoft: about $40B)",
    );
  });

  it("DEAL-WHATIF-5 an unqualified name, an unknown company or name, or a company without a deal lists what exists", async () => {
    const cases = [
      [
        "amazon=$50B",
        "a name is COMPANY.NAME, such as openai.pre-money; the companies with a deal are openai",
      ],
      ["meta.amazon=$50B", "the companies with a deal are openai"],
      ["anthropic.pre-money=$200B", "company anthropic has no deal in the workspace (only a valuation)"],
      [
        "openai.amzn=$50B",
        'company openai: --set names "amzn", which the deal does not have; the names are amazon, nvidia',
      ],
    ] as const;
    for (const [set, message] of cases) {
      for (const args of [
        ["flows", WORKSPACE],
        ["exposure", WORKSPACE, "amazon"],
      ]) {
        const r = await cli([...args, "--set", set]);
        expect(r.code, set).toBe(2);
        expect(r.stderr, set).toContain(message);
        expect(r.stderr).toContain("what_if_unknown_name");
        expect(r.stdout).toBe("");
      }
    }
  });

  it("DEAL-WHATIF-5 the API's flows and exposure take set= as the CLI's --set; a bad one is query.set", async () => {
    const factory = new BackendFactory("sqlite");
    const store = await factory.freshStore();
    const team = (await seedTeam(store)).viewer;
    const app = await teamApp(store);
    const posted = standaloneWorkspace();
    try {
      const set = `set=${encodeURIComponent("openai.nvidia=$20B")}`;
      const flows = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/flows?${set}`,
        headers: { "content-type": "application/yaml" },
        payload: readFileSync(posted, "utf8"),
      });
      expect(flows.statusCode, flows.body).toBe(200);
      expect(flows.json()).toEqual(
        await json(["flows", posted, "--set", "openai.nvidia=$20B", "--format", "json"]),
      );
      const exposure = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/exposure?investor=nvidia&${set}`,
        headers: { "content-type": "application/yaml" },
        payload: readFileSync(posted, "utf8"),
      });
      expect(exposure.statusCode, exposure.body).toBe(200);
      expect(exposure.json()).toEqual(
        await json(["exposure", posted, "nvidia", "--set", "openai.nvidia=$20B", "--format", "json"]),
      );
      const bad = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/flows?set=${encodeURIComponent("meta.amazon=$50B")}`,
        headers: { "content-type": "application/yaml" },
        payload: readFileSync(posted, "utf8"),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.problems[0].path).toBe("query.set");
    } finally {
      await app.close();
      await factory.cleanup();
    }
  });
});
