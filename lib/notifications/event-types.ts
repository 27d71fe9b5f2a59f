/** What a subscription can ask to hear about. */
export const EVENT_TYPES = [
  { type: "plan.run.started", label: "Plan run started" },
  { type: "plan.run.succeeded", label: "Plan run succeeded" },
  { type: "plan.run.failed", label: "Plan run failed" },
  { type: "plan.run.needs_cleanup", label: "Plan run needs cleanup" },
  { type: "service.deployment.failed", label: "Service deployment failed" },
  { type: "service.deployment.rolled_back", label: "Deployment rolled back by the circuit breaker" },
  { type: "service.tasks.crash_loop", label: "Service tasks crash-looping" },
  { type: "service.scaling.limit_reached", label: "Scaling limit reached" },
] as const;

export type EventType = (typeof EVENT_TYPES)[number]["type"] | "test";
export const EVENT_TYPE_NAMES = EVENT_TYPES.map((e) => e.type) as [string, ...string[]];
export const SERVICE_EVENT_TYPES: readonly string[] = EVENT_TYPE_NAMES.filter((t) => t.startsWith("service."));

export function eventLabel(type: string): string {
  return type === "test" ? "Test message" : (EVENT_TYPES.find((e) => e.type === type)?.label ?? type);
}

/** Crash loop: this many tasks stopped with a non-zero exit code within this many minutes. */
export const CRASH_LOOP = { count: 3, minutes: 10 } as const;
