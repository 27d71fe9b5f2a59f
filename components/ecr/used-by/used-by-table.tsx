import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { UsedBy } from "@/lib/ecr/used-by/reads";

const servicePath = (cluster: string, service: string) => `/ecs/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}`;
const revisionPath = (family: string, revision: number) => `/ecs/task-definitions/${encodeURIComponent(family)}/${revision}`;

/** The ECS services and task definition revisions whose containers name this image (or repository). */
export function UsedByTable({ usedBy, what }: { usedBy: UsedBy; what: "image" | "repository" }) {
  return (
    <section aria-labelledby="used-by-heading" className="space-y-2">
      <h2 id="used-by-heading" className="text-base font-semibold">Used by</h2>
      <p className="text-xs text-ink-muted">
        From the latest revisions of each active task definition family and the revisions services run
        {usedBy.truncated ? " — only the first families are read in a region with many." : "."}
      </p>
      {usedBy.revisions.length === 0 ? (
        <EmptyState title={`No task definition uses this ${what}`}
          description="Pick it in the task definition wizard (image picker) or with “Deploy new image” on a service to run it on ECS." />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Table aria-label="Services using this image">
            <THead><tr><Th>Service</Th><Th>Cluster</Th><Th>Revision</Th></tr></THead>
            <TBody>
              {usedBy.services.length === 0 ? (
                <Tr><Td colSpan={3} className="text-ink-muted">No service runs these revisions.</Td></Tr>
              ) : usedBy.services.map((s) => (
                <Tr key={`${s.cluster}/${s.service}/${s.container}`}>
                  <Td><Link href={servicePath(s.cluster, s.service)} className="font-medium text-accent-700 hover:underline">{s.service}</Link></Td>
                  <Td>{s.cluster}</Td>
                  <Td className="font-mono text-xs">{s.taskDefinition}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Table aria-label="Task definition revisions using this image">
            <THead><tr><Th>Revision</Th><Th>Container</Th><Th>Image</Th></tr></THead>
            <TBody>
              {usedBy.revisions.map((r) => (
                <Tr key={`${r.family}:${r.revision}/${r.container}`}>
                  <Td><Link href={revisionPath(r.family, r.revision)} className="font-medium text-accent-700 hover:underline">{r.family}:{r.revision}</Link></Td>
                  <Td>{r.container}</Td>
                  <Td className="max-w-72 font-mono text-xs wrap-anywhere" title={r.image}>{r.image.split("/").slice(1).join("/")}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </section>
  );
}
