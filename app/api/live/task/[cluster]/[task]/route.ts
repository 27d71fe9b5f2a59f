import { requireUser } from "@/lib/core/auth/guard";
import { liveTaskKey, liveTaskSource } from "@/lib/ecs/services/live";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, watchStream } from "@/lib/core/live/sse";
import { decodeSegment } from "@/lib/core/security/segments";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ cluster: string; task: string }> };

/** SSE: one task's status, containers and network, shared by every viewer. */
export async function GET(request: Request, { params }: Params) {
  try {
    await requireUser("viewer", "watch tasks");
  } catch (error) {
    return authFailure(error);
  }
  const working = await loadWorkingConnection();
  if (!working) return new Response("Choose a connection first.", { status: 409 });
  const { cluster, task } = await params;
  const { conn, context } = working;
  const c = decodeSegment(cluster);
  const t = decodeSegment(task);
  if (c === null || t === null) return new Response("Not found.", { status: 404 });
  return watchStream(request, liveTaskKey(conn, context.region, c, t), liveTaskSource(conn, context.region, c, t));
}
