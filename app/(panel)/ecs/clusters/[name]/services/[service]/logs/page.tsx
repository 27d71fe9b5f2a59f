import type { Metadata } from "next";
import { LogTargetView } from "@/components/ecs/logs/log-target-view";
import { requirePageUser } from "@/lib/core/auth/guard";
import { serviceLogTarget } from "@/lib/ecs/logs/targets";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Logs · ${name}`, (await params).service);
}

/** The service's Logs tab: every task's stream of the chosen container, live. */
export default async function ServiceLogsPage({ params, searchParams }: Props) {
  await requirePageUser("viewer");
  const { name: rawCluster, service: rawService } = await params;
  const cluster = pageSegment(rawCluster);
  const service = pageSegment(rawService);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context, conn } = working;
  const found = await attempt(() => serviceLogTarget(conn, context.region, cluster, service));
  const family = found.data?.taskDefinition.split(":")[0] ?? "";
  return (
    <LogTargetView
      found={found}
      cluster={cluster}
      service={service}
      region={context.region}
      searchParams={await searchParams}
      taskDefinitionsHref={`/ecs/task-definitions/${encodeURIComponent(family)}`}
    />
  );
}
