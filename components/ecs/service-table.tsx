import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { ServiceSummary } from "@/lib/aws/ecs";

export function ServiceTable({ services }: { services: ServiceSummary[] }) {
  return (
    <Card>
      <CardHeader title="Services" description={`${services.length} in this cluster`} />
      {services.length === 0 ? (
        <EmptyState title="No services yet" description="A service keeps a number of copies of a task definition running in this cluster." />
      ) : (
        <Table aria-label="Services">
          <THead>
            <Tr>
              <Th>Service</Th>
              <Th>Status</Th>
              <Th className="text-right">Desired</Th>
              <Th className="text-right">Running</Th>
              <Th className="text-right">Pending</Th>
              <Th>Task definition</Th>
              <Th>Compute</Th>
            </Tr>
          </THead>
          <TBody>
            {services.map((s) => (
              <Tr key={s.arn}>
                <Td className="font-medium">{s.name}</Td>
                <Td><StatusBadge status={s.status} /></Td>
                <Td className="text-right tabular-nums">{s.desired}</Td>
                <Td className="text-right tabular-nums">{s.running}</Td>
                <Td className="text-right tabular-nums">{s.pending}</Td>
                <Td className="font-mono text-xs">{s.taskDefinition}</Td>
                <Td>{s.launchType}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
