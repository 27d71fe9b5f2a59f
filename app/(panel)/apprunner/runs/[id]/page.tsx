import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { expressWizardHref } from "@/components/apprunner/express-link";
import { RefusedCreateOffer } from "@/components/apprunner/refused-offer";
import { RunDetail } from "@/components/history/run-detail";
import { PageHeader } from "@/components/ui/page-header";
import { createInputToExpress } from "@/lib/apprunner/to-express";
import { getRun, type RunWithSteps } from "@/lib/audit/runs";
import { isFinished, toRunView } from "@/lib/audit/run-view";
import { requirePageUser } from "@/lib/auth/guard";
import { roleAllows } from "@/lib/auth/roles";
import { APP_RUNNER_WIZARD } from "@/lib/plans/apprunner";
import { buildCleanupPlan } from "@/lib/plans/cleanup";
import { reviewOf } from "@/lib/plans/submit";
import type { Plan } from "@/lib/plans/types";
import { createAppRunnerServiceSchema } from "@/lib/validation/apprunner";

export const metadata: Metadata = { title: "App Runner run" };

// How AWS words a refusal of an account new to App Runner.
const NEW_CUSTOMER = /new customer|no longer (open|available|accepting)|not (open|available) to new/i;

/** The Express Mode offer when this run is an App Runner create that AWS refused at CreateService. */
function refusedOffer(run: RunWithSteps) {
  if (run.wizard !== APP_RUNNER_WIZARD || run.status !== "failed") return null;
  const step = run.steps.find((s) => s.operation === "CreateService" && s.status === "failed");
  const input = createAppRunnerServiceSchema.safeParse(run.input);
  if (!step || !input.success) return null;
  // The recorded error is Portside's explanation followed by "AWS said: <AWS's message>".
  const message = (step.error ?? "").split("AWS said: ").pop()!.trim();
  const cleanup = run.steps.some((s) => s.operation === "CreateAutoScalingConfiguration" && s.status === "succeeded");
  return <RefusedCreateOffer awsMessage={message} leftScalingConfiguration={cleanup} newCustomer={NEW_CUSTOMER.test(message)} expressHref={expressWizardHref(createInputToExpress(input.data))} />;
}

/** The run page for App Runner plans: the shared run view, plus what to do when AWS refused the service. */
export default async function AppRunnerRunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const run = await getRun((await params).id);
  if (!run) notFound();
  const plan = run.plan as unknown as Plan;
  const cleanupPlan = isFinished(run.status) && run.status !== "succeeded" ? buildCleanupPlan(plan, run.steps, run.id) : null;
  return (
    <>
      <PageHeader
        title={run.title}
        breadcrumbs={[{ href: "/apprunner", label: "App Runner" }, { href: "/history", label: "History" }, { label: run.id }]}
        description={`Run ${run.id}`}
      />
      <div className="space-y-5">
        {refusedOffer(run)}
        <RunDetail
          initial={toRunView(run, user)}
          plan={plan}
          cleanup={cleanupPlan ? reviewOf(cleanupPlan, run.region) : null}
          canOperate={roleAllows(user.role, "operator")}
        />
      </div>
    </>
  );
}
