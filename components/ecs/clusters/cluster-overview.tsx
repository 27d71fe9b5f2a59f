import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ClusterSummary } from "@/lib/ecs/clusters/reads";

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

export function ClusterOverview({ cluster }: { cluster: ClusterSummary }) {
  return (
    <Card>
      <CardHeader title="Overview" />
      <CardBody>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
          <Item label="Status"><StatusBadge status={cluster.status} /></Item>
          <Item label="Services">{cluster.activeServices}</Item>
          <Item label="Tasks">{cluster.runningTasks} running · {cluster.pendingTasks} pending</Item>
          <Item label="Container Insights">{cluster.containerInsights}</Item>
          <Item label="Capacity providers">
            <div className="flex flex-wrap gap-1">
              {cluster.capacityProviders.length ? cluster.capacityProviders.map((p) => <Badge key={p}>{p}</Badge>) : "None"}
            </div>
          </Item>
          <Item label="Default strategy">
            {cluster.defaultStrategy.length
              ? cluster.defaultStrategy.map((s) => `${s.capacityProvider} weight ${s.weight}, base ${s.base}`).join("; ")
              : "None"}
          </Item>
          <Item label="Tags">
            {cluster.tags.length ? cluster.tags.map((t) => <Badge key={t.key} className="mr-1">{t.key}={t.value}</Badge>) : "None"}
          </Item>
          <Item label="ARN"><span className="break-all font-mono text-xs">{cluster.arn}</span></Item>
        </dl>
      </CardBody>
    </Card>
  );
}
