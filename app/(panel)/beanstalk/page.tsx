import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { ApplicationList } from "@/components/beanstalk/environments/application-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { listApplications } from "@/lib/beanstalk/environments/reads";

export const metadata: Metadata = { title: "Elastic Beanstalk" };

export default async function BeanstalkPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => listApplications(conn, context.region));
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Elastic Beanstalk"
        description={`Applications and their Docker environments · ${context.region}`}
        actions={canCreate && <ButtonLink variant="primary" href="/beanstalk/new">Create environment</ButtonLink>}
      />
      {result.error ? <AwsErrorAlert error={result.error} /> : <ApplicationList applications={result.data!} canCreate={canCreate} />}
    </>
  );
}
