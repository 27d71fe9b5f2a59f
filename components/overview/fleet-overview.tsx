"use client";

import { Link } from "@/components/ui/link";
import { HealthBadge, ProgressBar, StaleNote } from "@/components/ecs/services/fleet-health";
import { VirtualTable } from "@/components/ecs/services/virtual-table";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Td, Th, Tr } from "@/components/ui/table";
import type { FleetCluster, FleetOverview as Overview } from "@/lib/ecs/services/fleet";
import { SummaryTiles } from "./summary-tiles";

type Props = { initial: Overview; region: string; canCreate: boolean };

/** The region's clusters, worst first, refreshed by the shared overview poller (~10 s). */
export function FleetOverview({ initial, region, canCreate }: Props) {
  const live = useLiveStream("/api/live/fleet/overview", initial);
  const { clusters, totals } = live.value;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-ink">ECS in {region}</h2>
        <LiveIndicator status={live.status} at={live.at} onPause={live.pause} onResume={live.resume} />
      </div>
      <StaleNote error={live.error} />
      {clusters.length === 0 ? (
        <EmptyState
          title={`No ECS clusters in ${region}`}
          description="A cluster groups the services and tasks you run. Create one to start, or switch region above."
          action={canCreate ? <ButtonLink href="/ecs/clusters/new" variant="primary">Create cluster</ButtonLink> : undefined}
        />
      ) : (
        <>
          <SummaryTiles totals={totals} />
          <VirtualTable
            aria-label="Clusters"
            rows={clusters}
            getKey={(c) => c.arn}
            columns={5}
            estimate={45}
            head={
              <Tr>
                <Th>Cluster</Th>
                <Th>Health</Th>
                <Th className="text-right">Services</Th>
                <Th>Tasks running / desired</Th>
                <Th>Deployments</Th>
              </Tr>
            }
            renderRow={(c, rowProps) => <ClusterRow key={c.arn} cluster={c} rowProps={rowProps} />}
          />
        </>
      )}
    </div>
  );
}

function ClusterRow({ cluster: c, rowProps }: { cluster: FleetCluster; rowProps: { "data-index": number; ref?: (el: HTMLTableRowElement | null) => void } }) {
  const problems = [
    c.counts.failed && `${c.counts.failed} failed`,
    c.counts.failing && `${c.counts.failing} with failing tasks`,
    c.counts.degraded && `${c.counts.degraded} below desired`,
    c.counts.rolling && `${c.counts.rolling} deploying`,
  ].filter(Boolean);
  return (
    <Tr {...rowProps} data-cluster={c.name}>
      <Td className="max-w-72">
        <Link href={`/ecs/clusters/${encodeURIComponent(c.name)}`} className="block truncate font-medium text-accent-700 hover:underline" title={c.name}>
          {c.name}
        </Link>
      </Td>
      <Td><HealthBadge health={c.health} /></Td>
      <Td className="text-right">{c.services}</Td>
      <Td>
        <span className="flex items-center gap-2 whitespace-nowrap">
          <ProgressBar running={c.running} desired={c.desired} health={c.health} />
          <span data-testid="cluster-tasks">{c.running} / {c.desired}</span>
          {c.pending > 0 && <span className="text-xs text-ink-muted">{c.pending} pending</span>}
        </span>
      </Td>
      <Td className="text-xs">
        {problems.length ? <span className="text-ink">{problems.join(" · ")}</span> : <span className="text-ink-faint">{c.services ? "all steady" : "no services"}</span>}
      </Td>
    </Tr>
  );
}
