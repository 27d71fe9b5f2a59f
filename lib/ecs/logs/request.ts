import "server-only";
import { resolveLogQuery } from "@/lib/ecs/logs/query";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { parseLogView } from "./params";

/**
 * What both logs routes (the live SSE view and the download) do before reading: parse the view from
 * the query string, take the working connection, and resolve the log group and streams from the task
 * definition. A failure comes back as the Response to return (400, 409, or resolveLogQuery's status).
 */
export async function resolveLogRequest(request: Request, now: number) {
  const parsed = parseLogView(new URL(request.url).searchParams, now);
  if (!parsed.ok) return { ok: false as const, response: new Response(parsed.message, { status: 400 }) };
  const working = await loadWorkingConnection();
  if (!working) return { ok: false as const, response: new Response("Choose a connection first.", { status: 409 }) };
  const { conn, context } = working;
  const resolved = await resolveLogQuery(conn, context.region, parsed.view);
  if (!resolved.ok) return { ok: false as const, response: new Response(resolved.message, { status: resolved.status }) };
  return { ok: true as const, conn, parsed, region: resolved.region, query: resolved.query, container: resolved.container };
}
