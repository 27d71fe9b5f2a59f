import { Link } from "@/components/ui/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { ClusterSummary } from "@/lib/ecs/clusters/reads";

export function ClusterTable({ clusters, canCreate }: { clusters: ClusterSummary[]; canCreate: boolean }) {
  if (clusters.length === 0) {
    return (
      <EmptyState
        title="No clusters in this region yet"
        description="A cluster groups the services and tasks you run. Create a Fargate cluster to start, or switch region above."
        action={canCreate ? <ButtonLink href="/ecs/clusters/new" variant="primary">Create cluster</ButtonLink> : undefined}
      />
    );
  }
  return (
    <Table aria-label="Clusters">
      <THead>
        <Tr>
          <Th>Cluster</Th>
          <Th>Status</Th>
          <Th>Capacity providers</Th>
          <Th className="text-right">Services</Th>
          <Th className="text-right">Running tasks</Th>
          <Th className="text-right">Pending tasks</Th>
          <Th className="text-right">EC2 instances</Th>
        </Tr>
      </THead>
      <TBody>
        {clusters.map((c) => (
          <Tr key={c.arn}>
            <Td>
              <Link href={`/ecs/clusters/${encodeURIComponent(c.name)}`} className="font-medium text-accent-700 hover:underline">
                {c.name}
              </Link>
            </Td>
            <Td><StatusBadge status={c.status} /></Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {c.capacityProviders.length === 0 ? <span className="text-ink-faint">None</span> : c.capacityProviders.map((p) => <Badge key={p}>{p}</Badge>)}
              </div>
            </Td>
            <Td className="text-right tabular-nums">{c.activeServices}</Td>
            <Td className="text-right tabular-nums">{c.runningTasks}</Td>
            <Td className="text-right tabular-nums">{c.pendingTasks}</Td>
            <Td className="text-right tabular-nums">{c.containerInstances}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
