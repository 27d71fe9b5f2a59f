import { readScalingSnapshot, SCALING_POLL_MS, scalingKey } from "@/components/ecs/scaling/scaling-data";
import { requireUser } from "@/lib/core/auth/guard";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, watchStream } from "@/lib/core/live/sse";
import { decodeSegment } from "@/lib/core/security/segments";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ cluster: string; service: string }> };

/** Server-Sent Events: a service's auto scaling (target, policies, alarms, schedules, activities), one poll per service for all viewers. */
export async function GET(request: Request, { params }: Params) {
  try {
    await requireUser("viewer", "view service auto scaling");
  } catch (error) {
    return authFailure(error);
  }
  const working = await loadWorkingConnection();
  if (!working) return new Response("No working connection", { status: 409 });
  const { cluster: rawCluster, service: rawService } = await params;
  const cluster = decodeSegment(rawCluster);
  const service = decodeSegment(rawService);
  if (cluster === null || service === null) return new Response("Not found.", { status: 404 });
  const { conn, context } = working;
  return watchStream(request, scalingKey(conn, context.region, cluster, service), {
    intervalMs: SCALING_POLL_MS,
    poll: () => readScalingSnapshot(conn, context.region, cluster, service),
  });
}
