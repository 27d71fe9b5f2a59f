import type { ComponentProps } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "green" | "yellow" | "red" | "blue";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-line-subtle text-ink-muted ring-line",
  green: "bg-green-50 text-green-800 ring-green-600/25",
  yellow: "bg-amber-50 text-amber-800 ring-amber-600/30",
  red: "bg-red-50 text-red-700 ring-red-600/25",
  blue: "bg-blue-50 text-blue-700 ring-blue-600/25",
};

export type BadgeProps = ComponentProps<"span"> & { tone?: BadgeTone };

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded px-1.5 py-px text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}

// Starting work is blue, winding down is yellow; statuses not listed show as neutral.
const statusTones: Record<string, BadgeTone> = {
  active: "green",
  succeeded: "green",
  completed: "green",
  successful: "green",
  healthy: "green",
  pending: "blue",
  running: "blue",
  provisioning: "blue",
  activating: "blue",
  in_progress: "blue",
  deprovisioning: "yellow",
  deactivating: "yellow",
  stopping: "yellow",
  draining: "yellow",
  rollback_in_progress: "yellow",
  rollback_successful: "yellow",
  rollback_failed: "red",
  failed: "red",
  interrupted: "red",
  unhealthy: "red",
  inactive: "neutral",
  stopped: "neutral",
  skipped: "neutral",
};

/**
 * ECS reports a healthy task as "RUNNING", while Portside's own runs and steps use "running" for
 * work in progress. That is the only word the two vocabularies share, so its exact casing decides;
 * every other status matches case-insensitively.
 */
export function statusTone(status: string): BadgeTone {
  if (status === "RUNNING") return "green";
  return statusTones[status.toLowerCase()] ?? "neutral";
}

const inProgress = new Set<BadgeTone>(["blue", "yellow"]);

export type StatusBadgeProps = Omit<BadgeProps, "tone" | "children"> & { status: string };

export function StatusBadge({ status, ...props }: StatusBadgeProps) {
  const tone = statusTone(status);
  return (
    <Badge tone={tone} {...props}>
      <span
        aria-hidden="true"
        className={cn("size-1.5 rounded-full bg-current", inProgress.has(tone) && "animate-pulse")}
      />
      {status.toLowerCase().replaceAll("_", " ")}
    </Badge>
  );
}
