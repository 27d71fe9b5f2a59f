/**
 * Watch hub: one upstream poll per key, shared by every subscriber. The first subscriber starts the
 * poller, later ones get the latest value at once, and the poller stops shortly after the last one
 * leaves. Subscribers are only told when the value changes (compared as JSON), so an idle service
 * costs the browsers nothing. After an error the poller backs off (doubling, up to `maxIntervalMs`)
 * so a throttled account is not hammered.
 */
export type WatchSource<T> = {
  /** Normal time between two polls. */
  intervalMs: number;
  poll: () => Promise<T>;
  /** Upper bound for the backoff after errors (default 60 s). */
  maxIntervalMs?: number;
};

export type WatchEvent<T> =
  | { type: "data"; value: T; at: number }
  | { type: "error"; error: unknown; at: number; retryInMs: number };

type Listener<T> = (event: WatchEvent<T>) => void;

type Watcher = {
  source: WatchSource<unknown>;
  listeners: Set<Listener<unknown>>;
  last: WatchEvent<unknown> | null;
  lastJson: string | null;
  timer: ReturnType<typeof setTimeout> | null;
  stopTimer: ReturnType<typeof setTimeout> | null;
  failures: number;
  polls: number;
  polling: boolean;
};

export class WatchHub {
  readonly #watchers = new Map<string, Watcher>();
  readonly #lingerMs: number;

  /** @param lingerMs how long a poller outlives its last subscriber (a reload reconnects within it). */
  constructor({ lingerMs = 5000 }: { lingerMs?: number } = {}) {
    this.#lingerMs = lingerMs;
  }

  subscribe<T>(key: string, source: WatchSource<T>, listener: Listener<T>): () => void {
    let watcher = this.#watchers.get(key);
    if (!watcher) {
      watcher = {
        source: source as WatchSource<unknown>,
        listeners: new Set(),
        last: null,
        lastJson: null,
        timer: null,
        stopTimer: null,
        failures: 0,
        polls: 0,
        polling: false,
      };
      this.#watchers.set(key, watcher);
    }
    const w = watcher;
    if (w.stopTimer) {
      clearTimeout(w.stopTimer);
      w.stopTimer = null;
    }
    w.listeners.add(listener as Listener<unknown>);
    if (w.last) listener(w.last as WatchEvent<T>);
    if (!w.timer && !w.polling) void this.#poll(key, w);
    return () => {
      w.listeners.delete(listener as Listener<unknown>);
      if (w.listeners.size > 0 || w.stopTimer) return;
      w.stopTimer = setTimeout(() => this.#stop(key, w), this.#lingerMs);
    };
  }

  /** Poll a key now (after a mutation) instead of waiting for its next turn. */
  nudge(key: string): void {
    const w = this.#watchers.get(key);
    if (!w || w.polling) return;
    if (w.timer) clearTimeout(w.timer);
    w.timer = null;
    void this.#poll(key, w);
  }

  /** Nudge every watched key starting with `prefix`. */
  nudgePrefix(prefix: string): void {
    for (const key of this.#watchers.keys()) if (key.startsWith(prefix)) this.nudge(key);
  }

  stats() {
    let subscribers = 0;
    let polls = 0;
    for (const w of this.#watchers.values()) {
      subscribers += w.listeners.size;
      polls += w.polls;
    }
    return { keys: this.#watchers.size, subscribers, polls };
  }

  #stop(key: string, w: Watcher) {
    if (w.listeners.size > 0) return;
    if (w.timer) clearTimeout(w.timer);
    w.timer = null;
    w.stopTimer = null;
    if (this.#watchers.get(key) === w) this.#watchers.delete(key);
  }

  async #poll(key: string, w: Watcher) {
    w.timer = null;
    w.polling = true;
    w.polls += 1;
    let event: WatchEvent<unknown>;
    try {
      const value = await w.source.poll();
      w.failures = 0;
      event = { type: "data", value, at: Date.now() };
    } catch (error) {
      w.failures += 1;
      event = { type: "error", error, at: Date.now(), retryInMs: this.#delay(w) };
    }
    w.polling = false;
    if (this.#watchers.get(key) !== w) return; // stopped while polling
    const json = event.type === "data" ? JSON.stringify(event.value) : null;
    const changed = event.type === "error" || w.last?.type !== "data" || json !== w.lastJson;
    if (changed) {
      w.last = event;
      w.lastJson = json;
      for (const listener of [...w.listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error(`[live] listener of ${key} failed`, error);
        }
      }
    }
    if (w.listeners.size > 0 || w.stopTimer) w.timer = setTimeout(() => void this.#poll(key, w), this.#delay(w));
  }

  #delay(w: Watcher) {
    const max = w.source.maxIntervalMs ?? 60_000;
    return Math.min(max, w.source.intervalMs * 2 ** Math.min(w.failures, 6));
  }
}
