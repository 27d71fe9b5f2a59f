import type { Metadata } from "next";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { notFound } from "next/navigation";
import { readScalingSnapshotShared } from "@/components/ecs/scaling/scaling-data";
import { ScalingView } from "@/components/ecs/scaling/scaling-view";
import type { AlbTarget } from "@/components/ecs/scaling/target-tracking-form";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getServiceDetailShared } from "@/lib/ecs/services/reads";
import { describeTargetGroups } from "@/lib/ecs/services/load-balancers";
import { listQueueNames } from "@/lib/ecs/scaling/queues";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { liveErrorOf } from "@/lib/core/live/sse";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Scaling · ${name}`, (await params).service);
}

export default async function ServiceScalingPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const { name: rawCluster, service: rawService } = await params;
  const cluster = pageSegment(rawCluster);
  const name = pageSegment(rawService);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context, conn } = working;
  const region = context.region;
  const found = await attempt(() => getServiceDetailShared(conn, region, cluster, name, BEHIND_LIVE_TTL_MS));
  if (!found.error && !found.data) notFound();
  const canOperate = roleAllows(user.role, "operator");
  const targetGroups = (found.data?.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter(Boolean);

  const [snapshot, balancing, queues] = await Promise.all([
    attempt(() => readScalingSnapshotShared(conn, region, cluster, name)),
    // Request-count scaling needs the service's target group and the ALB in front of it.
    canOperate && targetGroups.length ? attempt(() => describeTargetGroups(conn, region, [...new Set(targetGroups)])) : Promise.resolve({ data: [] }),
    canOperate ? attempt(() => listQueueNames(conn, region)) : Promise.resolve({ data: [] as string[], error: undefined }),
  ]);
  const albTargets: AlbTarget[] = (balancing.data ?? []).flatMap((tg) => {
    // An Application Load Balancer's ARN reads …:loadbalancer/app/<name>/<id>.
    const lb = tg.loadBalancerArns.find((arn) => arn.includes(":loadbalancer/app/"));
    return lb ? [{ targetGroupArn: tg.arn, loadBalancerArn: lb, label: `${tg.name} (load balancer ${lb.split("/")[2]})` }] : [];
  });

  return (
    <ScalingView
      streamUrl={`/api/live/scaling/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}`}
      initial={snapshot.data ?? null}
      initialError={snapshot.error ? liveErrorOf(snapshot.error) : null}
      target={{ connectionId: context.connectionId, region, cluster, service: name }}
      canOperate={canOperate}
      albTargets={albTargets}
      queues={queues.data ?? []}
      queuesError={queues.error ? liveErrorOf(queues.error).message : undefined}
    />
  );
}
