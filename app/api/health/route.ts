import { checkHealth } from "@/lib/core/health/checks";
import { isDraining } from "@/lib/core/health/shutdown";
import { db } from "@/lib/core/db/client";
import { live } from "@/lib/core/live/shared";
import { planQueueUp } from "@/lib/core/plans/queue";

export const dynamic = "force-dynamic";

/**
 * For load balancers and container health checks: 200 when this instance can serve (database
 * answers, plan queue running), 503 otherwise or while it shuts down. Open without a session; it
 * reads nothing from the request and says only states, no names, versions or error text.
 */
export async function GET(): Promise<Response> {
  const health = await checkHealth({
    database: () => db().$queryRaw`SELECT 1`,
    queue: process.env.PORTSIDE_WORKER === "off" ? null : planQueueUp,
    live: () => (live.relay?.state() === "up" ? "shared" : "local"),
    draining: isDraining,
  });
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
