import { LIMITS } from "../core/shared/limits.js";

/** Where reports of stored deals are kept (SPEC API-7): this process's memory, or also the database. */
export interface ReportStore {
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, text: string): void | Promise<void>;
}

/**
 * Reports computed for stored deals, as their JSON text, by deal revision, computation,
 * query and view (SPEC API-7). A revision never changes, so an entry is never stale: only
 * the choice of the latest revision is read from the database on every request. The cache
 * is bounded in bytes, not in entries (issue 20: 500 reports of a 20,000-holder deal would
 * have held 9 GB): each entry counts its text's size, two bytes per UTF-16 code unit as a
 * string takes in memory, and the least recently used entries go first until the total is
 * within the limit. A report larger than the whole limit is not kept.
 */
export class ReportCache implements ReportStore {
  private readonly entries = new Map<string, string>();
  private totalBytes = 0;

  constructor(readonly capacityBytes: number = LIMITS.reportCacheBytes) {}

  static sizeOf(key: string, text: string): number {
    return 2 * (key.length + text.length);
  }

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, text: string): void {
    this.delete(key);
    const size = ReportCache.sizeOf(key, text);
    if (size > this.capacityBytes) return;
    this.entries.set(key, text);
    this.totalBytes += size;
    while (this.totalBytes > this.capacityBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.totalBytes -= ReportCache.sizeOf(key, old);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes the kept entries count. */
  get bytes(): number {
    return this.totalBytes;
  }
}
