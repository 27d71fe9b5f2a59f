"use client";

import { useEffect, useState, type ComponentProps } from "react";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 min ago" / "in 2 h"; past a week, the date itself is more useful than a count of days. */
export function formatRelative(date: Date, now: number): string {
  const diff = now - date.getTime();
  const size = Math.abs(diff);
  if (size < 45_000) return "just now";
  if (size >= 7 * DAY) {
    const sameYear = date.getFullYear() === new Date(now).getFullYear();
    return date.toLocaleDateString("en", {
      month: "short",
      day: "numeric",
      year: sameYear ? undefined : "numeric",
    });
  }
  const amount =
    size < HOUR
      ? `${Math.max(1, Math.round(size / MINUTE))} min`
      : size < DAY
        ? `${Math.floor(size / HOUR)} h`
        : `${Math.floor(size / DAY)} d`;
  return diff >= 0 ? `${amount} ago` : `in ${amount}`;
}

export type RelativeTimeProps = Omit<ComponentProps<"time">, "dateTime" | "children"> & {
  date: Date | string | number;
};

export function RelativeTime({ date, ...props }: RelativeTimeProps) {
  const value = new Date(date);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (Number.isNaN(value.getTime())) return <time {...props}>—</time>;
  const iso = value.toISOString();
  // Server and browser render at slightly different moments, so the text may legitimately differ
  // during hydration; the interval brings it up to date.
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning {...props}>
      {formatRelative(value, now)}
    </time>
  );
}
