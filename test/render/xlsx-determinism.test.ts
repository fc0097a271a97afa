import { afterEach, describe, expect, it, vi } from "vitest";
import type { IsoDate } from "../../src/core/shared/date.js";
import type { ReportDocument } from "../../src/render/document.js";
import { renderXlsx } from "../../src/render/xlsx.js";
import { withZipEntryDates } from "../../src/render/zip-dates.js";

const DOCUMENT: ReportDocument = {
  title: { title: "Cap table", company: "Acme", date: "2024-03-15" as IsoDate, marks: [] },
  sections: [{ title: "Summary", blocks: [{ kind: "paragraph", text: "Two holders." }] }],
};

/** The MS-DOS time and date of each entry's local header, as the zip stores them. */
function localHeaderStamps(zip: Uint8Array): [number, number][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: [number, number][] = [];
  for (let i = 0; i + 30 <= zip.length; i++)
    if (view.getUint32(i, true) === 0x04034b50)
      out.push([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]);
  return out;
}

describe("OUT-3 / REP-5 the workbook depends on the report, not on the clock", () => {
  afterEach(() => vi.useRealTimers());

  it("OUT-3 the same report written at two moments gives the same XLSX bytes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T05:00:00Z"));
    const first = await renderXlsx(DOCUMENT);
    vi.setSystemTime(new Date("2027-01-01T13:37:42Z"));
    const second = await renderXlsx(DOCUMENT);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it("OUT-3 every entry is dated at the report's date, midnight UTC", async () => {
    const stamps = localHeaderStamps(await renderXlsx(DOCUMENT));
    expect(stamps.length).toBeGreaterThan(3);
    // 2024-03-15: (2024 − 1980) << 9 | 3 << 5 | 15 = 22639; 00:00:00 is 0.
    for (const [time, date] of stamps) expect([time, date]).toEqual([0, 22639]);
  });

  it("a file that is not a zip is refused with a message", () => {
    expect(() => withZipEntryDates(new Uint8Array(40), new Date(0))).toThrow(/not a zip file/);
  });
});
