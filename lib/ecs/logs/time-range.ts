/** The time ranges a log viewer offers, as the CloudWatch console does, plus a custom start–end. */
export const RANGE_PRESETS = [
  { value: "5m", label: "Last 5 minutes", ms: 5 * 60_000 },
  { value: "15m", label: "Last 15 minutes", ms: 15 * 60_000 },
  { value: "1h", label: "Last hour", ms: 60 * 60_000 },
  { value: "3h", label: "Last 3 hours", ms: 3 * 60 * 60_000 },
] as const;

export type RangeInput = { range?: string | null; start?: string | null; end?: string | null };

/** A resolved range: `endMs` null means "until now, and keep following". */
export type ResolvedRange = { ok: true; startMs: number; endMs: number | null } | { ok: false; field: "start" | "end" | "range"; message: string };

const DEFAULT_PRESET = "15m";
// FilterLogEvents reads any retained time; a cap keeps one request from scanning weeks of logs.
const MAX_CUSTOM_MS = 31 * 24 * 60 * 60_000;

/** Presets resolve against `now`; a custom range needs a start before its end, both real dates. */
export function resolveRange(input: RangeInput, now: number): ResolvedRange {
  const range = input.range || DEFAULT_PRESET;
  const preset = RANGE_PRESETS.find((p) => p.value === range);
  if (preset) return { ok: true, startMs: now - preset.ms, endMs: null };
  if (range !== "custom") return { ok: false, field: "range", message: `Unknown time range "${range}".` };
  const startMs = input.start ? Date.parse(input.start) : NaN;
  if (!Number.isFinite(startMs)) return { ok: false, field: "start", message: "Enter a start date and time." };
  if (startMs > now) return { ok: false, field: "start", message: "The start is in the future." };
  const endMs = input.end ? Date.parse(input.end) : NaN;
  if (input.end && !Number.isFinite(endMs)) return { ok: false, field: "end", message: "The end is not a valid date and time." };
  if (Number.isFinite(endMs) && endMs <= startMs) return { ok: false, field: "end", message: "The end must be after the start." };
  const until = Number.isFinite(endMs) ? endMs : now;
  if (until - startMs > MAX_CUSTOM_MS) return { ok: false, field: "start", message: "Pick at most 31 days; download longer spans in parts." };
  // An end in the past is a closed range (no live tail); none, or one still ahead, follows new lines.
  return { ok: true, startMs, endMs: Number.isFinite(endMs) && endMs < now ? endMs : null };
}

/** "2026-11-22T05:10" — the value a datetime-local input shows for a moment, in UTC. */
export function toLocalInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** A filename-safe stamp: 20261122T051000Z. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}
