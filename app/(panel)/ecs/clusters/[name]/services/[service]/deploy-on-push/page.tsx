import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { RuleList } from "@/components/ecr/deploy-on-push/rule-list";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";
import { ruleRows } from "@/lib/ecr/deploy-on-push/view";
import { pollInterval } from "@/lib/ecr/deploy-on-push/watcher";
import { listRepositorySummaries } from "@/lib/ecr/repositories/reads";
import { getServiceDetailShared } from "@/lib/ecs/services/reads";

type Props = { params: Promise<{ name: string; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Deploy on push · ${name}`, (await params).service);
}

export default async function DeployOnPushPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const { name: rawCluster, service: rawService } = await params;
  const cluster = pageSegment(rawCluster);
  const name = pageSegment(rawService);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context, conn } = working;
  const canOperate = roleAllows(user.role, "operator");
  const found = await attempt(async () => {
    const service = await getServiceDetailShared(conn, context.region, cluster, name);
    return service ? { repositories: canOperate ? (await listRepositorySummaries(conn, context.region)).map((r) => r.name) : [] } : null;
  });
  if (found.error) return <AwsErrorAlert error={found.error} />;
  if (!found.data) notFound();
  const target = { connectionId: context.connectionId, region: context.region, cluster, service: name };
  return (
    <RuleList rules={await ruleRows(target)} target={target} repositories={found.data.repositories} canOperate={canOperate}
      intervalSeconds={Math.max(1, Math.round(pollInterval() / 1000))} />
  );
}
