import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp } from "./support/team.js";

describeEachBackend(
  "PDF and XLSX reports from the API",
  (backends) => {
    let store: Store;
    let app: FastifyInstance;
    let team: Record<Persona, Credentials>;
    beforeAll(async () => {
      store = await backends.freshStore();
      team = await seedTeam(store);
      app = await teamApp(store);
      return () => app.close();
    });

    it("REP-8: ?format=pdf on a stored deal's model gives the pro forma as a PDF attachment", async () => {
      const json = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model",
      });
      const pdf = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf",
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toMatch(/^attachment; filename="openai-model-v1\.pdf"$/);
      const text = execFileSync("pdftotext", ["-", "-"], { input: pdf.rawPayload, encoding: "utf8" });
      expect(text).toContain("Document version 1");
      for (const h of json.json().holders) expect(text).toContain(h.name);
    });

    it("REP-8: Accept chooses the XLSX workbook; the cap table reads back", async () => {
      const xlsx = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/captable",
        headers: { accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const byHolder = wb.getWorksheet("By holder")!;
      expect(byHolder.getCell("A4").value).toBe("Ada Lovelace");
      expect(byHolder.getCell("B4").value).toBe(4625000);
    });

    it("REP-8: the exit statement as a PDF and an XLSX: the waterfall at the `at` values and the breakpoints, as the JSON gives them", async () => {
      const json = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/exit?at=10M%3B50M",
      });
      expect(json.statusCode).toBe(200);
      const pdf = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/exit?at=10M%3B50M&format=pdf",
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-disposition"]).toMatch(/^attachment; filename="seed-exit-v1\.pdf"$/);
      const text = execFileSync("pdftotext", ["-", "-"], { input: pdf.rawPayload, encoding: "utf8" });
      expect(text).toContain("Document version 1");
      expect(text).toContain("At an exit of $50M");
      expect(text).toContain("Breakpoints");
      const at50 = json.json().outcomes[1];
      for (const h of at50.holders.filter((x: { total: string }) => x.total !== "0"))
        expect(text).toContain(h.name);
      const xlsx = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/exit?at=10M%3B50M&format=xlsx",
      });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("At an exit of $50M")!;
      const cells = new Map<string, unknown>();
      sheet.eachRow((row) => {
        const name = row.getCell(1).value;
        if (typeof name === "string") cells.set(name, row.values);
      });
      // Every holder paid at $50M has a row on the sheet, by name, with the JSON's total as a number.
      const numbers = (values: unknown) =>
        (values as unknown[]).map((v) =>
          typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : v,
        );
      for (const h of at50.holders.filter((x: { total: string }) => x.total !== "0")) {
        expect(cells.has(h.name), h.name).toBe(true);
        expect(numbers(cells.get(h.name)), h.name).toContain(Number(h.total));
      }
      const sweep = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/exit?sweep=0..1B&format=pdf",
      });
      expect(sweep.statusCode).toBe(400);
      expect(sweep.json().error.code).toBe("request_invalid");
    });

    it("REP-8: a finished simulate job's Monte Carlo summary as a PDF and an XLSX, with the figures of its JSON", async () => {
      const started = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/openai/jobs/simulate?runs=300&seed=3",
      });
      expect(started.statusCode).toBe(202);
      const id: string = started.json().job.id;
      let job = started.json().job;
      for (let i = 0; i < 600 && job.status === "running"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (await as(app, team.viewer, { method: "GET", url: `/api/v1/jobs/${id}` })).json().job;
      }
      expect(job.status).toBe("succeeded");
      const result = job.result;
      const pdf = await as(app, team.viewer, { method: "GET", url: `/api/v1/jobs/${id}/file?format=pdf` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="simulation-${id}.pdf"`);
      const text = execFileSync("pdftotext", ["-", "-"], { input: pdf.rawPayload, encoding: "utf8" });
      expect(text).toContain("Monte Carlo simulation");
      expect(text).toContain(result.round);
      expect(text).toContain("300 sampled scenarios (seed 3)");
      for (const h of result.holders) expect(text).toContain(h.name);
      // The claims by what they are about, not by their ids.
      expect(text).not.toContain("trio-about-40");
      const xlsx = await as(app, team.viewer, {
        method: "GET",
        url: `/api/v1/jobs/${id}/file`,
        headers: { accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      // Every row of a percentile table by its label: the JSON's statistics, as numbers.
      const rows = new Map<string, unknown[]>();
      wb.eachSheet((sheet) =>
        sheet.eachRow((row) => {
          const label = row.getCell(1).value;
          if (typeof label === "string" && !rows.has(label)) rows.set(label, row.values as unknown[]);
        }),
      );
      const post = result.postMoneyValuation;
      expect(rows.get("Post-money valuation")?.slice(2, 5)).toEqual([
        Number(post.p5),
        Number(post.p50),
        Number(post.p95),
      ]);
      for (const h of result.holders) {
        const o = h.ownership;
        expect(rows.get(`${h.name}: ownership`)?.slice(2, 5), h.name).toEqual([
          Number(o.p5),
          Number(o.p50),
          Number(o.p95),
        ]);
      }
      // Another user does not see the job; a job of another kind has no file.
      const other = await as(app, team.investor, { method: "GET", url: `/api/v1/jobs/${id}/file` });
      expect(other.statusCode).toBe(404);
      const replay = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/jobs/replay",
      });
      const replayId: string = replay.json().job.id;
      const notSimulation = await as(app, team.viewer, {
        method: "GET",
        url: `/api/v1/jobs/${replayId}/file`,
      });
      expect(notSimulation.statusCode).toBe(400);
      expect(notSimulation.json().error.message).toMatch(/a replay job's result is JSON only/);
    });

    it("REP-8: investors are refused the files; an unknown format is a 400", async () => {
      const investor = await as(app, team.investor, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf",
      });
      expect(investor.statusCode).toBe(403);
      expect(investor.json().error.code).toBe("forbidden");
      const bad = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?format=docx",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("request_invalid");
    });
  },
  ["sqlite"],
);
