import "server-only";
import { callAws } from "@/lib/core/aws/call";
import { db } from "@/lib/core/db/client";
import { AwsOperationError } from "@/lib/core/errors";
import { changedThroughPortside } from "@/lib/core/live/shared";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeBlobs, describeBlobs } from "./blobs";
import { extractOutputs, resolveRefs, type StepOutputs } from "./refs";
import { summarizeResponse } from "./summary";
import type { Plan, PlanStep } from "./types";
import { waitUntil } from "./wait";
import { sendWithRetry } from "./retry";
import { formatDuration } from "@/lib/core/format/duration";
import { takesIdempotencyToken, withIdempotencyToken } from "./idempotency";
import { emitRunEvent, finishEvents } from "./run-events";

const json = (v: unknown) => v as Prisma.InputJsonValue;

type RunRow = NonNullable<Awaited<ReturnType<typeof loadRun>>>;
type StepRow = RunRow["steps"][number];

function loadRun(runId: string) {
  return db().planRun.findUnique({
    where: { id: runId },
    include: { connection: true, steps: { orderBy: { index: "asc" } } },
  });
}

/**
 * Runs a recorded plan to its end. Every step is marked `running` in the history
 * before its request is sent and gets its outcome right after, so a crash can
 * never leave a request unrecorded. Safe to call again for the same run (the
 * queue retries after a crash): finished steps are skipped; a step whose request
 * was answered but whose wait had not ended resumes waiting; a step found
 * `running` without an answer (in flight when the process died) is sent again when
 * its request carries an idempotency token (AWS applies it once), and otherwise
 * ends the run as interrupted, because AWS may or may not have applied it.
 */
export async function executeRun(runId: string): Promise<void> {
  const run = await loadRun(runId);
  if (!run || ["succeeded", "failed", "interrupted"].includes(run.status)) return;
  const plan = run.plan as unknown as Plan;
  await db().planRun.update({ where: { id: runId }, data: { status: "running", startedAt: run.startedAt ?? new Date() } });
  if (!run.startedAt) {
    await emitRunEvent({ kind: "started", runId, title: run.title, wizard: run.wizard, connectionId: run.connectionId, region: run.region, resources: run.resources, error: null });
  }

  const outputs: StepOutputs = {};
  for (const step of run.steps) {
    const planStep = plan.steps[step.index];
    if (!planStep) throw new Error(`Run ${runId} has a step ${step.index} its plan does not`);
    if (step.status === "succeeded") {
      outputs[step.stepKey] = extractOutputs(planStep, step.response);
      continue;
    }
    const resumingWait = step.status === "running" && step.response !== null && Boolean(planStep.waitFor);
    const safeToResend = takesIdempotencyToken(step.service, step.operation);
    if (step.status === "running" && !resumingWait && !safeToResend) {
      await db().planStep.update({
        where: { id: step.id },
        data: { status: "unknown", error: "Portside stopped while this request was in flight; AWS may or may not have applied it.", finishedAt: new Date() },
      });
      await skipAfter(runId, step.index);
      await finishRun(runId, "interrupted", `Interrupted at step ${step.index + 1} (${step.operation}) by a restart. Check the resource, then run the cleanup plan if needed.`);
      return;
    }
    const ok = resumingWait
      ? await waitAndFinish(run, step, planStep, outputs, step.response)
      : await sendStep(run, step, planStep, outputs);
    if (!ok) return;
  }
  await finishRun(runId, "succeeded", null);
}

/** Sends one step's request and records the answer; false when the run stopped. */
async function sendStep(run: RunRow, step: StepRow, planStep: PlanStep, outputs: StepOutputs): Promise<boolean> {
  let request: Record<string, unknown>;
  try {
    request = withIdempotencyToken(step.service, step.operation, resolveRefs(planStep.input, outputs), run.id, step.stepKey);
  } catch (error) {
    await failStep(run.id, step, "UnresolvedReference", (error as Error).message, null);
    return false;
  }
  const startedAt = new Date();
  await db().planStep.update({ where: { id: step.id }, data: { status: "running", startedAt, request: json(describeBlobs(request)) } });
  try {
    const { output, requestId } = await sendWithRetry(
      planStep.retryOn,
      () => callAws(run.connection, run.region, step.service, step.operation, decodeBlobs(request)),
      (error) => (error instanceof AwsOperationError ? { code: error.details.code, message: error.message } : null),
      async ({ attempt, of, delayMs, error }) => {
        const progress = `${error.code}: ${planStep.retryOn!.why}. Attempt ${attempt} of ${of} refused; sending again in ${formatDuration(delayMs)}.`;
        await db().planStep.update({ where: { id: step.id }, data: { progress } });
      },
    );
    changedThroughPortside(run.connection, run.region);
    const response = summarizeResponse(output);
    if (!planStep.waitFor) {
      outputs[step.stepKey] = extractOutputs(planStep, output);
      await completeStep(step.id, startedAt, { response: json(response), requestId });
      return true;
    }
    // Record AWS's answer before waiting: a restart now resumes the wait instead of resending.
    await db().planStep.update({ where: { id: step.id }, data: { response: json(response), requestId } });
    return waitAndFinish(run, { ...step, startedAt }, planStep, outputs, output);
  } catch (error) {
    const aws = error instanceof AwsOperationError ? error : null;
    if (!aws) console.error(`[executor] run ${run.id} step ${step.index}`, error);
    await failStep(run.id, { ...step, startedAt }, aws?.details.code ?? "Error", aws?.message ?? "Unexpected error; see the server log.", aws?.details.requestId ?? null);
    return false;
  }
}

async function waitAndFinish(run: RunRow, step: StepRow, planStep: PlanStep, outputs: StepOutputs, response: unknown): Promise<boolean> {
  outputs[step.stepKey] = extractOutputs(planStep, response);
  const startedAt = step.startedAt ?? new Date();
  const outcome = await waitUntil(run.connection, run.region, planStep.waitFor!, outputs, startedAt, async (progress) => {
    await db().planStep.update({ where: { id: step.id }, data: { progress } });
  });
  if (!outcome.ok) {
    await failStep(run.id, step, "WaitFailed", outcome.reason, step.requestId);
    return false;
  }
  await completeStep(step.id, startedAt, {});
  return true;
}

async function completeStep(stepId: string, startedAt: Date, data: Prisma.PlanStepUpdateInput) {
  const finishedAt = new Date();
  await db().planStep.update({
    where: { id: stepId },
    data: { ...data, status: "succeeded", finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() },
  });
}

async function failStep(runId: string, step: StepRow, code: string, message: string, requestId: string | null) {
  const finishedAt = new Date();
  await db().planStep.update({
    where: { id: step.id },
    data: {
      status: "failed",
      errorCode: code,
      error: message,
      requestId,
      finishedAt,
      durationMs: step.startedAt ? finishedAt.getTime() - step.startedAt.getTime() : null,
    },
  });
  await skipAfter(runId, step.index);
  await finishRun(runId, "failed", `Step ${step.index + 1} (${step.service}:${step.operation}) failed: ${message}`);
}

async function skipAfter(runId: string, index: number) {
  await db().planStep.updateMany({ where: { runId, index: { gt: index } }, data: { status: "skipped" } });
}

async function finishRun(runId: string, status: "succeeded" | "failed" | "interrupted", error: string | null) {
  await db().planRun.update({ where: { id: runId }, data: { status, error, finishedAt: new Date() } });
  // Listeners (notifications) hear the outcome; nothing they do can change or fail the run.
  try {
    const run = await loadRun(runId);
    if (run) for (const event of finishEvents(run, status, error)) await emitRunEvent(event);
  } catch (e) {
    console.error(`[executor] run ${runId}: telling listeners failed`, e);
  }
}
