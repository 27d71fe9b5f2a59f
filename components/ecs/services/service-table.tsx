"use client";

import { Link } from "@/components/ui/link";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Td, Th, Tr } from "@/components/ui/table";
import type { ClusterLive, LiveService, TargetCounts } from "@/lib/ecs/services/fleet-live";
import { HealthBadge, ProgressBar, rolloutLabel, StaleNote } from "./fleet-health";
import { VirtualTable } from "./virtual-table";

type Props = { cluster: string; initial: ClusterLive };

/** A cluster's services, worst first, refreshed by the cluster's shared poller (~5 s). */
export function ServiceTable({ cluster, initial }: Props) {
  const live = useLiveStream(`/api/live/fleet/clusters/${encodeURIComponent(cluster)}`, initial);
  const { services } = live.value;
  const problems = services.filter((s) => s.health !== "healthy" && s.health !== "rolling").length;
  return (
    <Card>
      <CardHeader
        title="Services"
        description={`${services.length} in this cluster${problems ? ` · ${problems} need a look` : ""}`}
        actions={<LiveIndicator status={live.status} at={live.at} onPause={live.pause} onResume={live.resume} />}
      />
      <div className="space-y-3 p-3">
        <StaleNote error={live.error} />
        {services.length === 0 ? (
          <EmptyState title="No services yet" description="A service keeps a number of copies of a task definition running in this cluster." />
        ) : (
          <VirtualTable
            aria-label="Services"
            rows={services}
            getKey={(s) => s.arn}
            columns={7}
            estimate={53}
            head={
              <Tr>
                <Th>Service</Th>
                <Th>Health</Th>
                <Th>Tasks running / desired</Th>
                <Th>Task definition</Th>
                <Th>Deployment</Th>
                <Th>Targets</Th>
                <Th>Last event</Th>
              </Tr>
            }
            renderRow={(s, rowProps) => <ServiceRow key={s.arn} service={s} base={`/ecs/clusters/${encodeURIComponent(cluster)}`} rowProps={rowProps} />}
          />
        )}
      </div>
    </Card>
  );
}

type RowProps = { "data-index": number; ref?: (el: HTMLTableRowElement | null) => void };

function ServiceRow({ service: s, base, rowProps }: { service: LiveService; base: string; rowProps: RowProps }) {
  return (
    <Tr {...rowProps} data-service={s.name} data-health={s.health}>
      <Td className="max-w-64">
        <Link href={`${base}/services/${encodeURIComponent(s.name)}`} className="block truncate font-medium text-accent-700 hover:underline" title={s.name}>
          {s.name}
        </Link>
        {s.status !== "ACTIVE" && <StatusBadge status={s.status} className="mt-0.5" />}
      </Td>
      <Td><HealthBadge health={s.health} /></Td>
      <Td>
        <span className="flex items-center gap-2 whitespace-nowrap">
          <ProgressBar running={s.running} desired={s.desired} health={s.health} />
          <span data-testid="service-tasks">{s.running} / {s.desired}</span>
          {s.pending > 0 && <span className="text-xs text-ink-muted">{s.pending} pending</span>}
        </span>
      </Td>
      <Td className="font-mono text-xs whitespace-nowrap">{s.taskDefinition}</Td>
      <Td className="text-xs whitespace-nowrap">
        <span data-testid="service-rollout" className={cn(s.health === "failed" || s.health === "failing" ? "font-medium text-red-700" : "text-ink")} title={s.rollout.reason}>
          {rolloutLabel(s.rollout)}
        </span>
        {s.rollout.deployments > 1 && <span className="block text-ink-muted">{s.rollout.deployments} deployments</span>}
      </Td>
      <Td className="text-xs whitespace-nowrap"><Targets counts={s.targets} /></Td>
      <Td className="max-w-md text-xs">
        {s.lastEvent ? (
          <span className="block">
            <span className="line-clamp-2 text-ink" title={s.lastEvent.message}>{s.lastEvent.message}</span>
            {s.lastEvent.at && <RelativeTime date={s.lastEvent.at} className="text-ink-muted" />}
          </span>
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </Td>
    </Tr>
  );
}

function Targets({ counts }: { counts: TargetCounts | null }) {
  if (!counts) return <span className="text-ink-faint" title="No load balancer">—</span>;
  if ("unavailable" in counts) return <span className="text-amber-700" title={counts.unavailable}>unavailable</span>;
  const tone = counts.total === 0 ? "text-ink-muted" : counts.healthy === counts.total ? "text-green-700" : "text-amber-700";
  return <span className={tone} data-testid="service-targets">{counts.healthy} / {counts.total} healthy</span>;
}
