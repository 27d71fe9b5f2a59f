import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ServiceDetail } from "@/lib/ecs/services/reads";
import type { LiveServiceState } from "@/lib/ecs/services/live";
import type { LoadBalancing } from "@/lib/ecs/services/load-balancers";
import { Item, mono } from "./detail-item";

type Props = { registrations: ServiceDetail["loadBalancers"]; loadBalancing: LoadBalancing[]; targetHealth: LiveServiceState["targetHealth"] };

/** Each target group the service registers tasks in: its load balancer and listeners, and live target health. */
export function LoadBalancingCard({ registrations, loadBalancing, targetHealth }: Props) {
  return (
    <Card>
      <CardHeader title="Load balancing" />
      <CardBody className="space-y-4">
        {registrations.length === 0 && <p className="text-sm text-ink-muted">No load balancer.</p>}
        {registrations.map((reg) => {
          const lb = loadBalancing.find((l) => l.targetGroup.arn === reg.targetGroupArn);
          const hc = lb?.targetGroup.healthCheck;
          const targets = targetHealth.find((t) => t.targetGroupArn === reg.targetGroupArn)?.targets ?? lb?.health ?? [];
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
                {targets.length > 0 ? (
                  <ul className="space-y-1" aria-label={`Targets of ${lb?.targetGroup.name ?? "the target group"}`} data-testid="target-health">
                    {targets.map((t) => (
                      <li key={`${t.id}:${t.port}`} className="flex flex-wrap items-center gap-2 text-sm">
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
  );
}
