import { Link } from "@/components/ui/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FamilySummary } from "@/lib/ecs/task-definitions/reads";
import { familyPath, revisionPath } from "@/lib/ecs/task-definitions/plan";

export function FamilyTable({ families, canCreate }: { families: FamilySummary[]; canCreate: boolean }) {
  if (families.length === 0) {
    return (
      <EmptyState title="No task definitions yet" description="A task definition describes the containers of a task: images, ports, size, roles and logs."
        action={canCreate && <ButtonLink href="/ecs/task-definitions/new" variant="primary">Create task definition</ButtonLink>} />
    );
  }
  return (
    <Table aria-label="Task definition families">
      <THead>
        <tr><Th>Family</Th><Th>Latest active revision</Th><Th className="text-right">Active revisions</Th></tr>
      </THead>
      <TBody>
        {families.map((f) => (
          <Tr key={f.family}>
            <Td><Link href={familyPath(f.family)} className="font-medium text-accent-700 hover:underline">{f.family}</Link></Td>
            <Td><Link href={revisionPath(f.family, f.latestRevision)} className="font-mono hover:underline">{f.family}:{f.latestRevision}</Link></Td>
            <Td className="text-right">{f.activeRevisions}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
