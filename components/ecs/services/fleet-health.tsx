import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { LiveError } from "@/components/live/use-live-stream";
import type { FleetHealth, Rollout } from "@/lib/ecs/services/fleet-health";

const HEALTH: Record<FleetHealth, { label: string; tone: BadgeTone; bar: string }> = {
  failed: { label: "Deployment failed", tone: "red", bar: "bg-red-500" },
  failing: { label: "Tasks failing", tone: "red", bar: "bg-red-500" },
  degraded: { label: "Below desired", tone: "yellow", bar: "bg-amber-500" },
  rolling: { label: "Deploying", tone: "blue", bar: "bg-blue-500" },
  healthy: { label: "Healthy", tone: "green", bar: "bg-green-600" },
};

export function HealthBadge({ health }: { health: FleetHealth }) {
  const look = HEALTH[health];
  return (
    <Badge tone={look.tone} data-health={health}>
      <span aria-hidden="true" className={cn("size-1.5 rounded-full bg-current", health === "rolling" && "animate-pulse")} />
      {look.label}
    </Badge>
  );
}

/** running / desired as a thin bar; `title` gives the exact counts. */
export function ProgressBar({ running, desired, health, className }: { running: number; desired: number; health: FleetHealth; className?: string }) {
  const pct = desired > 0 ? Math.min(100, Math.round((running / desired) * 100)) : running > 0 ? 100 : 0;
  return (
    <span
      role="img"
      aria-label={`${running} of ${desired} running`}
      title={`${running} of ${desired} running`}
      className={cn("inline-block h-1.5 w-16 overflow-hidden rounded-full bg-line-subtle align-middle", className)}
    >
      <span className={cn("block h-full rounded-full", HEALTH[health].bar)} style={{ width: `${pct}%` }} />
    </span>
  );
}

/** The PRIMARY deployment's rollout in words: "rolling 2/4", "failed — rolled back", "complete". */
export function rolloutLabel(rollout: Rollout): string {
  switch (rollout.state) {
    case "failed":
      return "failed";
    case "rolled_back":
      return "failed — rolled back";
    case "in_progress":
      return `rolling ${rollout.running}/${rollout.desired}${rollout.failedTasks ? ` · ${rollout.failedTasks} failed` : ""}`;
    case "completed":
      return "complete";
    case "none":
      return "—";
  }
}

/** Shown above a live view while AWS reads fail: the last good data stays on screen. */
export function StaleNote({ error }: { error: LiveError | null }) {
  if (!error) return null;
  return (
    <Alert tone="warning" title="Showing the last data read; AWS is not answering">
      {error.message}
      {error.requestId && <span className="ml-1 font-mono text-xs">Request id {error.requestId}</span>}
      {error.retryInMs ? <span className="ml-1">Retrying in {Math.round(error.retryInMs / 1000)} s.</span> : null}
    </Alert>
  );
}
