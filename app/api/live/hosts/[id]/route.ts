import { requireUser } from "@/lib/core/auth/guard";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, watchStream } from "@/lib/core/live/sse";
import { INSTANCE_ID } from "@/lib/hosts/schema";
import { liveHostKey, liveHostSource } from "@/lib/hosts/live";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** SSE: one EC2 host's state, status checks, addresses and container, one poller for every viewer. */
export async function GET(request: Request, { params }: Params) {
  try {
    await requireUser("viewer", "watch EC2 hosts");
  } catch (error) {
    return authFailure(error);
  }
  const { id } = await params;
  if (!INSTANCE_ID.test(id)) return new Response("Not found.", { status: 404 });
  const working = await loadWorkingConnection();
  if (!working) return new Response("Choose a connection first.", { status: 409 });
  const { conn, context } = working;
  return watchStream(request, liveHostKey(conn, context.region, id), liveHostSource(conn, context.region, id));
}
