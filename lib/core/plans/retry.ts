/**
 * Retrying one plan step on one specific AWS error, for errors AWS itself says will pass: a
 * resource just created elsewhere that the calling service does not see yet (IAM is eventually
 * consistent: EC2 refuses an instance profile for ~10 s after CreateInstanceProfile). Any other
 * error fails the step at once, as before. Bounded: a fixed number of attempts with doubling
 * delays up to a cap, so a step never hangs on an error that does not pass.
 */
export type RetryOn = {
  /** AWS error codes that may pass (e.g. "InvalidParameterValue"). */
  codes: string[];
  /** And only when the message says this (the code alone is often too broad). */
  messageIncludes?: string;
  /** Attempts in all, the first included (2–10). */
  attempts: number;
  /** Delay before the second attempt; doubles each time up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Why the error may pass, shown on the run page while waiting. */
  why: string;
};

export type Clock = { sleep: (ms: number) => Promise<void> };
export const realClock: Clock = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export const RETRY_BOUNDS = { maxAttempts: 10, maxDelayMs: 60_000 };

/** The delays between attempts: first, doubled, capped; never more than the bounds allow. */
export function retryDelays(rule: RetryOn): number[] {
  const attempts = Math.max(1, Math.min(RETRY_BOUNDS.maxAttempts, Math.floor(rule.attempts)));
  const cap = Math.max(0, Math.min(RETRY_BOUNDS.maxDelayMs, rule.maxDelayMs));
  const delays: number[] = [];
  let next = Math.max(0, Math.min(cap, rule.firstDelayMs));
  for (let i = 1; i < attempts; i++) {
    delays.push(next);
    next = Math.min(cap, next * 2);
  }
  return delays;
}

export type ErrorFacts = { code: string; message: string };

export function retryable(rule: RetryOn | undefined, error: ErrorFacts | null): boolean {
  if (!rule || !error) return false;
  return rule.codes.includes(error.code) && (!rule.messageIncludes || error.message.includes(rule.messageIncludes));
}

/**
 * Sends until the request succeeds, fails with an error the rule does not cover, or the attempts
 * run out (the last error is thrown). `onRetry` hears each wait before it starts.
 */
export async function sendWithRetry<T>(
  rule: RetryOn | undefined,
  send: () => Promise<T>,
  factsOf: (error: unknown) => ErrorFacts | null,
  onRetry: (info: { attempt: number; of: number; delayMs: number; error: ErrorFacts }) => Promise<void>,
  clock: Clock = realClock,
): Promise<T> {
  const delays = rule ? retryDelays(rule) : [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const facts = factsOf(error);
      const delayMs = delays[attempt - 1];
      if (delayMs === undefined || !retryable(rule, facts)) throw error;
      await onRetry({ attempt, of: delays.length + 1, delayMs, error: facts! });
      await clock.sleep(delayMs);
    }
  }
}
