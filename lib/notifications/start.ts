import "server-only";
import { onRunEvent, type RunEvent } from "@/lib/core/plans/run-events";
import { deliver } from "./deliver";
import { recordEventQuietly } from "./events";
import { startDeliveryWorker } from "./queue";
import { startSweep } from "./watch";

const TITLES: Record<RunEvent["kind"], string> = { started: "started", succeeded: "succeeded", failed: "failed", needs_cleanup: "needs cleanup" };

/** A plan run's event as a notification; the cluster is read from the run's resource keys ("ecs:cluster/name"). */
export function runNotification(e: RunEvent) {
  const cluster = e.resources.map((r) => /^ecs:cluster\/([^/]+)/.exec(r)?.[1]).find(Boolean) ?? null;
  return {
    key: `plan.run.${e.kind}|${e.runId}`,
    type: `plan.run.${e.kind}`,
    title: `${e.title} ${TITLES[e.kind]}`,
    detail: { run: e.runId, region: e.region, cluster, error: e.error },
    connectionId: e.connectionId,
    cluster,
  };
}

/** Once per server process: plan-run events in, the delivery worker, the live sweep. */
export async function startNotifications(): Promise<void> {
  // Enqueue only: the executor awaits a database insert and a job send, never a channel.
  onRunEvent((e) => recordEventQuietly(runNotification(e)));
  await startDeliveryWorker(deliver);
  startSweep();
}
