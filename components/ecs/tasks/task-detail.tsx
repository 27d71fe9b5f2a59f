"use client";

import { Link } from "@/components/ui/link";
import { Item, mono, revisionHref } from "@/components/ecs/services/detail-item";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import type { LiveTaskDetail } from "@/lib/ecs/services/live";
import { serviceOfTask } from "./service-of-task";

type Props = { initial: LiveTaskDetail; streamUrl: string; clusterHref: string };

function When({ at }: { at?: string }) {
  return at ? <span><RelativeTime date={at} /> <span className="text-xs text-ink-muted">({new Date(at).toLocaleString()})</span></span> : <>—</>;
}

/** One task, live: status and why it stopped, its containers, its network interface and times. */
export function TaskDetail({ initial, streamUrl, clusterHref }: Props) {
  const { value, status, error, at, pause, resume } = useLiveStream<LiveTaskDetail | null>(streamUrl, initial);
  if (!value) {
    return (
      <EmptyState
        title="ECS no longer reports this task"
        description="ECS keeps a stopped task for about an hour; its service's events and logs still tell what happened."
        action={<Link href={clusterHref} className="text-accent-700 hover:underline">Back to the cluster</Link>}
      />
    );
  }
  const t = value;
  const service = serviceOfTask(t.group);
  const serviceHref = service ? `${clusterHref}/services/${encodeURIComponent(service)}` : null;
  const revision = revisionHref(t.taskDefinition);
  const stopped = t.lastStatus === "STOPPED" || t.desiredStatus === "STOPPED";
  return (
    <div className="space-y-5">
      <LiveIndicator status={status} at={at} onPause={pause} onResume={resume} />
      {error && (
        <Alert tone="warning" title="Showing the last good read">
          <p>{error.message}</p>
          {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
        </Alert>
      )}
      {stopped && (t.stopCode || t.stoppedReason) && (
        <Alert tone={t.stopCode === "UserInitiated" || t.stopCode === "ServiceSchedulerInitiated" ? "info" : "error"} title={t.lastStatus === "STOPPED" ? "Stopped" : "Stopping"}>
          <p data-testid="task-stop">
            {t.stopCode && <span className="font-medium">{t.stopCode}</span>}
            {t.stoppedReason && <>: {t.stoppedReason}</>}
            {t.exitCode !== undefined && <> · exit code {t.exitCode}</>}
          </p>
        </Alert>
      )}

      <Card>
        <CardHeader title="Task" />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
            <Item label="Last status"><span data-testid="task-status"><StatusBadge status={t.lastStatus} /></span></Item>
            <Item label="Desired status">{t.desiredStatus ? <StatusBadge status={t.desiredStatus} /> : "—"}</Item>
            <Item label="Health">{t.health === "UNKNOWN" ? "Unknown" : <StatusBadge status={t.health} />}</Item>
            <Item label="Task definition">
              {revision ? <Link href={revision} className="font-mono text-xs text-accent-700 hover:underline">{t.taskDefinition}</Link> : mono(t.taskDefinition)}
            </Item>
            <Item label="Started by">
              {serviceHref ? (
                <span>
                  service <Link href={serviceHref} className="text-accent-700 hover:underline">{service}</Link>
                  {t.startedBy && <span className="block break-all font-mono text-xs text-ink-muted">deployment {t.startedBy}</span>}
                </span>
              ) : (
                mono(t.startedBy)
              )}
            </Item>
            <Item label="Compute">{t.capacityProvider || t.launchType || "—"}{t.platformVersion && <span className="text-xs text-ink-muted"> · platform {t.platformVersion}</span>}</Item>
            <Item label="Size">{t.cpu || t.memory ? `${t.cpu || "—"} CPU units · ${t.memory || "—"} MiB` : "—"}</Item>
            <Item label="Availability zone">{t.az || "—"}</Item>
            <Item label="Created"><When at={t.createdAt} /></Item>
            <Item label="Started"><When at={t.startedAt} /></Item>
            <Item label="Stopped"><When at={t.stoppedAt} /></Item>
            <Item label="Connectivity">{t.connectivity ? t.connectivity.toLowerCase() : "—"}</Item>
            <Item label="ARN" wide>{mono(t.arn)}</Item>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Containers" />
        <CardBody className="p-0">
          <Table aria-label="Containers" containerClassName="rounded-none border-0">
            <THead>
              <Tr><Th>Name</Th><Th>Image</Th><Th>Status</Th><Th>Health</Th><Th>Exit code</Th><Th>Reason</Th></Tr>
            </THead>
            <TBody>
              {t.containers.map((c) => (
                <Tr key={c.name}>
                  <Td className="font-medium">{c.name}</Td>
                  <Td className="max-w-80"><span className="break-all font-mono text-xs">{c.image}</span></Td>
                  <Td><StatusBadge status={c.lastStatus} /></Td>
                  <Td>{c.health === "UNKNOWN" ? <span className="text-xs text-ink-muted">unknown</span> : <StatusBadge status={c.health} />}</Td>
                  <Td className={c.exitCode ? "font-medium text-red-700" : undefined}>{c.exitCode ?? "—"}</Td>
                  <Td className="text-xs">{c.reason || "—"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Network" />
        <CardBody>
          {t.eni ? (
            <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4" data-testid="task-network">
              <Item label="Network interface">{mono(t.eni.id)}</Item>
              <Item label="Private IP">{mono(t.eni.privateIp)}</Item>
              <Item label="Public IP">
                {t.eni.publicIp ? mono(t.eni.publicIp) : t.eni.publicIp === null ? "None" : <span title="EC2 did not describe this network interface (it may be deleted, or reading it is not allowed)">—</span>}
              </Item>
              <Item label="Subnet">{mono(t.eni.subnetId)}</Item>
              <Item label="MAC address">{mono(t.eni.mac)}</Item>
              <Item label="Private DNS" wide>{mono(t.eni.privateDns)}</Item>
            </dl>
          ) : (
            <p className="text-sm text-ink-muted" data-testid="task-network">
              {t.privateIp ? <>Private IP {mono(t.privateIp)} on its container instance&apos;s network.</> : "No network interface reported: the task uses its container instance's network (bridge or host mode)."}
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
