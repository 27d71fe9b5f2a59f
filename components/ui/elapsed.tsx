"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/core/format/duration";

/** Time since `since`, ticking every second: how long a step that is still running has taken so far. */
export function Elapsed({ since, className }: { since: string; className?: string }) {
  const start = new Date(since).getTime();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  if (Number.isNaN(start)) return null;
  return (
    <span className={className} aria-label="Running for" suppressHydrationWarning>
      {formatDuration(Math.max(0, now - start))}
    </span>
  );
}
