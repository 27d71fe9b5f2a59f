import "server-only";
import { callAws } from "@/lib/aws/call";
import { db } from "@/lib/db/client";
import { AwsOperationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { extractOutputs, resolveRefs, type StepOutputs } from "./refs";
import { summarizeResponse } from "./summary";
import type { Plan } from "./types";

const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * Runs a recorded plan to its end. Every step is marked `running` in the history
 * before its request is sent and gets its outcome right after, so a crash can
 * never leave a request unrecorded. Safe to call again for the same run (the
 * queue retries after a crash): finished steps are skipped, and a step found
 * `running` (in flight when the process died) ends the run as interrupted,
 * because AWS may or may not have applied it.
 */
export async function executeRun(runId: string): Promise<void> {
  const run = await db().planRun.findUnique({
    where: { id: runId },
    include: { connection: true, steps: { orderBy: { index: "asc" } } },
  });
  if (!run || ["succeeded", "failed", "interrupted"].includes(run.status)) return;
  const plan = run.plan as unknown as Plan;

  await db().planRun.update({ where: { id: runId }, data: { status: "running", startedAt: run.startedAt ?? new Date() } });

  const outputs: StepOutputs = {};
  for (const step of run.steps) {
    const planStep = plan.steps[step.index];
    if (!planStep) throw new Error(`Run ${runId} has a step ${step.index} its plan does not`);
    if (step.status === "succeeded") {
      outputs[step.stepKey] = extractOutputs(planStep, step.response);
      continue;
    }
    if (step.status === "running") {
      await db().planStep.update({
        where: { id: step.id },
        data: { status: "unknown", error: "Portside stopped while this request was in flight; AWS may or may not have applied it.", finishedAt: new Date() },
      });
      await db().planStep.updateMany({ where: { runId, index: { gt: step.index } }, data: { status: "skipped" } });
      await finishRun(runId, "interrupted", `Interrupted at step ${step.index + 1} (${step.operation}) by a restart. Check the resource, then run the cleanup plan if needed.`);
      return;
    }

    let request: Record<string, unknown>;
    try {
      request = resolveRefs(planStep.input, outputs);
    } catch (error) {
      await failStep(step.id, "UnresolvedReference", (error as Error).message);
      await finishRun(runId, "failed", (error as Error).message);
      return;
    }
    const startedAt = new Date();
    await db().planStep.update({ where: { id: step.id }, data: { status: "running", startedAt, request: json(request) } });
    try {
      const { output, requestId } = await callAws(run.connection, run.region, step.service, step.operation, request);
      const finishedAt = new Date();
      await db().planStep.update({
        where: { id: step.id },
        data: {
          status: "succeeded",
          response: json(summarizeResponse(output)),
          requestId,
          finishedAt,
          durationMs: finishedAt.getTime() - startedAt.getTime(),
        },
      });
      outputs[step.stepKey] = extractOutputs(planStep, output);
    } catch (error) {
      const aws = error instanceof AwsOperationError ? error : null;
      const finishedAt = new Date();
      await db().planStep.update({
        where: { id: step.id },
        data: {
          status: "failed",
          errorCode: aws?.details.code ?? "Error",
          error: aws?.message ?? "Unexpected error; see the server log.",
          requestId: aws?.details.requestId,
          finishedAt,
          durationMs: finishedAt.getTime() - startedAt.getTime(),
        },
      });
      if (!aws) console.error(`[executor] run ${runId} step ${step.index}`, error);
      await db().planStep.updateMany({ where: { runId, index: { gt: step.index } }, data: { status: "skipped" } });
      await finishRun(runId, "failed", `Step ${step.index + 1} (${step.service}:${step.operation}) failed: ${aws?.message ?? "unexpected error"}`);
      return;
    }
  }
  await finishRun(runId, "succeeded", null);
}

async function failStep(stepId: string, code: string, message: string) {
  await db().planStep.update({ where: { id: stepId }, data: { status: "failed", errorCode: code, error: message, finishedAt: new Date() } });
}

async function finishRun(runId: string, status: "succeeded" | "failed" | "interrupted", error: string | null) {
  await db().planRun.update({ where: { id: runId }, data: { status, error, finishedAt: new Date() } });
}
