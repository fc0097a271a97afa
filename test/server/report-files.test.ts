import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
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
      // The same job's summary in French.
      const french = await as(app, team.viewer, { method: "GET", url: `/api/v1/jobs/${id}/file?lang=fr` });
      expect(french.statusCode).toBe(200);
      const frenchText = execFileSync("pdftotext", ["-", "-"], {
        input: french.rawPayload,
        encoding: "utf8",
      });
      expect(frenchText).toContain("Simulation Monte-Carlo");
      expect(frenchText).toContain("300 scénarios tirés (graine 3)");
      expect(frenchText).not.toContain("Monte Carlo simulation");
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

    it("WEB-PDF-1: a posted document's report as a file, the same figures as the stored deal's, marked when it holds unsaved edits", async () => {
      const exported = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/export?format=json",
      });
      const json = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/model",
        headers: { "content-type": "application/json" },
        payload: exported.body,
      });
      const post = (query: string) =>
        as(app, team.viewer, {
          method: "POST",
          url: `/api/v1/compute/model?${query}`,
          headers: { "content-type": "application/json" },
          payload: exported.body,
        });
      const unsaved = await post("format=pdf&unsaved=true");
      expect(unsaved.statusCode).toBe(200);
      expect(unsaved.headers["content-type"]).toBe("application/pdf");
      expect(unsaved.headers["content-disposition"]).toMatch(
        /^attachment; filename="[a-z0-9-]+-model\.pdf"$/,
      );
      const text = execFileSync("pdftotext", ["-", "-"], { input: unsaved.rawPayload, encoding: "utf8" });
      expect(text).toContain("Unsaved edits");
      expect(text).not.toContain("Document version");
      for (const h of json.json().holders) expect(text).toContain(h.name);
      const saved = await post("format=pdf");
      const savedText = execFileSync("pdftotext", ["-", "-"], { input: saved.rawPayload, encoding: "utf8" });
      expect(savedText).not.toContain("Unsaved edits");
      // The computation's own parameters still apply, and a bad one is the request's 400.
      const bad = await post("format=pdf&round=nope");
      expect(bad.statusCode).toBe(400);
      const badFlag = await post("format=pdf&unsaved=maybe");
      expect(badFlag.statusCode).toBe(400);
    });

    it("WEB-PDF-1: the Monte Carlo summary of a posted document as a PDF, run to the end in the request, with the JSON job's figures", async () => {
      const exported = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/export?format=json",
      });
      const pdf = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/simulate?runs=200&seed=7&format=pdf&unsaved=true",
        headers: { "content-type": "application/json" },
        payload: exported.body,
      });
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      const text = execFileSync("pdftotext", ["-", "-"], { input: pdf.rawPayload, encoding: "utf8" });
      expect(text).toContain("Monte Carlo simulation");
      expect(text).toContain("Unsaved edits");
      // The same simulation as the CLI's JSON with the same runs and seed: its holders are named.
      const { writeFileSync, mkdtempSync } = await import("node:fs");
      const { join } = await import("node:path");
      const { tmpdir } = await import("node:os");
      const file = join(mkdtempSync(join(tmpdir(), "rt-sim-")), "openai.json");
      writeFileSync(file, exported.body);
      const simulated = await cli(["simulate", file, "--runs", "200", "--seed", "7", "--json"]);
      expect(simulated.code, simulated.stderr).toBe(0);
      const json = JSON.parse(simulated.stdout);
      const flat = text.replace(/\s+/g, " ");
      for (const h of json.holders as { name: string }[]) expect(flat).toContain(h.name);
      expect(json.runs).toBe(200);
      const noFormat = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/simulate?runs=200",
        headers: { "content-type": "application/json" },
        payload: exported.body,
      });
      expect(noFormat.statusCode).toBe(400);
    });

    it("REP-8: ?lang=fr words the file in French (the figures too: 775 000 000 000,00 $, 27,00 %); the JSON does not change with it", async () => {
      const flat = (bytes: Buffer | Uint8Array) =>
        execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes, encoding: "utf8" }).replace(
          /[\s\u00a0\u202f]+/g,
          " ",
        );
      const pdf = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf&lang=fr",
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toMatch(/^attachment; filename="openai-model-v1\.pdf"$/);
      const text = flat(pdf.rawPayload);
      for (const french of [
        "Version du document 1",
        "Valorisation pré-money 775 Md$ 775 000 000 000,00 $",
        "Prix par action 77,50 $",
        "Pro forma par détenteur",
        "27,00 %",
        "Page 1 sur",
      ])
        expect(text).toContain(french);
      for (const english of ["Document version", "Price per share", "Pre-money valuation", "Holder", "$775"])
        expect(text).not.toContain(english);
      // English by default and with lang=en: the same bytes.
      const en = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf",
      });
      const enExplicit = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf&lang=en",
      });
      expect(Buffer.from(enExplicit.rawPayload).equals(Buffer.from(en.rawPayload))).toBe(true);
      expect(flat(en.rawPayload)).toContain("Price per share");
      // The JSON answer is the same with or without lang.
      const json = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model",
      });
      const jsonFr = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?lang=fr",
      });
      expect(jsonFr.statusCode).toBe(200);
      expect(jsonFr.body).toBe(json.body);
      // The workbook: French sheets and headers, the numbers as numbers.
      const xlsx = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/captable?format=xlsx&lang=fr",
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const byHolder = wb.getWorksheet("Par détenteur")!;
      expect(byHolder.getCell("A3").value).toBe("Détenteur");
      expect(byHolder.getCell("A4").value).toBe("Ada Lovelace");
      expect(byHolder.getCell("B4").value).toBe(4625000);
      // A posted document's file with unsaved edits: the mark in French.
      const exported = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/export?format=json",
      });
      const posted = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/exit?at=50M&format=pdf&unsaved=true&lang=fr",
        headers: { "content-type": "application/json" },
        payload: exported.body,
      });
      expect(posted.statusCode, posted.body).toBe(200);
      const postedText = flat(posted.rawPayload);
      expect(postedText).toContain("Modifications non enregistrées : Les chiffres viennent de modifications");
      expect(postedText).toContain("À une sortie de 50 M$");
      expect(postedText).not.toContain("Unsaved edits");
      // An unknown language is the request's 400.
      const bad = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf&lang=de",
      });
      expect(bad.statusCode).toBe(400);
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
