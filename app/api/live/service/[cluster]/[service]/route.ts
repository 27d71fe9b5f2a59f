import { requireUser } from "@/lib/core/auth/guard";
import { liveServiceKey, liveServiceSource } from "@/lib/ecs/services/live";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, watchStream } from "@/lib/core/live/sse";
import { decodeSegment } from "@/lib/core/security/segments";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ cluster: string; service: string }> };

/** SSE: one service's deployments, events, tasks, target health and scaling, shared by every viewer. */
export async function GET(request: Request, { params }: Params) {
  try {
    await requireUser("viewer", "watch services");
  } catch (error) {
    return authFailure(error);
  }
  const working = await loadWorkingConnection();
  if (!working) return new Response("Choose a connection first.", { status: 409 });
  const { cluster, service } = await params;
  const { conn, context } = working;
  const c = decodeSegment(cluster);
  const s = decodeSegment(service);
  if (c === null || s === null) return new Response("Not found.", { status: 404 });
  return watchStream(request, liveServiceKey(conn, context.region, c, s), liveServiceSource(conn, context.region, c, s));
}
