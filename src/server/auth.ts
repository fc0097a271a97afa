import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { LIMITS } from "../core/shared/limits.js";

/**
 * Passwords are hashed with argon2id (SPEC AUTH-1), at the OWASP-recommended minimum
 * cost (19 MiB of memory, 2 passes, 1 lane): OWASP Password Storage Cheat Sheet.
 */
// algorithm 2 is Algorithm.Argon2id (a const enum, which this build cannot import).
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the user name is unknown, so that an unknown user costs
 * the same argon2 work as a wrong password (SPEC AUTH-3).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummyHash;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** A random secret: 256 bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** API tokens are random and high-entropy, so a fast hash is enough to store them (SPEC AUTH-4). */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const TOKEN_PREFIX = "rt_";

export function newApiToken(): string {
  return `${TOKEN_PREFIX}${newSecret()}`;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

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
