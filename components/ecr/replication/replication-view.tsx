import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Replication } from "@/lib/ecr/replication/reads";

/** The registry's replication rules, read-only: where images are copied, and which repositories. */
export function ReplicationView({ replication }: { replication: Replication }) {
  return (
    <Card>
      <CardHeader title="Replication" description={`Private registry ${replication.registryId}`} />
      <CardBody>
        {replication.rules.length === 0 ? (
          <EmptyState title="No replication rules"
            description="Replication copies each image pushed here to other regions or accounts (cross-region for nearby pulls or disaster recovery, cross-account for shared images), optionally only for repositories matching a prefix. Set it up in the ECR console under Private registry → Replication; Portside shows it here." />
        ) : (
          <Table aria-label="Replication rules">
            <THead><tr><Th>Rule</Th><Th>Destinations</Th><Th>Repository filters</Th></tr></THead>
            <TBody>
              {replication.rules.map((r, i) => (
                <Tr key={i}>
                  <Td>{i + 1}</Td>
                  <Td>{r.destinations.map((d) => `${d.region} · ${d.registryId === replication.registryId ? "this account" : d.registryId}`).join("; ")}</Td>
                  <Td>{r.filters.length ? r.filters.map((f) => `${f.filter} (${f.filterType === "PREFIX_MATCH" ? "prefix" : f.filterType})`).join(", ") : "All repositories"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}
