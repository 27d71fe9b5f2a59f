/**
 * What the watch hub needs to share one poller per key between Portside instances (processes behind
 * a load balancer): a lease per key so only one instance polls AWS for it, a place where that
 * instance publishes each result, and a signal to the others. `pg-relay.ts` implements it on
 * Postgres (advisory locks, a small table, LISTEN/NOTIFY); tests use `memoryRelay`.
 */

/** A result as it crosses instances: values as JSON; errors only as what a person may see. */
export type RelayEvent =
  | { type: "data"; value: unknown; at: number }
  | { type: "error"; message: string; requestId?: string; at: number; retryInMs: number };

export type FollowHandlers = {
  /** The leader published a new result for the key: read it with `latest`. */
  onPublish(): void;
  /** The leader let the key go (or died): try to take it over. */
  onReleased(): void;
};

export interface LiveRelay {
  /** Try to become the only poller of `key` across instances. null: the relay is down (poll locally). */
  acquire(key: string): Promise<boolean | null>;
  release(key: string): Promise<void>;
  /** The leader's result of one poll; `changed` says whether followers must be told. */
  publish(key: string, event: RelayEvent, changed: boolean): Promise<void>;
  latest(key: string): Promise<RelayEvent | null>;
  follow(key: string, handlers: FollowHandlers): () => void;
  /** Tell the other instances that Portside changed something under `prefix` (drop caches, poll now). */
  broadcastChange(prefix: string): Promise<void>;
  /** Called when another instance broadcast a change. */
  onChange(listener: (prefix: string) => void): void;
  /** How many instances share the relay now (to split the read budget), or null if unknown. */
  instances(): Promise<number | null>;
  /** Whether the relay can share pollers now (`down`: every key is polled locally). */
  state(): "up" | "down";
  /** Ends this instance's part: its leases end with its database session. */
  close(): Promise<void>;
}

/**
 * An in-process relay shared by several hubs, with the same semantics as the Postgres one: tests
 * use it to stand for several instances. `down` makes every acquire answer null.
 */
export function memoryRelay() {
  const owners = new Map<string, symbol>();
  const values = new Map<string, RelayEvent>();
  const followers = new Map<string, Set<FollowHandlers>>();
  const changeListeners: { origin: symbol; listener: (prefix: string) => void }[] = [];
  const state = { down: false, publishes: 0, instances: 0 };
  const instance = (): LiveRelay & { id: symbol } => {
    const id = Symbol("instance");
    state.instances += 1;
    return {
      id,
      async acquire(key) {
        if (state.down) return null;
        const owner = owners.get(key);
        if (owner && owner !== id) return false;
        owners.set(key, id);
        return true;
      },
      async release(key) {
        if (owners.get(key) !== id) return;
        owners.delete(key);
        for (const f of [...(followers.get(key) ?? [])]) f.onReleased();
      },
      async publish(key, event, changed) {
        if (owners.get(key) !== id) return;
        values.set(key, event);
        state.publishes += 1;
        if (changed) for (const f of [...(followers.get(key) ?? [])]) f.onPublish();
      },
      async latest(key) {
        return values.get(key) ?? null;
      },
      follow(key, handlers) {
        const set = followers.get(key) ?? new Set();
        followers.set(key, set);
        set.add(handlers);
        return () => set.delete(handlers);
      },
      async broadcastChange(prefix) {
        for (const c of changeListeners) if (c.origin !== id) c.listener(prefix);
      },
      onChange(listener) {
        changeListeners.push({ origin: id, listener });
      },
      async instances() {
        return state.down ? null : state.instances;
      },
      state() {
        return state.down ? "down" : "up";
      },
      async close() {
        for (const [key, owner] of owners) if (owner === id) owners.delete(key);
      },
    };
  };
  return { instance, state, owners };
}
