/**
 * Passwords, secrets and token hashes (SPEC AUTH-1, AUTH-3, AUTH-4): shared by the
 * server's routes and the CLI's `roundtable user`, so that neither face imports the other.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

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
