import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { endpointAccessLabel, type EksCluster } from "@/lib/eks/clusters/reads";

export function EksClusterTable({ clusters, canCreate }: { clusters: EksCluster[]; canCreate: boolean }) {
  if (clusters.length === 0) {
    return (
      <EmptyState
        title="No EKS clusters in this region yet"
        description="An EKS cluster is a managed Kubernetes control plane; you add node groups or Fargate profiles to run pods. Create one, or switch region above."
        action={canCreate ? <ButtonLink href="/eks/clusters/new" variant="primary">Create cluster</ButtonLink> : undefined}
      />
    );
  }
  return (
    <Table aria-label="EKS clusters">
      <THead>
        <Tr>
          <Th>Cluster</Th>
          <Th>Status</Th>
          <Th>Kubernetes version</Th>
          <Th>Endpoint access</Th>
          <Th>Created</Th>
        </Tr>
      </THead>
      <TBody>
        {clusters.map((c) => (
          <Tr key={c.arn}>
            <Td>
              <Link href={`/eks/clusters/${encodeURIComponent(c.name)}`} className="font-medium text-accent-700 hover:underline">
                {c.name}
              </Link>
            </Td>
            <Td><StatusBadge status={c.status} /></Td>
            <Td className="tabular-nums">{c.version}</Td>
            <Td>{endpointAccessLabel(c)}</Td>
            <Td>{c.createdAt ? <RelativeTime date={c.createdAt} /> : "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
