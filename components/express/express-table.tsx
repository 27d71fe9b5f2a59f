import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { ExpressService } from "@/lib/express/reads";
import { expressPagePath } from "@/lib/express/plan";

export function ExpressTable({ services, canCreate }: { services: ExpressService[]; canCreate: boolean }) {
  if (services.length === 0) {
    return (
      <EmptyState
        title="No Express services in this region yet"
        description="Give Express Mode a container image and it runs it on Fargate behind an HTTPS load balancer with a URL and auto scaling. Create one, or switch region above."
        action={canCreate ? <ButtonLink href="/ecs/express/new" variant="primary">Create Express service</ButtonLink> : undefined}
      />
    );
  }
  return (
    <Table aria-label="Express services">
      <THead>
        <Tr>
          <Th>Service</Th>
          <Th>Status</Th>
          <Th>URL</Th>
          <Th>Image</Th>
          <Th className="text-right">Tasks</Th>
          <Th>Cluster</Th>
        </Tr>
      </THead>
      <TBody>
        {services.map((s) => (
          <Tr key={s.arn}>
            <Td>
              <Link href={expressPagePath(s.cluster, s.name)} className="font-medium text-accent-700 hover:underline">{s.name}</Link>
            </Td>
            <Td><StatusBadge status={s.status} /></Td>
            <Td className="max-w-72 truncate">
              {s.url ? <a href={s.url} target="_blank" rel="noreferrer" className="text-accent-700 hover:underline">{s.url.replace(/^https?:\/\//, "")}</a> : <span className="text-ink-faint">Not yet</span>}
            </Td>
            <Td className="max-w-80 truncate font-mono text-xs" title={s.settings?.image}>{s.settings?.image ?? "—"}</Td>
            <Td className="text-right tabular-nums" title="Running / desired tasks of the ECS service">
              {s.ecs ? `${s.ecs.running} / ${s.ecs.desired}` : "—"}
            </Td>
            <Td>
              <Link href={`/ecs/clusters/${encodeURIComponent(s.cluster)}`} className="text-accent-700 hover:underline">{s.cluster}</Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
