"use client";

import { cn } from "@/components/ui/cn";
import type { LiveStatus } from "./use-live-stream";

const LOOK: Record<LiveStatus, { label: string; dot: string; text: string }> = {
  connecting: { label: "Connecting…", dot: "bg-slate-400", text: "text-slate-600" },
  live: { label: "Live", dot: "bg-emerald-500 animate-pulse", text: "text-emerald-700" },
  paused: { label: "Paused", dot: "bg-slate-400", text: "text-slate-600" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-500", text: "text-amber-700" },
};

type Props = {
  status: LiveStatus;
  onPause?: () => void;
  onResume?: () => void;
  /** When the data shown was read from AWS. */
  at?: number | null;
  className?: string;
};

/** "Live / Paused / Reconnecting" with a pause-resume toggle, for every live view. */
export function LiveIndicator({ status, onPause, onResume, at, className }: Props) {
  const look = LOOK[status];
  const canToggle = status === "paused" ? onResume : onPause;
  return (
    <div className={cn("inline-flex items-center gap-2 text-xs", className)} role="status" aria-live="polite">
      <span className={cn("inline-flex items-center gap-1.5 font-medium", look.text)}>
        <span aria-hidden className={cn("size-2 rounded-full", look.dot)} />
        {look.label}
      </span>
      {at ? (
        <span className="text-slate-500" title={new Date(at).toISOString()}>
          as of {new Date(at).toLocaleTimeString()}
        </span>
      ) : null}
      {canToggle && (
        <button
          type="button"
          onClick={canToggle}
          className="rounded border border-slate-300 px-1.5 py-0.5 text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
        >
          {status === "paused" ? "Resume" : "Pause"}
        </button>
      )}
    </div>
  );
}
