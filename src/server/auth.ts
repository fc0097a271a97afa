import { LIMITS } from "../core/shared/limits.js";

export * from "../app/credentials.js";

/**
 * Counts failed logins per key (a user name, an address) in a fixed window (SPEC AUTH-3):
 * in memory for one process (LoginLimiter), or in the database for every process of a
 * deployment on PostgreSQL (SharedLoginLimiter), so that a second server does not give an
 * attacker ten more tries.
 */
export interface LoginThrottle {
  /** Milliseconds to wait when any key is over the limit, else 0. */
  retryAfter(keys: readonly string[]): number | Promise<number>;
  fail(keys: readonly string[]): void | Promise<void>;
  succeed(key: string): void | Promise<void>;
}

/**
 * Failed logins per key (a user name, an address) in a fixed window (SPEC AUTH-3). Kept
 * in memory, per process; the map is bounded, the oldest windows dropped first.
 */
export class LoginLimiter implements LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limit: number = LIMITS.loginFailures,
    private readonly windowMs: number = LIMITS.loginWindowMs,
  ) {}

  /** Milliseconds to wait when any key is over the limit, else 0. */
  retryAfter(keys: readonly string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      if (now - entry.since >= this.windowMs) {
        this.failures.delete(key);
        continue;
      }
      if (entry.count >= this.limit) wait = Math.max(wait, entry.since + this.windowMs - now);
    }
    return wait;
  }

  fail(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry || now - entry.since >= this.windowMs) this.failures.set(key, { count: 1, since: now });
      else entry.count++;
    }
    while (this.failures.size > 100_000) {
      const oldest = this.failures.keys().next();
      if (oldest.done) break;
      this.failures.delete(oldest.value);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
