import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { PublicRepository } from "@/lib/ecr/public/reads";
import { DeletePublicRepositoryButton } from "./delete-public-repository-button";

type Props = { repositories: PublicRepository[]; canChange: boolean; context: { connectionId: string; region: string } };

/** ECR Public repositories: name, URI, created, and the catalog summary the gallery shows. */
export function PublicRepositoryTable({ repositories, canChange, context }: Props) {
  if (repositories.length === 0) {
    return (
      <EmptyState title="No public repositories"
        description="A public repository serves images anyone can pull without signing in (open-source tools, base images). Create one to get a public.ecr.aws URI."
        action={canChange && <ButtonLink href="/ecr/public/new" variant="secondary">Create public repository</ButtonLink>} />
    );
  }
  return (
    <Table aria-label="Public repositories">
      <THead>
        <tr><Th>Repository</Th><Th>URI</Th><Th>Created</Th><Th>Catalog</Th><Th className="text-right">Images</Th>{canChange && <Th><span className="sr-only">Actions</span></Th>}</tr>
      </THead>
      <TBody>
        {repositories.map((r) => {
          const platforms = [...r.operatingSystems, ...r.architectures].join(", ");
          return (
            <Tr key={r.name}>
              <Td className="font-medium">{r.name}</Td>
              <Td className="max-w-80 font-mono text-xs wrap-anywhere">{r.uri}</Td>
              <Td className="whitespace-nowrap">{r.createdAt ? r.createdAt.slice(0, 10) : "—"}</Td>
              <Td className="max-w-80 text-xs">
                {r.description || platforms ? (
                  <>
                    {r.description && <span className="block">{r.description}</span>}
                    {platforms && <span className="block text-ink-muted">{platforms}</span>}
                  </>
                ) : <span className="text-ink-faint">No catalog data</span>}
              </Td>
              <Td className="text-right tabular-nums">{r.imageCount}</Td>
              {canChange && <Td><DeletePublicRepositoryButton {...context} repositoryName={r.name} imageCount={r.imageCount} /></Td>}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
