import "server-only";
import { buildCleanupPlan } from "./cleanup";
import type { Plan } from "./types";

/** What a run went through, as listeners outside the core (notifications) hear it. */
export type RunEvent = {
  kind: "started" | "succeeded" | "failed" | "needs_cleanup";
  runId: string;
  title: string;
  wizard: string;
  connectionId: string;
  region: string;
  resources: string[];
  error: string | null;
};

type Listener = (event: RunEvent) => Promise<void> | void;

// On globalThis: Next may load this module in several bundles of one process, and the listener
// registered at start-up (instrumentation.ts) must be the one the executor calls.
const store = globalThis as typeof globalThis & { __portsideRunListeners?: Listener[] };
store.__portsideRunListeners ??= [];

/** Registers a listener; the core stays unaware of who listens (lib/core imports no feature). */
export function onRunEvent(listener: Listener): void {
  if (!store.__portsideRunListeners!.includes(listener)) store.__portsideRunListeners!.push(listener);
}

/**
 * Tells every listener. A listener that throws or hangs never fails or delays a run: errors are
 * logged and swallowed, and the executor does not wait longer than the listener's own enqueue.
 */
export async function emitRunEvent(event: RunEvent): Promise<void> {
  for (const listener of store.__portsideRunListeners!) {
    try {
      await listener(event);
    } catch (error) {
      console.error(`[run-events] listener failed for run ${event.runId} (${event.kind})`, error);
    }
  }
}

type FinishedRun = {
  id: string; title: string; wizard: string; connectionId: string; region: string; resources: string[];
  plan: unknown; steps: { stepKey: string; status: string; response: unknown }[];
};

/** The events of a run that ended: its outcome, and "needs cleanup" when it failed after creating something. */
export function finishEvents(run: FinishedRun, status: "succeeded" | "failed" | "interrupted", error: string | null): RunEvent[] {
  const base = { runId: run.id, title: run.title, wizard: run.wizard, connectionId: run.connectionId, region: run.region, resources: run.resources, error };
  if (status === "succeeded") return [{ ...base, kind: "succeeded" }];
  const events: RunEvent[] = [{ ...base, kind: "failed" }];
  if (buildCleanupPlan(run.plan as Plan, run.steps, run.id)) events.push({ ...base, kind: "needs_cleanup" });
  return events;
}
