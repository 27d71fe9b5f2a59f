import type { Metadata } from "next";
import { HistoryFilters } from "@/components/history/history-filters";
import { HistoryTable } from "@/components/history/history-table";
import { PageHeader } from "@/components/ui/page-header";
import { listRuns, toHistoryRow } from "@/lib/core/audit/runs";
import { requirePageUser } from "@/lib/core/auth/guard";
import { visibleEmail } from "@/lib/core/auth/privacy";
import { db } from "@/lib/core/db/client";

export const metadata: Metadata = { title: "History" };

type Search = { user?: string; status?: string; resource?: string };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePageUser("viewer");
  const filters = await searchParams;
  const [runs, users] = await Promise.all([
    listRuns({ userId: filters.user, status: filters.status, resource: filters.resource }),
    db().user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <>
      <PageHeader title="History" description="Every plan run against AWS: who ran it, when, where, and each request's outcome." />
      <HistoryFilters users={users.map((u) => ({ ...u, email: visibleEmail(viewer, u) }))} current={filters} />
      <HistoryTable
        filtered={Boolean(filters.user || filters.status || filters.resource)}
        runs={runs.map(toHistoryRow)}
      />
    </>
  );
}
