import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { CreateEksClusterWizard } from "@/components/eks/clusters/create-cluster-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { listSecurityGroups, listSubnets, listVpcs } from "@/lib/vpc/reads";
import { listKubernetesVersions } from "@/lib/eks/clusters/reads";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { AwsOperationError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Create EKS cluster" };

const EKS_PRINCIPAL = "eks.amazonaws.com";

export default async function NewEksClusterPage() {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const [versions, roles, networks] = await Promise.all([
    listKubernetesVersions(conn, context.region),
    attempt(() => listRolesTrusting(conn, [EKS_PRINCIPAL])),
    attempt(async () => {
      const vpcs = await listVpcs(conn, context.region);
      return Promise.all(
        vpcs.map(async (vpc) => {
          const [subnets, securityGroups] = await Promise.all([listSubnets(conn, context.region, vpc.id), listSecurityGroups(conn, context.region, vpc.id)]);
          return { vpc, subnets, securityGroups };
        }),
      );
    }),
  ]);
  return (
    <>
      <PageHeader
        title="Create EKS cluster"
        description="A managed Kubernetes control plane. Add node groups or Fargate profiles once it is ACTIVE."
        breadcrumbs={[{ href: "/eks/clusters", label: "EKS clusters" }, { label: "Create" }]}
      />
      {networks.data ? (
        <CreateEksClusterWizard
          connection={{ id: context.connectionId, name: context.connectionName, region: context.region }}
          versions={versions.versions}
          today={new Date().toISOString()}
          versionsFromAws={versions.fromAws}
          roles={roles.data?.map(({ name, arn }) => ({ name, arn })) ?? null}
          rolesError={roles.error ? (roles.error instanceof AwsOperationError ? roles.error.message : "IAM did not answer.") : undefined}
          networks={networks.data}
        />
      ) : (
        <AwsErrorAlert error={networks.error} />
      )}
    </>
  );
}
