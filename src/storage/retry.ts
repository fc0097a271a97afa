import { setTimeout as sleep } from "node:timers/promises";

/** PostgreSQL's SQLSTATE for a transaction it chose to abort to break a deadlock. */
const DEADLOCK_DETECTED = "40P01";
/** A unique index saw two processes create the same row or object at once. */
const UNIQUE_VIOLATION = "23505";

/**
 * Runs one-time setup that several processes may run at the same moment on one database
 * (migrations, the job queue's tables: two servers started together, SRV-6). PostgreSQL
 * breaks a deadlock between them by aborting one side; that side is run again, after a short
 * wait that grows with each attempt, up to `attempts` times. Any other error is thrown at once.
 */
export async function retryConcurrentSetup<T>(setup: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await setup();
    } catch (error) {
      const code =
        (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
      const retriable =
        code === DEADLOCK_DETECTED ||
        code === UNIQUE_VIOLATION ||
        /deadlock detected/.test(String((error as Error).message));
      if (!retriable || attempt >= attempts) throw error;
      await sleep(50 * attempt * attempt);
    }
  }
}
