import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { NodegroupSummary } from "@/lib/eks/compute/reads";
import { nodegroupPath } from "@/lib/eks/nodegroups/plan";
import { plural } from "@/lib/core/format/plural";

export function NodegroupTable({ cluster, nodegroups }: { cluster: string; nodegroups: NodegroupSummary[] }) {
  return (
    <Table aria-label="Node groups">
      <THead>
        <Tr><Th>Name</Th><Th>Status</Th><Th>Instance types</Th><Th>Capacity</Th><Th>Min / desired / max</Th><Th>Version</Th></Tr>
      </THead>
      <TBody>
        {nodegroups.map((n) => (
          <Tr key={n.name}>
            <Td><Link className="font-medium text-accent-700 hover:underline" href={nodegroupPath(cluster, n.name)}>{n.name}</Link></Td>
            <Td><StatusBadge status={n.status} />{n.health.length > 0 && <span className="ml-2 text-xs text-red-700">{plural(n.health.length, "health issue")}</span>}</Td>
            <Td className="font-mono text-xs">{n.instanceTypes.join(", ")}</Td>
            <Td>{n.capacityType === "SPOT" ? "Spot" : "On-Demand"}</Td>
            <Td>{n.scaling.minSize} / {n.scaling.desiredSize} / {n.scaling.maxSize}</Td>
            <Td>{n.version}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
