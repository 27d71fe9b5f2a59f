import type { Metadata } from "next";
import { NoConnection } from "@/components/common/no-connection";
import { RunOnAwsForm } from "@/components/ecs/self-hosting/run-on-aws-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { AwsOperationError } from "@/lib/core/errors";
import { listClusters } from "@/lib/ecs/clusters/reads";
import { listSecrets } from "@/lib/ecs/self-hosting/reads";
import { listVpcs } from "@/lib/vpc/reads";

export const metadata: Metadata = { title: "Run Portside on AWS" };

/** Portside's own deployment on ECS, through its own task definition and service wizards. */
export default async function RunOnAwsPage() {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const [secrets, clusters, vpcs] = await Promise.all([
    attempt(() => listSecrets(conn, context.region)),
    attempt(() => listClusters(conn, context.region)),
    attempt(() => listVpcs(conn, context.region)),
  ]);
  const failure = (e: unknown) => (e instanceof AwsOperationError ? e.message : "AWS did not answer.");
  return (
    <>
      <PageHeader
        title="Run Portside on AWS"
        description={`Portside on ECS Fargate in ${context.region} (${context.connectionName}): the image, an external PostgreSQL and two keys from Secrets Manager, 2 tasks behind a load balancer. Each step is a reviewed plan.`}
      />
      <Card>
        <CardBody className="space-y-4">
          {secrets.error !== undefined && <Alert tone="warning" title="Secrets Manager could not be listed">{failure(secrets.error)} Paste the secrets&apos; ARNs instead.</Alert>}
          {clusters.error !== undefined && <Alert tone="warning" title="ECS clusters could not be listed">{failure(clusters.error)}</Alert>}
          {vpcs.error !== undefined && <Alert tone="warning" title="VPCs could not be listed">{failure(vpcs.error)} Enter the VPC&apos;s CIDR as the trusted proxies instead.</Alert>}
          <RunOnAwsForm
            connectionId={context.connectionId}
            region={context.region}
            secrets={secrets.data ?? null}
            clusters={clusters.data ? clusters.data.map((c) => c.name) : null}
            vpcs={vpcs.data ?? null}
          />
        </CardBody>
      </Card>
    </>
  );
}
