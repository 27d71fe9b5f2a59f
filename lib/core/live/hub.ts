import { budgetScope, type ReadBudget } from "./budget";
import type { LiveRelay, RelayEvent } from "./relay";

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
  /**
   * Poll in this process even when instances share pollers: for sources whose events are not
   * snapshots (a log tail sends each batch of new lines once) and cannot be relayed as "the latest".
   */
  local?: boolean;
};

export type WatchEvent<T> =
  | { type: "data"; value: T; at: number }
  | { type: "error"; error: unknown; at: number; retryInMs: number };

type Listener<T> = (event: WatchEvent<T>) => void;

/** An error relayed from the instance that polls: only what a person may see of it. */
export class RelayedLiveError extends Error {
  constructor(
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "RelayedLiveError";
  }
}

/**
 * Who polls a key: this process alone (`local`: no relay, or a local-only source), this process for
 * every instance (`leader`), another instance (`follower`, values arrive through the relay), or not
 * known yet (`claiming`).
 */
type Role = "local" | "claiming" | "leader" | "follower";

type Watcher = {
  source: WatchSource<unknown>;
  role: Role;
  unfollow: (() => void) | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
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
  readonly #relay: LiveRelay | null;
  readonly #budget: ReadBudget | null;
  readonly #toRelayError: (error: unknown) => { message: string; requestId?: string };

  /**
   * @param lingerMs how long a poller outlives its last subscriber (a reload reconnects within it).
   * @param relay shares pollers with other instances: one of them polls each key, the others follow.
   * @param toRelayError what of a failed poll may cross to other instances (a person-readable message).
   * @param budget slows pollers of one connection + region when together they poll more than it allows.
   */
  constructor({
    lingerMs = 5000,
    relay = null,
    budget = null,
    toRelayError = () => ({ message: "Reading from AWS failed." }),
  }: {
    lingerMs?: number;
    relay?: LiveRelay | null;
    budget?: ReadBudget | null;
    toRelayError?: (error: unknown) => { message: string; requestId?: string };
  } = {}) {
    this.#lingerMs = lingerMs;
    this.#relay = relay;
    this.#budget = budget;
    this.#toRelayError = toRelayError;
  }

  subscribe<T>(key: string, source: WatchSource<T>, listener: Listener<T>): () => void {
    let watcher = this.#watchers.get(key);
    const created = !watcher;
    if (!watcher) {
      watcher = {
        source: source as WatchSource<unknown>,
        role: this.#relay && !source.local ? "claiming" : "local",
        unfollow: null,
        retryTimer: null,
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
    if (w.role === "claiming") {
      if (created) void this.#claim(key, w);
    } else if (w.role !== "follower" && !w.timer && !w.polling) void this.#poll(key, w);
    return () => {
      w.listeners.delete(listener as Listener<unknown>);
      if (w.listeners.size > 0 || w.stopTimer) return;
      w.stopTimer = setTimeout(() => this.#stop(key, w), this.#lingerMs);
    };
  }

  /** Poll a key now (after a mutation) instead of waiting for its next turn. */
  nudge(key: string): void {
    const w = this.#watchers.get(key);
    if (!w || w.polling || w.role === "follower" || w.role === "claiming") return;
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
    const roles: Record<Role, number> = { local: 0, claiming: 0, leader: 0, follower: 0 };
    for (const w of this.#watchers.values()) {
      subscribers += w.listeners.size;
      polls += w.polls;
      roles[w.role] += 1;
    }
    return { keys: this.#watchers.size, subscribers, polls, roles };
  }

  #stop(key: string, w: Watcher) {
    if (w.listeners.size > 0) return;
    if (w.timer) clearTimeout(w.timer);
    if (w.retryTimer) clearTimeout(w.retryTimer);
    w.unfollow?.();
    w.unfollow = null;
    w.timer = null;
    w.retryTimer = null;
    w.stopTimer = null;
    if (this.#watchers.get(key) === w) this.#watchers.delete(key);
    if (w.role === "leader") void this.#relay?.release(key).catch((error) => console.error(`[live] releasing ${key} failed`, error));
    w.role = "claiming";
  }

  /** Lead the key (poll it for every instance) or follow the instance that does. */
  async #claim(key: string, w: Watcher) {
    if (w.retryTimer) clearTimeout(w.retryTimer);
    w.retryTimer = null;
    let won: boolean | null;
    try {
      won = await this.#relay!.acquire(key);
    } catch (error) {
      console.error(`[live] lease of ${key} failed; polling here`, error);
      won = null;
    }
    if (this.#watchers.get(key) !== w) {
      if (won) await this.#relay!.release(key).catch(() => {});
      return;
    }
    if (won === false) {
      if (w.role !== "follower") {
        w.role = "follower";
        w.unfollow = this.#relay!.follow(key, { onPublish: () => void this.#pull(key, w), onReleased: () => void this.#claim(key, w) });
        void this.#pull(key, w);
      }
      // The leader's process may die without a word: its lease ends with its database session.
      w.retryTimer = setTimeout(() => void this.#claim(key, w), Math.max(5_000, 2 * w.source.intervalMs));
      return;
    }
    w.unfollow?.();
    w.unfollow = null;
    w.role = won ? "leader" : "local";
    if (!w.timer && !w.polling) void this.#poll(key, w);
  }

  /** A follower reads what the leader published. */
  async #pull(key: string, w: Watcher) {
    let relayed: RelayEvent | null;
    try {
      relayed = await this.#relay!.latest(key);
    } catch (error) {
      console.error(`[live] reading ${key} from the relay failed`, error);
      return;
    }
    if (!relayed || this.#watchers.get(key) !== w || w.role !== "follower") return;
    this.#deliver(key, w, relayed.type === "data" ? relayed : { type: "error", error: new RelayedLiveError(relayed.message, relayed.requestId), at: relayed.at, retryInMs: relayed.retryInMs });
  }

  /** Tell the listeners, if the value changed (or failed); returns whether it did. */
  #deliver(key: string, w: Watcher, event: WatchEvent<unknown>): boolean {
    const json = event.type === "data" ? JSON.stringify(event.value) : null;
    const changed = event.type === "error" || w.last?.type !== "data" || json !== w.lastJson;
    if (!changed) return false;
    w.last = event;
    w.lastJson = json;
    for (const listener of [...w.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error(`[live] listener of ${key} failed`, error);
      }
    }
    return true;
  }

  async #poll(key: string, w: Watcher) {
    w.timer = null;
    const wait = this.#budget?.take(budgetScope(key)) ?? 0;
    if (wait > 0) {
      // Over the connection's read budget: this key waits its turn (viewers keep the last value).
      w.timer = setTimeout(() => void this.#poll(key, w), wait);
      return;
    }
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
    const changed = this.#deliver(key, w, event);
    if (w.role === "leader") {
      const relayed: RelayEvent = event.type === "data" ? event : { type: "error", ...this.#toRelayError(event.error), at: event.at, retryInMs: event.retryInMs };
      void this.#relay!.publish(key, relayed, changed).catch((error) => console.error(`[live] publishing ${key} failed`, error));
    }
    if (w.listeners.size > 0 || w.stopTimer) w.timer = setTimeout(() => void this.#poll(key, w), this.#delay(w));
  }

  #delay(w: Watcher) {
    const max = w.source.maxIntervalMs ?? 60_000;
    return Math.min(max, w.source.intervalMs * 2 ** Math.min(w.failures, 6));
  }
}
