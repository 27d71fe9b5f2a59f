import { requireUser } from "@/lib/core/auth/guard";
import { overviewKey, overviewSource } from "@/lib/ecs/services/fleet-live";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, watchStream } from "@/lib/core/live/sse";

export const dynamic = "force-dynamic";

/** SSE: the region's clusters with their services' health, one poller per connection+region for every viewer. */
export async function GET(request: Request) {
  try {
    await requireUser("viewer", "watch the fleet overview");
  } catch (error) {
    return authFailure(error);
  }
  const working = await loadWorkingConnection();
  if (!working) return new Response("Choose a connection first.", { status: 409 });
  const { conn, context } = working;
  return watchStream(request, overviewKey(conn, context.region), overviewSource(conn, context.region));
}
