/**
 * A read budget per AWS connection and region for the live pollers: a token bucket of polls per
 * second. AWS throttles reads per account and region (ECS: DescribeServices 20/s sustained, 100
 * burst; CloudWatch Logs lower), and the console, CI and other tools share those buckets; when many
 * different things are watched at once, Portside slows its own pollers before AWS throttles anyone.
 *
 * Instances of one deployment split the budget: `share` is this instance's part (1 / instances).
 */
export type BudgetOptions = { perSecond: number; burst: number; now?: () => number };

export class ReadBudget {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #now: () => number;
  #perSecond: number;
  #burst: number;
  #share = 1;
  #slowed = 0;

  constructor({ perSecond, burst, now = Date.now }: BudgetOptions) {
    this.#perSecond = perSecond;
    this.#burst = burst;
    this.#now = now;
  }

  /** This instance's part of the deployment's budget, e.g. 1/3 with three instances. */
  setShare(share: number) {
    this.#share = Math.min(1, Math.max(0.01, share));
  }

  /**
   * Take one poll from the budget of `scope` (connection + region). 0: poll now; otherwise how many
   * milliseconds to wait before asking again.
   */
  take(scope: string): number {
    const rate = this.#perSecond * this.#share;
    const burst = Math.max(1, this.#burst * this.#share);
    const now = this.#now();
    const bucket = this.#buckets.get(scope) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.#buckets.set(scope, bucket);
    if (this.#buckets.size > 1000) this.#buckets.delete(this.#buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    this.#slowed += 1;
    return Math.ceil(((1 - bucket.tokens) / rate) * 1000);
  }

  stats() {
    return { slowed: this.#slowed, perSecond: this.#perSecond * this.#share, share: this.#share };
  }
}

/** The connection + region part of a live key (liveKey: id | version | region | what…). */
export function budgetScope(key: string): string {
  return key.split("|", 3).join("|");
}
