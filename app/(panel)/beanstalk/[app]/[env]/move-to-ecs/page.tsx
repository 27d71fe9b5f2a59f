import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { decodeSegment } from "@/lib/core/security/segments";
import { applicationNameSchema, environmentNameSchema, environmentPage } from "@/lib/beanstalk/environments/names";
import { expressPrefillOfEnvironment } from "@/lib/beanstalk/move-to-ecs/prefill";
import { moveSource } from "@/lib/beanstalk/move-to-ecs/reads";
import { moveToExpressHref } from "@/lib/hosts/prefill";

export const metadata: Metadata = { title: "Move to ECS" };

type Props = { params: Promise<{ app: string; env: string }> };

/**
 * "Move to ECS": reads the environment's running version and options, then opens the Express Mode
 * wizard prefilled with the same image, port, size, environment and scaling. Nothing changes in AWS
 * until that wizard's own reviewed plan runs.
 */
export default async function MoveToEcsPage({ params }: Props) {
  await requirePageUser("operator");
  const raw = await params;
  const app = applicationNameSchema.safeParse(decodeSegment(raw.app) ?? "");
  const envName = environmentNameSchema.safeParse(decodeSegment(raw.env) ?? "");
  if (!app.success || !envName.success) notFound();
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => moveSource(conn, context.region, app.data, envName.data));
  if (result.error) {
    return (
      <>
        <PageHeader title={`Move ${envName.data} to ECS`} breadcrumbs={[{ href: "/beanstalk", label: "Elastic Beanstalk" }, { href: environmentPage(app.data, envName.data), label: envName.data }, { label: "Move to ECS" }]} />
        <AwsErrorAlert error={result.error} />
      </>
    );
  }
  if (!result.data) notFound();
  const { env, options, run } = result.data;
  const { notes, ...prefill } = expressPrefillOfEnvironment({ application: app.data, name: env.name }, run, options);
  redirect(moveToExpressHref({ ...prefill, ...(notes.length ? { note: notes.join(" ").slice(0, 500) } : {}) }));
}
