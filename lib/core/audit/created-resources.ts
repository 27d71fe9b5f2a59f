import "server-only";
import { db } from "@/lib/core/db/client";

/** Where a create step's answer names what it made. */
const CREATED: Record<string, (response: Record<string, unknown>) => unknown> = {
  CreateLoadBalancer: (r) => (r.LoadBalancers as { LoadBalancerArn?: string }[] | undefined)?.[0]?.LoadBalancerArn,
  CreateTargetGroup: (r) => (r.TargetGroups as { TargetGroupArn?: string }[] | undefined)?.[0]?.TargetGroupArn,
  CreateSecurityGroup: (r) => r.GroupId,
};

/**
 * The load balancers, target groups and security groups Portside's history shows it created
 * through this connection in this region (before it tagged what it creates): their ARNs and ids.
 */
export async function createdByPortside(connectionId: string, region: string): Promise<Set<string>> {
  const steps = await db().planStep.findMany({
    where: { status: "succeeded", operation: { in: Object.keys(CREATED) }, run: { connectionId, region } },
    select: { operation: true, response: true },
    orderBy: { finishedAt: "desc" },
    take: 5000,
  });
  const ids = steps.map((s) => (s.response && typeof s.response === "object" ? CREATED[s.operation]?.(s.response as Record<string, unknown>) : undefined));
  return new Set(ids.filter((id): id is string => typeof id === "string"));
}
