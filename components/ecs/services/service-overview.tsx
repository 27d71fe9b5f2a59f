"use client";

import { Link } from "@/components/ui/link";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import { Alert } from "@/components/ui/alert";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { LiveServiceState } from "@/lib/ecs/services/live";
import type { ServiceDetail } from "@/lib/ecs/services/reads";
import type { LoadBalancing } from "@/lib/ecs/services/load-balancers";
import { DeploymentsCard } from "./deployments-card";
import { Item, mono, revisionHref } from "./detail-item";
import { LoadBalancingCard } from "./load-balancing-card";
import { ServiceEvents } from "./service-events";
import { ServiceTasks } from "./service-tasks";

const STRATEGY_NAMES: Record<string, string> = { ROLLING: "Rolling update", BLUE_GREEN: "Blue/green", CANARY: "Canary", LINEAR: "Linear" };

type Props = {
  /** Settings read once at render: they change only through a plan, which reloads the page. */
  service: ServiceDetail;
  loadBalancing: LoadBalancing[];
  /** The first live read, streamed on from `streamUrl` every few seconds. */
  initial: LiveServiceState;
  streamUrl: string;
  /** The cluster's page, under which task pages live. */
  clusterHref: string;
};

const compute = (s: ServiceDetail) =>
  s.launchType || s.capacityProviderStrategy.map((c) => `${c.capacityProvider} (weight ${c.weight}, base ${c.base})`).join(", ") || "—";
const percent = (v?: number) => (v === undefined ? "Not reported" : `${v}%`);

/** One service, live: counts, deployments, tasks, events, target health; then its settings. */
export function ServiceOverview({ service: s, loadBalancing, initial, streamUrl, clusterHref }: Props) {
  const { value: live, status, error, at, pause, resume } = useLiveStream(streamUrl, initial);
  const taskHref = (id: string) => `${clusterHref}/tasks/${encodeURIComponent(id)}`;
  const revision = revisionHref(live.taskDefinition || s.taskDefinition);
  const strategy = s.deployment.controller === "ECS" ? STRATEGY_NAMES[s.deployment.strategy] ?? s.deployment.strategy : s.deployment.controller;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <LiveIndicator status={status} at={at} onPause={pause} onResume={resume} />
      </div>
      {error && (
        <Alert tone="warning" title="Showing the last good read">
          <p>{error.message}</p>
          {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
        </Alert>
      )}
      {!live.found && (
        <Alert tone="warning" title="This service no longer exists">
          <p>ECS reports it deleted or inactive. Its history stays on the History tab.</p>
        </Alert>
      )}

      <Card>
        <CardHeader title="Overview" />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
            <Item label="Status"><StatusBadge status={live.status} /></Item>
            <Item label="Tasks"><span data-testid="task-counts">{live.desired} desired · {live.running} running · {live.pending} pending</span></Item>
            <Item label="Task definition">
              {revision ? <Link href={revision} className="font-mono text-xs text-accent-700 hover:underline">{live.taskDefinition || s.taskDefinition}</Link> : mono(s.taskDefinition)}
            </Item>
            <Item label="Service type">{s.schedulingStrategy === "DAEMON" ? "Daemon" : "Replica"}</Item>
            <Item label="Compute">{compute(s)}</Item>
            <Item label="Platform version">{s.platformVersion || "—"}</Item>
            <Item label="ECS Exec">{live.config.enableExecuteCommand ? "On" : "Off"}</Item>
            <Item label="ARN" wide>{mono(s.arn)}</Item>
          </dl>
        </CardBody>
      </Card>

      <DeploymentsCard state={live} strategy={strategy} timelineHref={`${clusterHref}/services/${encodeURIComponent(s.name)}/history`} />
      <ServiceTasks tasks={live.tasks} taskHref={taskHref} />
      <ServiceEvents events={live.events} />

      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader title="Deployment configuration" />
          <CardBody>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-4">
              <Item label="Strategy">{strategy}</Item>
              <Item label="Circuit breaker">
                {live.config.circuitBreaker === undefined ? "Not reported" : live.config.circuitBreaker ? (live.config.rollback ? "On, with rollback" : "On, no rollback") : "Off"}
              </Item>
              <Item label="Minimum healthy">{percent(live.config.minimumHealthyPercent)}</Item>
              <Item label="Maximum">{percent(live.config.maximumPercent)}</Item>
              <Item label="Health check grace period">{live.config.healthCheckGracePeriod === undefined ? "—" : `${live.config.healthCheckGracePeriod} s`}</Item>
              <Item label="ECS Exec">{live.config.enableExecuteCommand ? "On" : "Off"}</Item>
            </dl>
          </CardBody>
        </Card>
        <Card data-testid="scaling">
          <CardHeader title="Scaling" />
          <CardBody>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-4">
              <Item label="Desired tasks"><span className="tabular-nums">{live.desired}</span></Item>
              <Item label="Auto scaling">
                <span className="tabular-nums" data-testid="auto-scaling">
                  {live.scaling ? `min ${live.scaling.min} · max ${live.scaling.max}` : live.scalingError ? "Could not be read" : "Off"}
                </span>
              </Item>
            </dl>
            {live.scalingError && <p className="mt-3 text-xs text-amber-800">{live.scalingError}</p>}
            {!live.scaling && !live.scalingError && <p className="mt-3 text-xs text-ink-muted">ECS keeps the desired count as set; nothing scales it.</p>}
          </CardBody>
        </Card>
      </div>

      <LoadBalancingCard registrations={s.loadBalancers} loadBalancing={loadBalancing} targetHealth={live.targetHealth} />

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
        <CardHeader title="Tags" />
        <CardBody>
          {s.tags.length ? s.tags.map((t) => <Badge key={t.key} className="mr-1">{t.key}={t.value}</Badge>) : <p className="text-sm text-ink-muted">None</p>}
        </CardBody>
      </Card>
    </div>
  );
}
