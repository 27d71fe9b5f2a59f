/** One instance's collected logs: where they are (never sent to the browser) and when they were taken. */
export type LogSample = { instanceId: string; sampledAt: string; url: string };

/** The newest sample of each instance taken at or after `sinceMs`. */
export function newestPerInstance(samples: LogSample[], sinceMs: number): LogSample[] {
  const seen = new Map<string, LogSample>();
  for (const s of samples) if (Date.parse(s.sampledAt) >= sinceMs && !seen.has(s.instanceId)) seen.set(s.instanceId, s);
  return [...seen.values()].sort((a, b) => a.instanceId.localeCompare(b.instanceId));
}
