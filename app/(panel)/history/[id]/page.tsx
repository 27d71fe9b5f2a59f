import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RefusedRunOffer } from "@/components/apprunner/refused-run-offer";
import { RunDetail } from "@/components/history/run-detail";
import { PageHeader } from "@/components/ui/page-header";
import { getRun } from "@/lib/core/audit/runs";
import { isFinished, toRunView } from "@/lib/core/audit/run-view";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { buildCleanupPlan } from "@/lib/core/plans/cleanup";
import { describeBlobs } from "@/lib/core/plans/blobs";
import { reviewOf } from "@/lib/core/plans/submit";
import type { Plan } from "@/lib/core/plans/types";

export const metadata: Metadata = { title: "Plan run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const run = await getRun((await params).id);
  if (!run) notFound();
  const view = toRunView(run, user);
  // Offered after a run that did not complete: the inverse of what it created.
  const cleanupPlan = isFinished(run.status) && run.status !== "succeeded" ? buildCleanupPlan(run.plan as unknown as Plan, run.steps, run.id) : null;
  return (
    <>
      <PageHeader
        title={run.title}
        breadcrumbs={[{ href: "/history", label: "History" }, { label: run.id }]}
        description={`Run ${run.id}`}
      />
      <div className="space-y-5">
        <RefusedRunOffer run={run} />
        <RunDetail
          initial={view}
          // Binary members (a zip bundle) reach the browser as their size and SHA-256, not their bytes.
          plan={describeBlobs(run.plan as unknown as Plan)}
          cleanup={cleanupPlan ? reviewOf(cleanupPlan, run.region) : null}
          canOperate={roleAllows(user.role, "operator")}
        />
      </div>
    </>
  );
}
