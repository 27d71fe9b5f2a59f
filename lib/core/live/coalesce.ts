/**
 * Coalescing read cache: identical reads that are in flight share one promise, and a result is
 * reused for `ttlMs` afterwards. Many people opening the same cluster cost AWS one set of calls.
 * Failures are never cached — the next caller retries.
 */
export class Coalescer {
  readonly #entries = new Map<string, { promise: Promise<unknown>; settledAt: number | null; ttlMs: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;
  #hits = 0;
  #misses = 0;

  constructor({ maxEntries = 2000, now = Date.now }: { maxEntries?: number; now?: () => number } = {}) {
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    // `ttlMs` is how old an answer this caller accepts: a page render behind a live view may take an
    // older one than the poller that loaded it (the entry keeps the longest for eviction).
    if (hit && (hit.settledAt === null || this.#now() - hit.settledAt < ttlMs)) {
      hit.ttlMs = Math.max(hit.ttlMs, ttlMs);
      this.#hits += 1;
      return hit.promise as Promise<T>;
    }
    this.#misses += 1;
    const entry = { promise: Promise.resolve() as Promise<unknown>, settledAt: null as number | null, ttlMs };
    entry.promise = load().then(
      (value) => {
        entry.settledAt = this.#now();
        return value;
      },
      (error: unknown) => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        throw error;
      },
    );
    this.#entries.delete(key); // re-insert so Map order is least recently loaded first
    this.#entries.set(key, entry);
    this.#evict();
    return entry.promise as Promise<T>;
  }

  /** Drop cached results whose key starts with `prefix` (after a mutation). */
  invalidate(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  stats() {
    return { entries: this.#entries.size, hits: this.#hits, misses: this.#misses };
  }

  #evict() {
    if (this.#entries.size <= this.#maxEntries) return;
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.settledAt !== null && now - entry.settledAt >= entry.ttlMs) this.#entries.delete(key);
    }
    // Still too many fresh entries: drop the oldest settled ones; in-flight reads are kept.
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries) break;
      if (entry.settledAt !== null) this.#entries.delete(key);
    }
  }
}
