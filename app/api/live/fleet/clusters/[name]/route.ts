import { requireUser } from "@/lib/core/auth/guard";
import { clusterKey, clusterSource } from "@/lib/ecs/services/fleet-live";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, watchStream } from "@/lib/core/live/sse";
import { decodeSegment } from "@/lib/core/security/segments";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ name: string }> };

/** SSE: a cluster's services (counts, rollout, target health, last event), one poller per cluster for every viewer. */
export async function GET(request: Request, { params }: Params) {
  try {
    await requireUser("viewer", "watch clusters");
  } catch (error) {
    return authFailure(error);
  }
  const working = await loadWorkingConnection();
  if (!working) return new Response("Choose a connection first.", { status: 409 });
  const { conn, context } = working;
  const cluster = decodeSegment((await params).name);
  if (cluster === null) return new Response("Not found.", { status: 404 });
  return watchStream(request, clusterKey(conn, context.region, cluster), clusterSource(conn, context.region, cluster));
}
