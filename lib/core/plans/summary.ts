/**
 * What the history keeps of a response: everything, except that long arrays and
 * strings are cut so one List call cannot bloat the audit table.
 */
export function summarizeResponse(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.length > 2000 ? `${value.slice(0, 2000)}… (${value.length} chars)` : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const kept = value.slice(0, 50).map((v) => summarizeResponse(v, depth + 1));
    return value.length > 50 ? [...kept, `… ${value.length - 50} more`] : kept;
  }
  if (value && typeof value === "object") {
    if (depth > 8) return "…";
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarizeResponse(v, depth + 1)]));
  }
  return value;
}
