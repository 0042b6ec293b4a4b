/**
 * A least-recently-used map bounded by a byte budget the caller estimates.
 * Used only for immutable values (content blobs by hash, rendered revisions
 * by id), so an entry is never stale and each app instance may keep its own:
 * nothing here needs sharing between instances.
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private readonly computing = new Map<string, Promise<V>>();
  private used = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly budgetBytes: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Whether `key` is cached, without counting a hit or refreshing it. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V, bytes: number): void {
    if (bytes > this.budgetBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.used -= previous.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
  }

  /**
   * The value at `key`, or the one `compute` makes, kept at `bytesOf(value)`.
   * Concurrent misses of one key share one computation (a burst of readers
   * after an edit renders the new revision once, not once each).
   */
  getOrCompute(key: string, compute: () => Promise<V>, bytesOf: (value: V) => number): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = this.computing.get(key);
    if (!pending) {
      pending = compute().then((value) => {
        this.set(key, value, bytesOf(value));
        return value;
      });
      this.computing.set(key, pending);
      void pending.finally(() => this.computing.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}

/** A cache budget in bytes from an environment variable in megabytes; 0 disables the cache. */
export function budgetFromEnv(name: string, defaultMegabytes: number): number {
  const raw = process.env[name];
  const megabytes = raw === undefined || raw === "" ? defaultMegabytes : Number(raw);
  return Number.isFinite(megabytes) && megabytes > 0 ? megabytes * 1024 * 1024 : 0;
}
