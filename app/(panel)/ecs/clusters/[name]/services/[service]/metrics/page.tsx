import type { Metadata } from "next";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { notFound } from "next/navigation";
import { MetricsView } from "@/components/ecs/metrics/metrics-view";
import { requirePageUser } from "@/lib/core/auth/guard";
import { getServiceUtilizationShared } from "@/lib/ecs/metrics/reads";
import { getServiceDetailShared } from "@/lib/ecs/services/reads";
import { describeTaskDefinition } from "@/lib/ecs/task-definitions/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { live, liveKey } from "@/lib/core/live/shared";
import { liveErrorOf } from "@/lib/core/live/sse";
import { parseRange } from "@/lib/ecs/metrics/range";
import { taskSizeOf } from "@/lib/ecs/metrics/task-size";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }>; searchParams: Promise<{ range?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Metrics · ${name}`, (await params).service);
}

const oldest = (dates: (string | undefined)[] = []) => dates.filter((d): d is string => Boolean(d)).sort()[0];

export default async function ServiceMetricsPage({ params, searchParams }: Props) {
  await requirePageUser("viewer");
  const { name: rawCluster, service: rawService } = await params;
  const cluster = pageSegment(rawCluster);
  const name = pageSegment(rawService);
  const range = parseRange((await searchParams).range);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context, conn } = working;
  const region = context.region;

  const found = await attempt(() => getServiceDetailShared(conn, region, cluster, name, BEHIND_LIVE_TTL_MS));
  if (!found.error && !found.data) notFound();
  const service = found.data ?? null;
  const [utilization, taskDefinition] = await Promise.all([
    attempt(() => getServiceUtilizationShared(conn, region, cluster, name, range)),
    // A revision never changes, so its size can be reused for a long time.
    service?.taskDefinition
      ? attempt(() =>
          live.cache.get(liveKey(conn, region, "ecs", "task-definition", service.taskDefinition), 600_000, () =>
            describeTaskDefinition(conn, region, service.taskDefinition),
          ),
        )
      : Promise.resolve({ data: null }),
  ]);

  const base = `/ecs/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(name)}/metrics`;
  return (
    <MetricsView
      base={base}
      streamUrl={`/api/live/metrics/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}?range=${range}`}
      range={range}
      initial={utilization.data ?? null}
      initialError={utilization.error ? liveErrorOf(utilization.error) : null}
      context={{
        desired: service?.desired ?? 0,
        running: service?.running ?? 0,
        // A new service's first deployment starts with it: the fallback where an endpoint omits createdAt.
        createdAt: service?.createdAt ?? oldest(service?.deployments.map((d) => d.createdAt)),
        taskSize: taskDefinition.data ? taskSizeOf(taskDefinition.data) : null,
        deployments: (service?.deployments ?? []).flatMap((d) => (d.createdAt ? [{ id: d.id, at: Date.parse(d.createdAt) }] : [])),
      }}
    />
  );
}
