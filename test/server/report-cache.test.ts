import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ReportCache } from "../../src/server/report-cache.js";

/** API-7: the report cache is bounded in bytes and drops the least recently used first. */
describe("API-7: the report cache", () => {
  test("keeps the total within its byte limit, dropping the least recently used entries", () => {
    const cache = new ReportCache(1000);
    cache.set("a", "x".repeat(200)); // 402 bytes
    cache.set("b", "y".repeat(200)); // 402 bytes
    expect(cache.bytes).toBe(804);
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    cache.set("c", "z".repeat(200));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("x".repeat(200));
    expect(cache.get("c")).toBe("z".repeat(200));
    expect(cache.bytes).toBe(804);
  });

  test("does not keep a report larger than the whole limit, nor count a replaced entry twice", () => {
    const cache = new ReportCache(1000);
    cache.set("big", "x".repeat(600));
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
    cache.set("k", "x".repeat(100));
    cache.set("k", "y".repeat(50));
    expect(cache.bytes).toBe(ReportCache.sizeOf("k", "y".repeat(50)));
    expect(cache.get("k")).toBe("y".repeat(50));
  });

  test("agrees with a straightforward LRU model over random operations", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant("set" as const),
              key: fc.integer({ min: 0, max: 9 }),
              length: fc.nat(300),
            }),
            fc.record({ op: fc.constant("get" as const), key: fc.integer({ min: 0, max: 9 }) }),
          ),
          { maxLength: 200 },
        ),
        (ops) => {
          const limit = 1500;
          const cache = new ReportCache(limit);
          // The model: an array from least to most recently used.
          let model: { key: string; text: string }[] = [];
          const bytes = () => model.reduce((s, e) => s + ReportCache.sizeOf(e.key, e.text), 0);
          for (const o of ops) {
            const key = `k${o.key}`;
            if (o.op === "set") {
              const text = "t".repeat(o.length);
              model = model.filter((e) => e.key !== key);
              if (ReportCache.sizeOf(key, text) <= limit) model.push({ key, text });
              while (bytes() > limit) model.shift();
              cache.set(key, text);
            } else {
              const found = model.find((e) => e.key === key);
              if (found) model = [...model.filter((e) => e.key !== key), found];
              expect(cache.get(key)).toBe(found?.text);
            }
            expect(cache.bytes).toBe(bytes());
            expect(cache.bytes).toBeLessThanOrEqual(limit);
            expect(cache.size).toBe(model.length);
          }
        },
      ),
      { seed: 20, numRuns: 200 },
    );
  });
});
