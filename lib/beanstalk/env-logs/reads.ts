import "server-only";
import { RetrieveEnvironmentInfoCommand } from "@aws-sdk/client-elastic-beanstalk";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { ConflictError } from "@/lib/core/errors";
import { live, liveKey } from "@/lib/core/live/shared";
import { allowedLogUrl, LOG_LIMITS } from "./url";
import type { InfoType } from "./schema";
import type { LogSample } from "./samples";

/** What RetrieveEnvironmentInfo holds for the environment now (the last ~15 minutes of requests), newest first. */
export function retrieveLogs(conn: ConnectionSettings, region: string, environment: string, type: InfoType): Promise<LogSample[]> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "env-logs", environment, type), 1500, async () => {
    const out = await guarded(conn, "elasticbeanstalk", "RetrieveEnvironmentInfo", () =>
      awsClient(conn, region, "elasticbeanstalk").send(new RetrieveEnvironmentInfoCommand({ EnvironmentName: environment, InfoType: type })),
    );
    return (out.EnvironmentInfo ?? [])
      .slice(0, 200)
      .map((i) => ({ instanceId: i.Ec2InstanceId ?? "", sampledAt: i.SampleTimestamp?.toISOString() ?? "", url: i.Message ?? "" }))
      .filter((i) => i.instanceId && i.url)
      .sort((a, b) => b.sampledAt.localeCompare(a.sampledAt));
  });
}

/**
 * GET a log URL that passed `allowedLogUrl`, without following redirects, reading at most
 * `maxBytes` (the rest is cut and said so). Throws on a refused URL or a non-2xx answer.
 */
export async function fetchLog(conn: ConnectionSettings, rawUrl: string, maxBytes: number): Promise<Response> {
  const url = allowedLogUrl(rawUrl, conn.endpointUrl);
  if (!url) throw new ConflictError("Elastic Beanstalk answered a log location Portside does not fetch (neither S3 nor the connection's endpoint).");
  const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000), cache: "no-store" });
  if (!res.ok) {
    await res.body?.cancel();
    throw new ConflictError(`The log file could not be read (HTTP ${res.status}); logs stay available for about 15 minutes after they are requested.`);
  }
  const length = Number(res.headers.get("content-length") ?? 0);
  if (length > maxBytes) {
    await res.body?.cancel();
    throw new ConflictError(`The log file is ${Math.round(length / 1024 / 1024)} MB, above the ${Math.round(maxBytes / 1024 / 1024)} MB Portside passes on.`);
  }
  return res;
}

/** The tail text of one sample, at most LOG_LIMITS.tailBytes. */
export async function readTail(conn: ConnectionSettings, sample: LogSample): Promise<{ text: string; truncated: boolean }> {
  const res = await fetchLog(conn, sample.url, LOG_LIMITS.bundleBytes);
  const reader = res.body?.getReader();
  if (!reader) return { text: "", truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > LOG_LIMITS.tailBytes) {
      truncated = true;
      await reader.cancel();
      break;
    }
  }
  const all = new Uint8Array(Math.min(size, LOG_LIMITS.tailBytes));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, all.length - at);
    all.set(part, at);
    at += part.length;
    if (at >= all.length) break;
  }
  return { text: new TextDecoder().decode(all), truncated };
}
