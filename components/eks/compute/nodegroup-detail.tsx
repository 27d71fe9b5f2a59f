import { Alert } from "@/components/ui/alert";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { NodegroupSummary, UpdateSummary } from "@/lib/eks/compute/reads";

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div><dt className="text-xs text-ink-muted">{label}</dt><dd className="mt-0.5 text-sm [overflow-wrap:anywhere]">{children}</dd></div>
);

export function NodegroupOverview({ ng }: { ng: NodegroupSummary }) {
  return (
    <Card>
      <CardHeader title="Details" actions={<StatusBadge status={ng.status} data-testid="nodegroup-status" />} />
      <CardBody className="space-y-4">
        {ng.health.length > 0 && (
          <Alert tone="error" title="Health issues">
            <ul className="list-disc pl-4">{ng.health.map((h, i) => <li key={i}><span className="font-mono">{h.code}</span>: {h.message}</li>)}</ul>
          </Alert>
        )}
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Item label="Kubernetes version">{ng.version || "—"}</Item>
          <Item label="Release version">{ng.releaseVersion || "—"}</Item>
          <Item label="AMI type">{ng.amiType}</Item>
          <Item label="Capacity type">{ng.capacityType === "SPOT" ? "Spot" : "On-Demand"}</Item>
          <Item label="Instance types"><span className="font-mono">{ng.instanceTypes.join(", ")}</span></Item>
          <Item label="Disk size">{ng.diskSize ? `${ng.diskSize} GiB` : "—"}</Item>
          <Item label="Scaling (min / desired / max)"><span data-testid="nodegroup-scaling">{ng.scaling.minSize} / {ng.scaling.desiredSize} / {ng.scaling.maxSize}</span></Item>
          <Item label="Maximum unavailable">{ng.maxUnavailable}</Item>
          <Item label="Node IAM role"><span className="font-mono text-xs">{ng.nodeRole}</span></Item>
          <Item label="Subnets"><span className="font-mono text-xs">{ng.subnets.join(", ")}</span></Item>
          <Item label="Labels">{ng.labels.length ? ng.labels.map((l) => <Badge key={l.key} className="mr-1 font-mono">{l.key}={l.value}</Badge>) : "None"}</Item>
          <Item label="Taints">{ng.taints.length ? ng.taints.map((t) => <Badge key={t.key + t.effect} className="mr-1 font-mono">{t.key}{t.value ? `=${t.value}` : ""}:{t.effect}</Badge>) : "None"}</Item>
        </dl>
      </CardBody>
    </Card>
  );
}

export function UpdateHistory({ updates }: { updates: UpdateSummary[] }) {
  if (updates.length === 0) return <p className="text-sm text-ink-muted">No updates yet.</p>;
  return (
    <Table aria-label="Update history">
      <THead><Tr><Th>Type</Th><Th>Status</Th><Th>Changes</Th><Th>Started</Th></Tr></THead>
      <TBody>
        {updates.map((u) => (
          <Tr key={u.id}>
            <Td>{u.type}</Td>
            <Td><StatusBadge status={u.status} />{u.errors.length > 0 && <p className="text-xs text-red-700">{u.errors.join("; ")}</p>}</Td>
            <Td className="font-mono text-xs">{u.params.map((p) => `${p.type}: ${p.value}`).join(" · ")}</Td>
            <Td>{u.createdAt ? u.createdAt.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
