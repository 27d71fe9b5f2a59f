import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

// App Runner's own vocabulary: RUNNING is healthy and serving, PAUSED is deliberately off.
const TONES: Record<string, BadgeTone> = {
  RUNNING: "green",
  OPERATION_IN_PROGRESS: "blue",
  IN_PROGRESS: "blue",
  PENDING: "blue",
  PAUSED: "yellow",
  SUCCEEDED: "green",
  CREATE_FAILED: "red",
  DELETE_FAILED: "red",
  FAILED: "red",
  ROLLBACK_FAILED: "red",
  ROLLBACK_IN_PROGRESS: "yellow",
  ROLLBACK_SUCCEEDED: "yellow",
  DELETED: "neutral",
};

export const isInProgress = (status: string) => status.endsWith("IN_PROGRESS") || status === "PENDING";

/** An App Runner service or operation status, spelled as the console does ("Operation in progress"). */
export function AppRunnerStatus({ status, ...props }: { status: string; "data-testid"?: string }) {
  const tone = TONES[status] ?? "neutral";
  const text = status.toLowerCase().replaceAll("_", " ");
  return (
    <Badge tone={tone} title={status} {...props}>
      <span aria-hidden="true" className={cn("size-1.5 rounded-full bg-current", isInProgress(status) && "animate-pulse")} />
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </Badge>
  );
}
