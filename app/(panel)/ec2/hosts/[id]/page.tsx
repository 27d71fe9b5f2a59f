import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { LiveHostView } from "@/components/hosts/live-host";
import { CommandPanel, ConsolePanel, CpuPanel, LogsPanel, type Failed } from "@/components/hosts/host-panels";
import { ReplaceContainerForm } from "@/components/hosts/replace-container-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { AwsOperationError } from "@/lib/core/errors";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { expressPrefillOf, fargateSizeOf, moveToExpressHref } from "@/lib/hosts/prefill";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { toLiveHost } from "@/lib/hosts/live-view";
import { INSTANCE_ID } from "@/lib/hosts/schema";
import { getHost, hostConsoleOutput, hostCpu, hostLogs, lastCommand } from "@/lib/hosts/reads";

export const metadata: Metadata = { title: "EC2 host" };

type Props = { params: Promise<{ id: string }> };

/** One panel's read: its value, or what to say in its place when AWS refused it. */
async function panel<T>(read: () => Promise<T>): Promise<T | Failed> {
  const out = await attempt(read);
  if (!out.error) return out.data as T;
  return { failure: out.error instanceof AwsOperationError ? out.error.message : "AWS did not answer this read." };
}

export default async function HostPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  if (!INSTANCE_ID.test(id)) notFound();
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => getHost(conn, context.region, id, BEHIND_LIVE_TTL_MS));
  if (!result.error && !result.data) notFound();
  const header = (title: string) => (
    <PageHeader title={title} description={`EC2 Docker host · ${context.region}`} breadcrumbs={[{ href: "/ec2/hosts", label: "EC2 hosts" }, { label: title }]} />
  );
  if (result.error) return <>{header(id)}<AwsErrorAlert error={result.error} /></>;
  const host = result.data!;
  const alive = host.state !== "terminated";
  const [cpu, consoleOut, logs, command] = await Promise.all([
    panel(() => hostCpu(conn, context.region, id)),
    panel(() => hostConsoleOutput(conn, context.region, id)),
    host.logGroup ? panel(() => hostLogs(conn, context.region, host.logGroup!)) : Promise.resolve(null),
    panel(() => lastCommand(conn, context.region, id)),
  ]);
  const canOperate = roleAllows(user.role, "operator");
  const size = fargateSizeOf(host.instanceType);
  return (
    <>
      {header(host.name)}
      <div className="space-y-4">
        <LiveHostView
          initial={toLiveHost(host)}
          streamUrl={`/api/live/hosts/${id}`}
          context={{ connectionId: context.connectionId, region: context.region }}
          canOperate={canOperate}
          replaceForm={
            canOperate && alive && host.container ? (
              <ReplaceContainerForm
                context={{ connectionId: context.connectionId, region: context.region, instanceId: id }}
                current={{ image: host.container.image, environment: host.container.environment, restartPolicy: host.container.restartPolicy }}
              />
            ) : null
          }
        />
        <div className="grid gap-4 lg:grid-cols-2">
          <CpuPanel points={cpu} />
          <CommandPanel run={command} />
        </div>
        <LogsPanel tail={logs} logGroup={host.logGroup} />
        <ConsolePanel output={consoleOut} />
        {canOperate && host.container && (
          <Card>
            <CardHeader title="Move to ECS" description={`ECS Express Mode runs the same image behind an HTTPS load balancer with auto scaling, on Fargate ${Number(size.cpu) / 1024} vCPU / ${Number(size.memory) / 1024} GB.${size.note ? ` ${size.note}` : ""}`} />
            <CardBody>
              <ButtonLink variant="secondary" href={moveToExpressHref(expressPrefillOf(host, host.container))}>Move to ECS Express Mode</ButtonLink>
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
