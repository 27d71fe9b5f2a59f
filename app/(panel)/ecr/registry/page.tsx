import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { PullThroughRuleTable } from "@/components/ecr/pull-through/pull-through-rule-table";
import { ReplicationView } from "@/components/ecr/replication/replication-view";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { listPullThroughRules } from "@/lib/ecr/pull-through/reads";
import { getReplication } from "@/lib/ecr/replication/reads";

export const metadata: Metadata = { title: "ECR registry" };

export default async function RegistryPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const [rules, replication] = await Promise.all([attempt(() => listPullThroughRules(conn, context.region)), attempt(() => getReplication(conn, context.region))]);
  const canChange = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Private registry"
        description={`Pull-through cache rules and replication in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecr", label: "Repositories" }, { label: "Registry" }]}
      />
      <div className="space-y-8">
        <section aria-labelledby="pull-through-heading" className="space-y-2">
          <div className="flex items-center justify-between gap-2">
            <h2 id="pull-through-heading" className="text-base font-semibold">Pull-through cache rules</h2>
            {canChange && rules.data && rules.data.length > 0 && <ButtonLink href="/ecr/pull-through/new" variant="secondary" size="sm">Create rule</ButtonLink>}
          </div>
          {rules.data ? <PullThroughRuleTable rules={rules.data} canChange={canChange} context={{ connectionId: context.connectionId, region: context.region }} /> : <AwsErrorAlert error={rules.error} />}
        </section>
        {replication.data ? <ReplicationView replication={replication.data} /> : <AwsErrorAlert error={replication.error} />}
      </div>
    </>
  );
}
