"use client";

import { useEffect, useState } from "react";
import { scheduleProblem } from "@/lib/ecs/scheduled-tasks/expression";
import { nextRuns } from "@/lib/ecs/scheduled-tasks/next-runs";

const utc = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** The next five runs of an expression, in UTC and in the browser's own time zone. */
export function NextRunsPreview({ expression, timezone }: { expression: string; timezone: string }) {
  // Rendered after mount: the server's clock and zone would not match the browser's.
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => setNow(new Date()), []);
  if (!now || !expression.trim() || scheduleProblem(expression)) return null;
  let runs: Date[];
  try {
    runs = nextRuns(expression, now, 5, timezone || "UTC");
  } catch {
    return null;
  }
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="rounded-md border border-line bg-canvas p-3">
      <p className="text-[13px] font-medium text-ink">Next 5 runs</p>
      {runs.length === 0 ? (
        <p className="text-sm text-ink-muted">This expression does not run again.</p>
      ) : (
        <ol aria-label="Next runs" className="mt-1 space-y-0.5 font-mono text-xs">
          {runs.map((r) => (
            <li key={r.getTime()}>{utc(r)} · {r.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })} ({localZone})</li>
          ))}
        </ol>
      )}
    </div>
  );
}
