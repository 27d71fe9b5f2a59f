import { extractOutputs, resolveRefs, type StepOutputs } from "./refs";
import type { Plan, PlanStep } from "./types";

type RecordedStep = { stepKey: string; status: string; response: unknown };

/**
 * The plan that undoes what a run created: the inverse of every step that
 * succeeded, newest first, with references resolved from the recorded responses
 * (the cleanup must name the exact ARNs that were created). Null when nothing to undo.
 */
export function buildCleanupPlan(plan: Plan, recorded: RecordedStep[], runId: string): Plan | null {
  const outputs: StepOutputs = {};
  const done: PlanStep[] = [];
  for (const step of plan.steps) {
    const rec = recorded.find((r) => r.stepKey === step.key);
    if (rec?.status !== "succeeded") continue;
    outputs[step.key] = extractOutputs(step, rec.response);
    done.push(step);
  }
  const steps: PlanStep[] = done
    .filter((step) => step.inverse)
    .reverse()
    .map((step) => ({
      key: `undo-${step.key}`,
      service: step.inverse!.service,
      operation: step.inverse!.operation,
      description: step.inverse!.description,
      input: resolveRefs(step.inverse!.input, outputs),
    }));
  if (steps.length === 0) return null;
  return {
    version: 1,
    wizard: "cleanup",
    title: `Clean up after: ${plan.title}`,
    resources: plan.resources,
    steps,
    landing: `/history/${runId}`,
  };
}
