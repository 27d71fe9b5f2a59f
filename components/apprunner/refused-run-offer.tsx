import { expressWizardHref } from "@/components/apprunner/express-link";
import { RefusedCreateOffer } from "@/components/apprunner/refused-offer";
import { createInputToExpress } from "@/lib/apprunner/to-express";
import type { RunWithSteps } from "@/lib/core/audit/runs";
import { APP_RUNNER_WIZARD } from "@/lib/apprunner/plan";
import { createAppRunnerServiceSchema } from "@/lib/apprunner/schema";

// How AWS words a refusal of an account new to App Runner.
const NEW_CUSTOMER = /new customer|no longer (open|available|accepting)|not (open|available) to new/i;

/** On a run page: the Express Mode offer when the run is an App Runner create that AWS refused at CreateService. */
export function RefusedRunOffer({ run }: { run: RunWithSteps }) {
  if (run.wizard !== APP_RUNNER_WIZARD || run.status !== "failed") return null;
  const step = run.steps.find((s) => s.operation === "CreateService" && s.status === "failed");
  const input = createAppRunnerServiceSchema.safeParse(run.input);
  if (!step || !input.success) return null;
  // The recorded error is Portside's explanation followed by "AWS said: <AWS's message>".
  const message = (step.error ?? "").split("AWS said: ").pop()!.trim();
  const cleanup = run.steps.some((s) => s.operation === "CreateAutoScalingConfiguration" && s.status === "succeeded");
  return (
    <RefusedCreateOffer
      awsMessage={message}
      leftScalingConfiguration={cleanup}
      newCustomer={NEW_CUSTOMER.test(message)}
      expressHref={expressWizardHref(createInputToExpress(input.data))}
    />
  );
}
