import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { FamilyTable } from "@/components/ecs/task-definitions/family-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { listFamilies } from "@/lib/ecs/task-definitions/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";

export const metadata: Metadata = { title: "Task definitions" };

export default async function TaskDefinitionsPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => listFamilies(conn, context.region));
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Task definitions"
        description={`Task definition families with an active revision in ${context.region} · ${context.connectionName}`}
        actions={canCreate && <ButtonLink href="/ecs/task-definitions/new" variant="primary">Create task definition</ButtonLink>}
      />
      {result.data ? <FamilyTable families={result.data} canCreate={canCreate} /> : <AwsErrorAlert error={result.error} />}
    </>
  );
}
