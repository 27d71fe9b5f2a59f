import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { loadNetworks } from "@/components/ecs/tasks/load-networks";
import { CreateHostWizard } from "@/components/hosts/create-host-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { listKeyPairs } from "@/lib/hosts/reads";

export const metadata: Metadata = { title: "Launch EC2 host" };

export default async function NewHostPage() {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const [networks, keyPairs] = await Promise.all([loadNetworks(conn, context.region), listKeyPairs(conn, context.region)]);
    return { networks, keyPairs };
  });
  return (
    <>
      <PageHeader
        title="Launch EC2 Docker host"
        description={`One Amazon Linux 2023 instance that installs Docker and runs your container · ${context.region}`}
        breadcrumbs={[{ href: "/ec2/hosts", label: "EC2 hosts" }, { label: "Launch" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateHostWizard context={{ connectionId: context.connectionId, region: context.region }} networks={result.data!.networks} keyPairs={result.data!.keyPairs} />
      )}
    </>
  );
}
