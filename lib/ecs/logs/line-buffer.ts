/**
 * A bounded buffer of log lines: appends are O(1), and past `capacity` the oldest lines are dropped
 * (and counted, so the viewer can say so). Indexes are logical: 0 is the oldest line kept.
 */
export class LineBuffer<T> {
  readonly capacity: number;
  #items: (T | undefined)[];
  #start = 0;
  #length = 0;
  /** Lines dropped to stay within capacity since the last clear. */
  dropped = 0;

  constructor(capacity: number) {
    if (!(capacity > 0)) throw new Error("capacity must be positive");
    this.capacity = capacity;
    this.#items = new Array(Math.min(capacity, 1024));
  }

  get length(): number {
    return this.#length;
  }

  /** Appends lines; returns how many old lines were dropped to make room. */
  push(lines: readonly T[]): number {
    let dropped = 0;
    for (const line of lines) {
      if (this.#length < this.capacity) {
        if (this.#length === this.#items.length) this.#grow();
        this.#items[(this.#start + this.#length) % this.#items.length] = line;
        this.#length++;
      } else {
        this.#items[this.#start] = line;
        this.#start = (this.#start + 1) % this.#items.length;
        dropped++;
      }
    }
    this.dropped += dropped;
    return dropped;
  }

  get(index: number): T | undefined {
    if (index < 0 || index >= this.#length) return undefined;
    return this.#items[(this.#start + index) % this.#items.length];
  }

  clear(): void {
    this.#items = new Array(Math.min(this.capacity, 1024));
    this.#start = 0;
    this.#length = 0;
    this.dropped = 0;
  }

  // Grows geometrically up to capacity, unrolling the ring so index 0 is the oldest again.
  #grow() {
    const size = Math.min(this.capacity, this.#items.length * 2);
    const next = new Array<T | undefined>(size);
    for (let i = 0; i < this.#length; i++) next[i] = this.#items[(this.#start + i) % this.#items.length];
    this.#items = next;
    this.#start = 0;
  }
}

/**
 * A set of recently seen ids that forgets the oldest beyond `capacity`: enough to drop the events
 * two overlapping reads both returned, without remembering every event ever seen.
 */
export class RecentIds {
  readonly #ids = new Set<string>();
  constructor(readonly capacity: number) {}

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Adds an id; false when it was already there. */
  add(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.capacity) this.#ids.delete(this.#ids.values().next().value as string);
    return true;
  }

  get size(): number {
    return this.#ids.size;
  }
}
