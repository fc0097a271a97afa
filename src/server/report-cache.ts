import { LIMITS } from "../core/shared/limits.js";

/**
 * Reports computed for stored deals, by deal revision, computation and query (SPEC API-7).
 * A revision never changes, so an entry is never stale: only the choice of the latest
 * revision is read from the database on every request. Least recently used entries go first.
 */
export class ReportCache<V = unknown> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number = LIMITS.reportCacheEntries) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
