// Kept free of "use client": exports of a client module can only be rendered by server components,
// not called, and server pages format durations too. RelativeTime ticks, so it lives client-side.
export { RelativeTime, type RelativeTimeProps } from "./relative-time";

export { formatDuration } from "@/lib/core/format/duration";
