import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { TaskDefinitionWizard } from "@/components/ecs/task-definitions/task-definition-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { describeTaskDefinition } from "@/lib/ecs/task-definitions/reads";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { AwsOperationError } from "@/lib/core/errors";
import { STANDARD_ROLES } from "@/lib/iam/roles";
import { carriedFields } from "@/lib/ecs/task-definitions/carry-over";
import { emptyForm, formFromRevision } from "@/lib/ecs/task-definitions/form-values";
import { PrefillNotice } from "@/components/wizard/prefill-notice";
import { portsideTaskDefinition } from "@/lib/ecs/self-hosting/prefill";
import { SELF_HOSTING_FIELDS, selfHostingSchema } from "@/lib/ecs/self-hosting/schema";

export const metadata: Metadata = { title: "Create task definition" };

type Query = { from?: string; portside?: string } & Partial<Record<(typeof SELF_HOSTING_FIELDS)[number], string>>;

export default async function NewTaskDefinitionPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const query = await searchParams;
  const from = query.from?.trim();
  // ?portside=1 from Settings → Run Portside on AWS: the wizard starts as Portside's own task definition.
  const self = query.portside === "1" ? selfHostingSchema.safeParse(Object.fromEntries(SELF_HOSTING_FIELDS.map((k) => [k, typeof query[k] === "string" ? query[k] : undefined]))) : null;
  const portside = self?.success ? portsideTaskDefinition(self.data) : null;
  const [roles, source] = await Promise.all([
    attempt(() => listRolesTrusting(conn, [STANDARD_ROLES.execution.principal])),
    from ? attempt(() => describeTaskDefinition(conn, context.region, from)) : Promise.resolve(null),
  ]);
  const header = (
    <PageHeader
      title={from ? "Create new revision" : "Create task definition"}
      description="Describe the containers of a task: images, ports, environment, secrets, logs, health checks and size."
      breadcrumbs={[{ href: "/ecs/task-definitions", label: "Task definitions" }, { label: from ? `New revision of ${from}` : "Create" }]}
    />
  );
  if (source?.error) return <>{header}<AwsErrorAlert error={source.error} /></>;
  const prefill = source?.data ? formFromRevision(source.data) : null;
  const kept = source?.data ? carriedFields(source.data) : null;
  const carried = kept
    ? [
        ...Object.entries(kept.task).map(([k, v]) => ({ name: k, json: JSON.stringify(v, null, 2) })),
        ...Object.entries(kept.containers).flatMap(([c, f]) => Object.entries(f).map(([k, v]) => ({ name: `${c}.${k}`, json: JSON.stringify(v, null, 2) }))),
      ]
    : undefined;
  const roleOptions = roles.data?.map(({ name, arn }) => ({ name, arn })) ?? null;
  const initial = prefill?.values ?? portside?.values ?? emptyForm();
  if (!prefill) {
    // As the console does: pick ecsTaskExecutionRole when it exists, else offer to create it.
    const standard = roleOptions?.find((r) => r.name === STANDARD_ROLES.execution.name);
    if (standard) Object.assign(initial, { executionRoleMode: "existing", executionRoleArn: standard.arn });
  }
  return (
    <>
      {header}
      {from && !source?.data && <p className="mb-4 text-sm text-red-700">Task definition {from} was not found; starting from the defaults.</p>}
      {self && !self.success && <p role="alert" className="mb-4 text-sm text-red-700">The Run Portside on AWS choices are incomplete or invalid ({self.error.issues[0]?.message}); starting from the defaults.</p>}
      {portside && !prefill && <PrefillNotice className="mb-4" source="Run Portside on AWS" notes={portside.notes} />}
      <TaskDefinitionWizard
        connection={{ id: context.connectionId, name: context.connectionName, region: context.region }}
        initial={initial}
        roles={roleOptions}
        rolesError={roles.error ? (roles.error instanceof AwsOperationError ? roles.error.message : "IAM did not answer.") : undefined}
        fromLabel={source?.data ? `${source.data.family}:${source.data.revision}` : undefined}
        carried={carried}
      />
    </>
  );
}
