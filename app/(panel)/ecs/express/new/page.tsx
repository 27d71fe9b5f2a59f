import type { Metadata } from "next";
import { NoConnection } from "@/components/common/no-connection";
import { CreateExpressWizard } from "@/components/express/create-express-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { AwsOperationError } from "@/lib/core/errors";
import { appRunnerServiceName, decodeExpressPrefill } from "@/lib/express/prefill";

export const metadata: Metadata = { title: "Create Express service" };

const EXECUTION_PRINCIPAL = "ecs-tasks.amazonaws.com";
const INFRASTRUCTURE_PRINCIPAL = "ecs.amazonaws.com";

export default async function NewExpressServicePage({ searchParams }: { searchParams: Promise<{ prefill?: string }> }) {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const prefill = decodeExpressPrefill((await searchParams).prefill);
  // One ListRoles walk serves both pickers.
  const roles = await attempt(() => listRolesTrusting(conn, [EXECUTION_PRINCIPAL, INFRASTRUCTURE_PRINCIPAL]));
  const pick = (principal: string) => roles.data?.filter((r) => r.principals.includes(principal)).map(({ name, arn }) => ({ name, arn })) ?? null;
  return (
    <>
      <PageHeader
        title="Create Express service"
        description="The recommended way to run a web service from a container image: ECS Express Mode provisions the service, an HTTPS load balancer with a URL, and auto scaling."
        breadcrumbs={[{ href: "/ecs/express", label: "Express Mode" }, { label: "Create" }]}
      />
      <CreateExpressWizard
        connection={{ id: context.connectionId, name: context.connectionName, region: context.region }}
        roles={{ execution: pick(EXECUTION_PRINCIPAL), infrastructure: pick(INFRASTRUCTURE_PRINCIPAL) }}
        rolesError={roles.error ? (roles.error instanceof AwsOperationError ? roles.error.message : "IAM did not answer.") : undefined}
        prefill={prefill}
        prefillNotice={
          prefill.fromAppRunnerArn
            ? `Prefilled from App Runner service ${appRunnerServiceName(prefill.fromAppRunnerArn)}`
            : prefill.fromEc2Host
              ? `Prefilled from EC2 Docker host ${prefill.fromEc2Host}`
              : prefill.fromBeanstalk
                ? `Prefilled from Elastic Beanstalk environment ${prefill.fromBeanstalk}${prefill.note ? `. ${prefill.note}` : ""}`
                : undefined
        }
      />
    </>
  );
}
