import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { CreatePullThroughRuleWizard } from "@/components/ecr/pull-through/create-pull-through-rule-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { registryHost } from "@/lib/ecr/repositories/push-commands";
import { getRegistryId } from "@/lib/ecr/repositories/reads";

export const metadata: Metadata = { title: "Create pull-through cache rule" };

export default async function NewPullThroughRulePage() {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => getRegistryId(conn, context.region));
  return (
    <>
      <PageHeader
        title="Create pull-through cache rule"
        description={`Cache an upstream registry's images in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecr", label: "Repositories" }, { href: "/ecr/registry", label: "Registry" }, { label: "Create pull-through cache rule" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreatePullThroughRuleWizard context={{ connectionId: context.connectionId, region: context.region }} registry={registryHost(result.data!, context.region)} />
      )}
    </>
  );
}
