import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatBytes } from "@/lib/core/format/bytes";
import { repositoryPath } from "@/lib/ecr/repositories/paths";
import type { RepositoryRow } from "@/lib/ecr/repositories/reads";

export function mutabilityLabel(value: string): string {
  return value.startsWith("IMMUTABLE") ? (value.endsWith("_WITH_EXCLUSION") ? "Immutable, with exclusions" : "Immutable") : value.endsWith("_WITH_EXCLUSION") ? "Mutable, with exclusions" : "Mutable";
}

export function RepositoryTable({ repositories, canCreate }: { repositories: RepositoryRow[]; canCreate: boolean }) {
  if (repositories.length === 0) {
    return (
      <EmptyState title="No private repositories in this region"
        description="Create a repository, then push an image to it with the push commands on its page; every wizard that takes an image can then pick it."
        action={canCreate && <ButtonLink href="/ecr/new" variant="primary">Create repository</ButtonLink>} />
    );
  }
  return (
    <Table aria-label="Repositories">
      <THead>
        <tr>
          <Th>Repository</Th><Th>URI</Th><Th>Created</Th><Th>Tag mutability</Th><Th>Scan on push</Th><Th>Encryption</Th>
          <Th className="text-right">Images</Th><Th className="text-right">Total size</Th>
        </tr>
      </THead>
      <TBody>
        {repositories.map((r) => (
          <Tr key={r.name}>
            <Td><Link href={repositoryPath(r.name)} className="font-medium text-accent-700 hover:underline">{r.name}</Link></Td>
            <Td className="max-w-80 font-mono text-xs wrap-anywhere">{r.uri}</Td>
            <Td className="whitespace-nowrap">{r.createdAt ? r.createdAt.slice(0, 10) : "—"}</Td>
            <Td>{mutabilityLabel(r.tagMutability)}</Td>
            <Td>{r.scanOnPush ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}</Td>
            <Td className="whitespace-nowrap">{r.encryption === "KMS" ? "AWS KMS" : "AES-256"}</Td>
            <Td className="text-right tabular-nums">{r.imageCount}</Td>
            <Td className="text-right tabular-nums">{formatBytes(r.totalSize)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
