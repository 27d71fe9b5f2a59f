import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { CreateEnvironmentWizard } from "@/components/beanstalk/create-environment/create-environment-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { getRole, listRolesTrusting } from "@/lib/iam/reads";
import { defaultStack, dockerStacks } from "@/lib/beanstalk/create-environment/stacks";
import { STANDARD_ROLES } from "@/lib/beanstalk/create-environment/schema";
import { suggestVersionLabel, applicationNameSchema } from "@/lib/beanstalk/environments/names";
import { listApplications, listSolutionStacks } from "@/lib/beanstalk/environments/reads";

export const metadata: Metadata = { title: "Create Elastic Beanstalk environment" };

type Props = { searchParams: Promise<{ application?: string }> };


export default async function NewEnvironmentPage({ searchParams }: Props) {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const requested = applicationNameSchema.safeParse((await searchParams).application ?? "");
  const result = await attempt(async () => {
    const [apps, stacks, serviceRoles, ec2Roles, service, instance] = await Promise.all([
      listApplications(conn, context.region),
      listSolutionStacks(conn, context.region),
      listRolesTrusting(conn, ["elasticbeanstalk.amazonaws.com"]),
      listRolesTrusting(conn, ["ec2.amazonaws.com"]),
      getRole(conn, STANDARD_ROLES.service),
      getRole(conn, STANDARD_ROLES.instance),
    ]);
    return { apps, stacks, serviceRoles, ec2Roles, service, instance };
  });
  return (
    <>
      <PageHeader
        title="Create Elastic Beanstalk environment"
        description={`A Docker web server environment running your image · ${context.region}`}
        breadcrumbs={[{ href: "/beanstalk", label: "Elastic Beanstalk" }, { label: "Create environment" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateEnvironmentWizard
          context={{ connectionId: context.connectionId, region: context.region }}
          applications={result.data!.apps.map((a) => a.name)}
          initialApplication={requested.success && result.data!.apps.some((a) => a.name === requested.data) ? requested.data : undefined}
          stacks={dockerStacks(result.data!.stacks)}
          defaultStack={defaultStack(result.data!.stacks)}
          serviceRoles={result.data!.serviceRoles.map((r) => r.name)}
          // An instance profile made by the console or Portside carries its role's name.
          instanceProfiles={result.data!.ec2Roles.map((r) => r.name)}
          standardRolesExist={{ service: Boolean(result.data!.service), instance: Boolean(result.data!.instance) }}
          suggestedLabel={suggestVersionLabel()}
        />
      )}
    </>
  );
}
