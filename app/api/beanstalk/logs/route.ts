import { requireUser } from "@/lib/core/auth/guard";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, liveErrorOf } from "@/lib/core/live/sse";
import { fetchLog, retrieveLogs } from "@/lib/beanstalk/env-logs/reads";
import { newestPerInstance } from "@/lib/beanstalk/env-logs/samples";
import { downloadLogsSchema } from "@/lib/beanstalk/env-logs/schema";
import { LOG_LIMITS } from "@/lib/beanstalk/env-logs/url";

export const dynamic = "force-dynamic";

/**
 * One instance's full logs (the zip RequestEnvironmentInfo bundle collected), passed through from
 * where Elastic Beanstalk put it. The browser names the environment and the instance, never a URL:
 * the route asks RetrieveEnvironmentInfo itself and fetches only S3 or the connection's endpoint,
 * at most LOG_LIMITS.bundleBytes, without following redirects.
 */
export async function GET(request: Request) {
  try {
    await requireUser("viewer", "download Elastic Beanstalk logs");
  } catch (error) {
    return authFailure(error);
  }
  const params = new URL(request.url).searchParams;
  const parsed = downloadLogsSchema.safeParse({ applicationName: params.get("application") ?? "", environmentName: params.get("environment") ?? "", instanceId: params.get("instance") ?? "" });
  if (!parsed.success) return new Response(parsed.error.issues[0]?.message ?? "Bad request.", { status: 400 });
  const working = await loadWorkingConnection();
  if (!working) return new Response("Choose a connection first.", { status: 409 });
  const { conn, context } = working;
  const { environmentName, instanceId } = parsed.data;
  let upstream: Response;
  try {
    const samples = newestPerInstance(await retrieveLogs(conn, context.region, environmentName, "bundle"), 0);
    const sample = samples.find((s) => s.instanceId === instanceId);
    if (!sample) return new Response(`No full logs of ${instanceId} in ${environmentName}: request them first (they are kept about 15 minutes).`, { status: 404 });
    upstream = await fetchLog(conn, sample.url, LOG_LIMITS.bundleBytes);
  } catch (error) {
    const { message } = liveErrorOf(error);
    return new Response(message, { status: 502 });
  }
  // Count what passes: a body longer than its announced size (or with none announced) is cut at the limit.
  let sent = 0;
  const reader = upstream.body!.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      sent += value.length;
      if (sent > LOG_LIMITS.bundleBytes) {
        await reader.cancel();
        return controller.error(new Error("log bundle above the limit"));
      }
      controller.enqueue(value);
    },
    cancel: () => reader.cancel(),
  });
  const file = `${environmentName}_${instanceId}_logs.zip`.replace(/[^A-Za-z0-9._-]+/g, "_");
  return new Response(body, {
    headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
