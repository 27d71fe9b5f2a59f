import { Link } from "@/components/ui/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ExpressService } from "@/lib/express/reads";
import { cpuLabel, memoryLabel, SCALING_METRIC_LABELS } from "@/lib/express/schema";

function Item({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const mono = (v?: string) => (v ? <span className="break-all font-mono text-xs">{v}</span> : "—");

export function ExpressOverview({ service: s }: { service: ExpressService }) {
  const c = s.settings;
  const metric = c ? (SCALING_METRIC_LABELS[c.scalingMetric as keyof typeof SCALING_METRIC_LABELS] ?? c.scalingMetric) : "";
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title="Overview" />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
            <Item label="Status">
              <StatusBadge status={s.status} />
              {s.statusReason && <p className="mt-1 text-xs text-ink-muted">{s.statusReason}</p>}
            </Item>
            <Item label="URL" wide>
              {s.url ? <a href={s.url} target="_blank" rel="noreferrer" className="font-medium text-accent-700 hover:underline" data-testid="express-url">{s.url}</a> : "Not assigned yet"}
            </Item>
            <Item label="Tasks">{s.ecs ? `${s.ecs.running} running · ${s.ecs.pending} pending · ${s.ecs.desired} desired` : "—"}</Item>
            <Item label="ARN" wide>{mono(s.arn)}</Item>
            <Item label="Tags" wide>{s.tags.length ? s.tags.map((t) => <Badge key={t.key} className="mr-1">{t.key}={t.value}</Badge>) : "None"}</Item>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Configuration" description="The newest active configuration of the service." />
        <CardBody>
          {c ? (
            <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
              <Item label="Image" wide>{mono(c.image)}</Item>
              <Item label="Container port">{c.containerPort}</Item>
              <Item label="Task size">{cpuLabel(c.cpu)} · {memoryLabel(c.memory)}</Item>
              <Item label="Scaling">{c.minTasks} to {c.maxTasks} tasks</Item>
              <Item label="Scaling target">{metric} {c.scalingMetric === "REQUEST_COUNT_PER_TARGET" ? `${c.scalingTarget} per task` : `${c.scalingTarget}%`}</Item>
              <Item label="Health check path">{mono(c.healthCheckPath)}</Item>
              <Item label="Environment">{c.environment.length ? c.environment.map((e) => <div key={e.name} className="font-mono text-xs">{e.name}={e.value}</div>) : "None"}</Item>
              <Item label="Execution role" wide>{mono(s.executionRoleArn)}</Item>
              <Item label="Infrastructure role" wide>{mono(s.infrastructureRoleArn)}</Item>
            </dl>
          ) : (
            <p className="text-sm text-ink-muted">AWS has not reported a configuration for this service yet.</p>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Underlying ECS service" description="Express Mode manages an ordinary ECS service; its tasks and deployments show in the cluster." />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
            <Item label="Cluster"><Link href={`/ecs/clusters/${encodeURIComponent(s.cluster)}`} className="font-medium text-accent-700 hover:underline">{s.cluster}</Link></Item>
            <Item label="Service status">{s.ecs ? <StatusBadge status={s.ecs.status} /> : "—"}</Item>
            <Item label="Running / desired">{s.ecs ? `${s.ecs.running} / ${s.ecs.desired}` : "—"}</Item>
            <Item label="Task definition">{mono(s.ecs?.taskDefinition)}</Item>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
