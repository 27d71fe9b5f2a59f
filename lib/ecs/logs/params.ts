import { filterPatternError } from "./filter";
import { resolveRange } from "./time-range";

/** What a log view shows; the same query string drives the live stream and the download. */
export type LogViewQuery = {
  cluster: string;
  /** Exactly one of service / task. */
  service?: string;
  task?: string;
  container?: string;
  range: string;
  start?: string;
  end?: string;
  pattern?: string;
};

export type ParsedLogView =
  | { ok: true; view: LogViewQuery; startMs: number; endMs: number | null }
  | { ok: false; field: string; message: string };

/** Query string for a view (empty values left out). */
export function logViewSearch(view: LogViewQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(view)) if (v) params.set(k, v);
  return params.toString();
}

/** Parses and checks a view from a request's query string; nothing reaches AWS when it fails. */
export function parseLogView(params: URLSearchParams, now: number): ParsedLogView {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const cluster = get("cluster");
  const service = get("service");
  const task = get("task");
  if (!cluster) return { ok: false, field: "cluster", message: "Name the cluster." };
  if (!service === !task) return { ok: false, field: "service", message: "Name either a service or a task." };
  const pattern = params.get("pattern") ?? undefined;
  const patternError = pattern ? filterPatternError(pattern) : null;
  if (patternError) return { ok: false, field: "pattern", message: patternError };
  const view: LogViewQuery = { cluster, service, task, container: get("container"), range: get("range") ?? "15m", start: get("start"), end: get("end"), pattern: pattern || undefined };
  const range = resolveRange(view, now);
  if (!range.ok) return { ok: false, field: range.field, message: range.message };
  return { ok: true, view, startMs: range.startMs, endMs: range.endMs };
}
