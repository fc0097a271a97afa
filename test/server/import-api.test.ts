import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import {
  csvText,
  SEED_TERMS_MAPPING,
  summaryXlsx,
  templateRows,
} from "../interchange/spreadsheet/fixtures.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp } from "./support/team.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describeEachBackend(
  "spreadsheet import over the API (docs/spec/import.md IMP-80)",
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

    it("IMP-80 POST /api/v1/compute/import reads a CSV into a deal document, as roundtable import", async () => {
      const r = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/import?name=acme.csv&company=Acme%20SAS",
        headers: { "content-type": "text/csv; charset=utf-8" },
        payload: csvText(templateRows()),
      });
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body).toMatchObject({
        layout: "template",
        sheet: "acme",
        headerRow: 1,
        counts: { holders: 4, classes: 2, transactions: 4 },
      });
      expect(body.document.company).toEqual({ name: "Acme SAS", currency: "USD" });
      expect(body.yaml).toMatch(/^# Imported from acme\.csv/);
    });

    it("IMP-80 an XLSX summary with its mapping and date", async () => {
      const r = await as(app, team.viewer, {
        method: "POST",
        url: `/api/v1/compute/import?name=summary.xlsx&date=2022-06-15&mapping=${encodeURIComponent(SEED_TERMS_MAPPING)}`,
        headers: { "content-type": XLSX },
        payload: await summaryXlsx(),
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().document.classes[1]).toMatchObject({ name: "Series Seed", type: "preferred" });
    });

    it("IMP-80 a bad cell is a 400 naming sheet, row and column; every problem listed", async () => {
      const r = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/import?name=bad.csv&date=2024-01-01",
        headers: { "content-type": "text/csv" },
        payload: 'Holder,Class,Shares\nAlice,Common,"12,5k"\nBob,Common,-3\n',
      });
      expect(r.statusCode).toBe(400);
      const error = r.json().error;
      expect(error.code).toBe("import_invalid_cell");
      expect(error.problems.map((p: { message: string }) => p.message)).toEqual([
        'sheet "bad", row 2, column C (Shares): "12,5k" is abbreviated: write the whole number of shares (12500, not 12.5k or 12,5k)',
        'sheet "bad", row 3, column C (Shares): "-3" is negative: a share count is zero or more',
      ]);
    });

    it("IMP-80 a file that is not a spreadsheet is a 415; an empty body a 400", async () => {
      const pdf = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/import?name=cap.xlsx",
        headers: { "content-type": XLSX },
        payload: Buffer.from("%PDF-1.7\n"),
      });
      expect(pdf.statusCode).toBe(415);
      expect(pdf.json().error.code).toBe("import_not_spreadsheet");
      const empty = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/import",
        headers: { "content-type": "text/csv" },
        payload: "",
      });
      expect(empty.statusCode).toBe(400);
    });

    it("IMP-80 a 50 MB upload is refused with 413", async () => {
      const r = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/import",
        headers: { "content-type": "text/csv" },
        payload: Buffer.alloc(50 * 1024 * 1024, "a"),
      });
      expect(r.statusCode).toBe(413);
    });

    it("IMP-81 POST /workspaces/:ws/deals/:deal/import stores the deal; it computes like any deal", async () => {
      const put = await as(app, team.editor, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/imported/import?expectedVersion=0&name=acme.csv&company=Acme%20SAS",
        headers: { "content-type": "text/csv" },
        payload: csvText(templateRows()),
      });
      expect(put.statusCode, put.body).toBe(201);
      expect(put.json()).toMatchObject({ id: "imported", kind: "deal", version: 1 });
      const table = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/imported/captable",
      });
      expect(table.statusCode, table.body).toBe(200);
      expect(JSON.stringify(table.json())).toContain("Seed Fund LP");
      const bad = await as(app, team.editor, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/imported/import?expectedVersion=1&name=x.csv",
        headers: { "content-type": "text/csv" },
        payload: "Holder,Shares\nA,1\n",
      });
      expect(bad.statusCode).toBe(400);
      const head = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/imported",
      });
      expect(head.headers.etag).toBe('"1"');
    });
  },
  ["sqlite"],
);
