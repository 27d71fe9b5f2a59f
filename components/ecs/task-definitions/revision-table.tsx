import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RevisionSummary } from "@/lib/ecs/task-definitions/reads";
import { revisionPath } from "@/lib/ecs/task-definitions/plan";
import { DeregisterButton } from "./deregister-button";

type Props = { revisions: RevisionSummary[]; canChange: boolean; connection: { id: string; region: string } };

export function RevisionTable({ revisions, canChange, connection }: Props) {
  return (
    <Table aria-label="Revisions">
      <THead>
        <tr><Th>Revision</Th><Th>Status</Th>{canChange && <Th className="text-right">Actions</Th>}</tr>
      </THead>
      <TBody>
        {revisions.map((r) => (
          <Tr key={r.revision}>
            <Td><Link href={revisionPath(r.family, r.revision)} className="font-mono text-accent-700 hover:underline">{r.family}:{r.revision}</Link></Td>
            <Td><StatusBadge status={r.status} /></Td>
            {canChange && (
              <Td className="text-right">
                {r.status === "ACTIVE" && <DeregisterButton size="sm" connectionId={connection.id} region={connection.region} family={r.family} revision={r.revision} />}
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
