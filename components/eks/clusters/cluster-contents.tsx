import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import type { EksClusterContents, EksMember } from "@/lib/eks/clusters/reads";

function Members({ title, label, base, items, addHref, addLabel, empty }: {
  title: string; label: string; base: string; items: EksMember[]; addHref?: string; addLabel?: string; empty: string;
}) {
  return (
    <Card>
      <CardHeader
        title={<Link href={base} className="hover:underline">{title} ({items.length})</Link>}
        actions={addHref && <ButtonLink href={addHref} size="sm" variant="secondary">{addLabel}</ButtonLink>}
      />
      <CardBody>
        {items.length === 0 ? (
          <p className="text-sm text-ink-muted">{empty}</p>
        ) : (
          <ul className="divide-y divide-line" aria-label={label}>
            {items.map((m) => (
              <li key={m.name} className="flex items-center justify-between gap-3 py-1.5">
                <Link href={`${base}/${encodeURIComponent(m.name)}`} className="min-w-0 truncate font-medium text-accent-700 hover:underline">{m.name}</Link>
                <span className="flex shrink-0 items-center gap-2 text-xs text-ink-muted">
                  {m.detail}
                  <StatusBadge status={m.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

/** Node groups, Fargate profiles and add-ons (managed on their own pages), and the cluster's recent updates. */
export function EksClusterContentsView({ cluster, contents, canOperate }: { cluster: string; contents: EksClusterContents; canOperate: boolean }) {
  const base = `/eks/clusters/${encodeURIComponent(cluster)}`;
  return (
    <div className="space-y-5">
      <div className="grid gap-5 lg:grid-cols-3">
        <Members title="Node groups" label="Node groups" base={`${base}/nodegroups`} items={contents.nodegroups}
          addHref={canOperate ? `${base}/nodegroups/new` : undefined} addLabel="Add node group" empty="No managed node groups: pods need a node group or a Fargate profile to run." />
        <Members title="Fargate profiles" label="Fargate profiles" base={`${base}/fargate-profiles`} items={contents.fargateProfiles}
          addHref={canOperate ? `${base}/fargate-profiles/new` : undefined} addLabel="Add Fargate profile" empty="No Fargate profiles." />
        <Members title="Add-ons" label="Add-ons" base={`${base}/addons`} items={contents.addons}
          addHref={canOperate ? `${base}/addons` : undefined} addLabel="Manage add-ons" empty="No EKS add-ons installed." />
      </div>
      <Card>
        <CardHeader title="Updates" description="Version upgrades and configuration changes EKS applied to this cluster, newest first." />
        {contents.updates.length === 0 ? (
          <CardBody><p className="text-sm text-ink-muted">No updates yet.</p></CardBody>
        ) : (
          <Table aria-label="Updates">
            <THead>
              <Tr><Th>Type</Th><Th>Status</Th><Th>Changes</Th><Th>Started</Th><Th>Update id</Th></Tr>
            </THead>
            <TBody>
              {contents.updates.map((u) => (
                <Tr key={u.id}>
                  <Td>{u.type}</Td>
                  <Td><StatusBadge status={u.status} /></Td>
                  <Td>
                    {u.params.map((p) => `${p.type} ${p.value}`).join(", ") || "—"}
                    {u.errors.length > 0 && <p className="text-xs text-red-700">{u.errors.join("; ")}</p>}
                  </Td>
                  <Td>{u.createdAt ? <RelativeTime date={u.createdAt} /> : "—"}</Td>
                  <Td className="font-mono text-xs">{u.id}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
