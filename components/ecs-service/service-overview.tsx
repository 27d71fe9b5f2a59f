import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ServiceDetail } from "@/lib/aws/ecs-service-detail";
import type { LoadBalancing } from "@/lib/aws/elbv2";

function Item({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const mono = (v?: string) => (v ? <span className="break-all font-mono text-xs">{v}</span> : "—");
const compute = (s: ServiceDetail) =>
  s.launchType || s.capacityProviderStrategy.map((c) => `${c.capacityProvider} (weight ${c.weight}, base ${c.base})`).join(", ") || "—";

/** One service at a glance: counts, task definition, deployment settings, network, load balancing, tags. */
export function ServiceOverview({ service: s, loadBalancing }: { service: ServiceDetail; loadBalancing: LoadBalancing[] }) {
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title="Overview" />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
            <Item label="Status"><StatusBadge status={s.status} /></Item>
            <Item label="Tasks"><span data-testid="task-counts">{s.desired} desired · {s.running} running · {s.pending} pending</span></Item>
            <Item label="Task definition">{mono(s.taskDefinition)}</Item>
            <Item label="Service type">{s.schedulingStrategy === "DAEMON" ? "Daemon" : "Replica"}</Item>
            <Item label="Compute">{compute(s)}</Item>
            <Item label="Platform version">{s.platformVersion || "—"}</Item>
            <Item label="ECS Exec">{s.enableExecuteCommand ? "On" : "Off"}</Item>
            <Item label="ARN" wide>{mono(s.arn)}</Item>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Deployment configuration" />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
            <Item label="Strategy">{s.deployment.controller === "ECS" ? "Rolling update" : s.deployment.controller}</Item>
            <Item label="Minimum healthy">{s.deployment.minimumHealthyPercent === undefined ? "Not reported" : `${s.deployment.minimumHealthyPercent}%`}</Item>
            <Item label="Maximum">{s.deployment.maximumPercent === undefined ? "Not reported" : `${s.deployment.maximumPercent}%`}</Item>
            <Item label="Circuit breaker">{s.deployment.circuitBreaker === undefined ? "Not reported" : s.deployment.circuitBreaker ? (s.deployment.rollback ? "On, with rollback" : "On, no rollback") : "Off"}</Item>
            {s.healthCheckGracePeriod !== undefined && <Item label="Health check grace period">{s.healthCheckGracePeriod} s</Item>}
          </dl>
          {s.deployments.length > 0 && (
            <Table containerClassName="mt-4" aria-label="Deployments">
              <THead><Tr><Th>Deployment</Th><Th>Status</Th><Th>Task definition</Th><Th>Desired / running / pending</Th><Th>Rollout</Th></Tr></THead>
              <TBody>
                {s.deployments.map((d) => (
                  <Tr key={d.id}>
                    <Td className="font-mono text-xs">{d.id}</Td><Td>{d.status}</Td><Td className="font-mono text-xs">{d.taskDefinition}</Td>
                    <Td>{d.desired} / {d.running} / {d.pending}</Td><Td>{d.rolloutState || "—"}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Network" />
        <CardBody>
          {s.network ? (
            <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
              <Item label="Subnets" wide>{s.network.subnets.map((id) => <div key={id}>{mono(id)}</div>)}</Item>
              <Item label="Security groups">{s.network.securityGroups.map((id) => <div key={id}>{mono(id)}</div>)}</Item>
              <Item label="Public IP">{s.network.assignPublicIp === "ENABLED" ? "Turned on" : "Turned off"}</Item>
            </dl>
          ) : (
            <p className="text-sm text-ink-muted">Tasks use their container instance&apos;s network (bridge or host mode).</p>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Load balancing" />
        <CardBody className="space-y-4">
          {s.loadBalancers.length === 0 && <p className="text-sm text-ink-muted">No load balancer.</p>}
          {s.loadBalancers.map((reg) => {
            const lb = loadBalancing.find((l) => l.targetGroup.arn === reg.targetGroupArn);
            const hc = lb?.targetGroup.healthCheck;
            return (
              <div key={reg.targetGroupArn} className="space-y-3" data-testid="load-balancing">
                <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
                  <Item label="Load balancer">{lb?.loadBalancer ? <span>{lb.loadBalancer.name} <span className="text-xs text-ink-muted">({lb.loadBalancer.scheme})</span></span> : "—"}</Item>
                  <Item label="DNS name">{mono(lb?.loadBalancer?.dnsName)}</Item>
                  <Item label="Listeners">{lb?.listeners.map((l) => `${l.protocol}:${l.port}`).join(", ") || "—"}</Item>
                  <Item label="Container">{reg.containerName}:{reg.containerPort}</Item>
                  <Item label="Target group">{lb ? `${lb.targetGroup.name} (${lb.targetGroup.protocol}:${lb.targetGroup.port}, ${lb.targetGroup.targetType})` : mono(reg.targetGroupArn)}</Item>
                  <Item label="Health check" wide>
                    {hc ? `${hc.protocol} ${hc.path} every ${hc.interval} s, timeout ${hc.timeout} s, healthy after ${hc.healthy}, unhealthy after ${hc.unhealthy}` : "—"}
                  </Item>
                </dl>
                <div>
                  <p className="mb-1 text-xs text-ink-muted">Target health</p>
                  {lb && lb.health.length > 0 ? (
                    <ul className="space-y-1">
                      {lb.health.map((t) => (
                        <li key={`${t.id}:${t.port}`} className="flex items-center gap-2 text-sm">
                          <span className="font-mono text-xs">{t.id}{t.port ? `:${t.port}` : ""}</span>
                          <StatusBadge status={t.state} />
                          {t.description && <span className="text-xs text-ink-muted">{t.description}</span>}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-ink-muted">No targets registered yet: ECS registers each task once it runs.</p>
                  )}
                </div>
              </div>
            );
          })}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Tags" />
        <CardBody>
          {s.tags.length ? s.tags.map((t) => <Badge key={t.key} className="mr-1">{t.key}={t.value}</Badge>) : <p className="text-sm text-ink-muted">None</p>}
        </CardBody>
      </Card>
    </div>
  );
}
