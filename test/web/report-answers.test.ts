import { describe, expect, it } from "vitest";
import { type CapTableReport, captable } from "../../src/app/captable.js";
import { HttpDataAccess } from "../../src/web/api/http-data-access.js";
import { MemoryDataAccess } from "../../src/web/api/memory-data-access.js";
import {
  apiGolden,
  EXAMPLES,
  exampleDeal,
  typedReport,
  withoutSharesByClass,
} from "../report/report-reading.js";
import { exampleFiles } from "./support/examples.js";

/**
 * The data access hands the views typed reports (issue 16): the HTTP one reads the API's JSON
 * with the readers of src/report (test/report/*-read.test.ts), the memory one computes
 * them without any JSON; an answer that is not the report is a failure with the reader's
 * message, which the view shows.
 */
describe("WEB-20 the data access answers the cap table typed, over HTTP and in memory alike", () => {
  it("WEB-20 the HTTP data access (through the JSON) and the memory one (without it) give the view the same report", async () => {
    const memory = new MemoryDataAccess(exampleFiles());
    for (const name of EXAMPLES) {
      const inMemory = await memory.capTableReport("examples", name);
      if (!inMemory.ok) throw new Error(inMemory.error.message);
      const report: CapTableReport = await typedReport(captable, exampleDeal(name), {});
      const body = JSON.stringify(captable.json(report));
      const http = new HttpDataAccess(async () => new Response(body, { status: 200 }));
      const answered = await http.capTableReport("examples", name);
      if (!answered.ok) throw new Error(answered.error.message);
      expect(answered.value).toEqual(withoutSharesByClass(inMemory.value));
    }
  });

  it("WEB-20 the HTTP data access answers such a JSON as a bad_response failure with that message", async () => {
    const body = JSON.stringify({ ...(apiGolden("seed-to-series-a.captable.") as object), holders: "none" });
    const http = new HttpDataAccess(async () => new Response(body, { status: 200 }));
    const answered = await http.capTableReport("w", "d");
    expect(answered).toMatchObject({
      ok: false,
      error: {
        code: "bad_response",
        message: 'the cap table the server answered: holders: "none" is not a list',
      },
    });
  });
});

describe("WEB-23 the data access answers an investor's figures typed", () => {
  it("WEB-23 the HTTP data access answers such a JSON as a bad_response failure with that message", async () => {
    const body = JSON.stringify({ currency: "USD", outcomes: [{ exitValue: "1e9", holders: [] }] });
    const http = new HttpDataAccess(async () => new Response(body, { status: 200 }));
    expect(await http.exitAt("w", "d", "1B")).toMatchObject({
      ok: false,
      error: {
        code: "bad_response",
        message: 'the payouts the server answered: outcomes[0].exitValue: "1e9" is not a decimal number',
      },
    });
  });
});
