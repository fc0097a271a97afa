import { describe, expect, it } from "vitest";
import { retryConcurrentSetup } from "../../src/storage/retry.js";

const failure = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("SRV-6 servers and workers started together", () => {
  it("SRV-6 a setup PostgreSQL aborted to break a deadlock runs again, and succeeds", async () => {
    let calls = 0;
    const result = await retryConcurrentSetup(async () => {
      calls++;
      if (calls < 3) throw failure("40P01", "deadlock detected");
      return "ready";
    });
    expect(result).toBe("ready");
    expect(calls).toBe(3);
  });

  it("SRV-6 two processes creating the same object: the unique violation is retried too", async () => {
    let calls = 0;
    await retryConcurrentSetup(async () => {
      calls++;
      if (calls === 1) throw failure("23505");
    });
    expect(calls).toBe(2);
  });

  it("SRV-6 any other error is thrown at once; a deadlock that persists is thrown after the last attempt", async () => {
    let calls = 0;
    await expect(
      retryConcurrentSetup(async () => {
        calls++;
        throw failure("42P01", "relation does not exist");
      }),
    ).rejects.toThrow("relation does not exist");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      retryConcurrentSetup(async () => {
        calls++;
        throw failure("40P01", "deadlock detected");
      }, 3),
    ).rejects.toThrow("deadlock detected");
    expect(calls).toBe(3);
  });
});
