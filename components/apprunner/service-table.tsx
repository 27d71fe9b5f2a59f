import { Link } from "@/components/ui/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import type { AppRunnerServiceSummary } from "@/lib/apprunner/reads";
import { appRunnerServicePath } from "@/lib/apprunner/plan";
import { AppRunnerStatus } from "./status";

export function DomainLink({ url }: { url: string | null }) {
  if (!url) return <span className="text-ink-faint">—</span>;
  return (
    <a href={`https://${url}`} target="_blank" rel="noreferrer" className="font-mono text-xs text-accent-700 hover:underline">
      {url}
    </a>
  );
}

export function AppRunnerServiceTable({ services, canCreate }: { services: AppRunnerServiceSummary[]; canCreate: boolean }) {
  if (services.length === 0) {
    return (
      <EmptyState
        title="No App Runner services in this region"
        description="Existing App Runner customers can still create services here. New web services are better started with ECS Express Mode."
        action={
          canCreate && (
            <div className="flex gap-2">
              <ButtonLink href="/ecs/express/new" variant="primary">Create with ECS Express Mode</ButtonLink>
              <ButtonLink href="/apprunner/new" variant="secondary">Create App Runner service</ButtonLink>
            </div>
          )
        }
      />
    );
  }
  return (
    <Table aria-label="App Runner services">
      <THead>
        <Tr>
          <Th>Service</Th>
          <Th>Status</Th>
          <Th>Default domain</Th>
          <Th>Source image</Th>
          <Th>Updated</Th>
        </Tr>
      </THead>
      <TBody>
        {services.map((s) => (
          <Tr key={s.arn}>
            <Td>
              <Link href={appRunnerServicePath(s.name)} className="font-medium text-accent-700 hover:underline">{s.name}</Link>
            </Td>
            <Td><AppRunnerStatus status={s.status} /></Td>
            <Td><DomainLink url={s.url} /></Td>
            <Td className="max-w-80 truncate font-mono text-xs" title={s.image ?? undefined}>{s.image ?? "—"}</Td>
            <Td className="whitespace-nowrap text-ink-muted">{s.updatedAt ? <RelativeTime date={s.updatedAt} /> : "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
