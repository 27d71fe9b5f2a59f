import type { Metadata } from "next";
import { HistoryTable } from "@/components/history/history-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listRuns, toHistoryRow } from "@/lib/core/audit/runs";
import { requirePageUser } from "@/lib/core/auth/guard";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `History of ${name}`, (await params).service);
}

/** Every run that touched this service in this account and region, newest first, each linking to its run. */
export default async function ServiceHistoryPage({ params }: Props) {
  await requirePageUser("viewer");
  const p = await params;
  const cluster = pageSegment(p.name);
  const name = pageSegment(p.service);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context } = working;
  const resource = `ecs:service/${cluster}/${name}`;
  // The history's filter matches part of a key ("api" also finds "api-2"); this tab wants this service
  // only, and only where it lives: the same name in another account or region is another service.
  const runs = (await listRuns({ resource })).filter(
    (r) => r.resources.includes(resource) && r.connectionId === context.connectionId && r.region === context.region,
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-ink-muted">Changes Portside made to this service, newest first. Changes made elsewhere (console, CLI) show in the service&apos;s events.</p>
        <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(resource)}`}>Open in History</ButtonLink>
      </div>
      {runs.length === 0 ? (
        <EmptyState
          title="Portside has not changed this service"
          description="Runs that create, scale, deploy or delete it land here, each with every AWS request it made."
        />
      ) : (
        <HistoryTable
          filtered
          runs={runs.map(toHistoryRow)}
        />
      )}
    </div>
  );
}
