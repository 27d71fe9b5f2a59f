import { requireUser } from "@/lib/core/auth/guard";
import { getServiceUtilization, utilizationKey } from "@/lib/ecs/metrics/reads";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { live } from "@/lib/core/live/shared";
import { authFailure, watchStream } from "@/lib/core/live/sse";
import { parseRange } from "@/lib/ecs/metrics/range";
import { decodeSegment } from "@/lib/core/security/segments";

export const dynamic = "force-dynamic";

// ECS publishes service metrics once a minute: polling faster would only re-read the same points.
const POLL_MS = 60_000;
// "Refresh now" may poll at once, but not more often than this per service and range, whoever clicks.
const MIN_NUDGE_GAP_MS = 5_000;

type Params = { params: Promise<{ cluster: string; service: string }> };

async function target(request: Request, { params }: Params, action: string) {
  await requireUser("viewer", action);
  const { cluster: rawCluster, service: rawService } = await params;
  const cluster = decodeSegment(rawCluster);
  const service = decodeSegment(rawService);
  if (cluster === null || service === null) return new Response("Not found.", { status: 404 });
  const working = await loadWorkingConnection();
  if (!working) return new Response("No working connection", { status: 409 });
  const range = parseRange(new URL(request.url).searchParams.get("range") ?? undefined);
  const { conn, context } = working;
  return { conn, region: context.region, cluster, service, range, key: utilizationKey(conn, context.region, cluster, service, range) };
}

/** Server-Sent Events: a service's CPU/memory utilization for one range, one CloudWatch read a minute for all viewers. */
export async function GET(request: Request, ctx: Params) {
  let t: Awaited<ReturnType<typeof target>>;
  try {
    t = await target(request, ctx, "view service metrics");
  } catch (error) {
    return authFailure(error);
  }
  if (t instanceof Response) return t;
  const { conn, region, cluster, service, range, key } = t;
  return watchStream(request, key, { intervalMs: POLL_MS, poll: () => getServiceUtilization(conn, region, { cluster, service, range }) });
}

const lastNudge = new Map<string, number>();

/** "Refresh now": the shared watcher reads CloudWatch at once and every viewer gets the result. */
export async function POST(request: Request, ctx: Params) {
  let t: Awaited<ReturnType<typeof target>>;
  try {
    t = await target(request, ctx, "refresh service metrics");
  } catch (error) {
    return authFailure(error);
  }
  if (t instanceof Response) return t;
  const now = Date.now();
  if (now - (lastNudge.get(t.key) ?? 0) >= MIN_NUDGE_GAP_MS) {
    lastNudge.set(t.key, now);
    live.hub.nudge(t.key);
  }
  return new Response(null, { status: 204 });
}
