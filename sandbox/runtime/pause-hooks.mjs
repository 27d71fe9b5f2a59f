// Pause lifecycle hooks of ECS service deployments (deploymentConfiguration.lifecycleHooks with
// targetType PAUSE) and ContinueServiceDeployment, which moto lacks. When a traffic-shifting
// deployment is about to pass a stage that has a pause hook, the runtime agent holds it there
// (nothing scales, no traffic moves) with a lifecycleHookDetails entry { hookId, targetType PAUSE,
// status AWAITING_ACTION, expiresAt, timeoutAction } until ContinueServiceDeployment { hookId,
// action CONTINUE | ROLLBACK } or the hook's timeout (timeoutConfiguration, 1440 min and ROLLBACK
// by default; deployment minutes, see minuteMs). See sandbox/README.md.
import { randomBytes } from "node:crypto";

/** AWS: PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT. */
export const NO_PAUSE_STAGES = new Set(["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"]);

/** Stages ECS passes once per traffic shift step of a linear or canary deployment (AWS: "invoked before / at every traffic shift step"). */
export const PER_STEP_STAGES = new Set(["PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"]);

/** What a pause at `stage` is remembered by once passed: per step for the per-step stages, once otherwise. */
export const passKey = (stage, step) => (PER_STEP_STAGES.has(stage) ? `${stage}@${step}` : stage);

/**
 * The first pause hook at one of `stages` that has not been passed yet, with the stage and what it
 * is remembered by once passed: a pause at PRE_PRODUCTION_TRAFFIC_SHIFT holds a linear or canary
 * deployment before each traffic step (`step`, the step about to be taken), as on AWS.
 */
export function pauseAt(hooks, stages, passed, step) {
  for (const stage of stages) {
    const key = passKey(stage, step);
    if (passed.has(key) || NO_PAUSE_STAGES.has(stage)) continue;
    const hook = (hooks ?? []).find((h) => h.targetType === "PAUSE" && (h.lifecycleStages ?? []).includes(stage));
    if (hook) return { hook, stage, key };
  }
  return null;
}

/** A new pause: what DescribeServiceDeployments shows and ContinueServiceDeployment acts on. */
export function newPause(hook, stage, now, minuteMs, key = stage) {
  const minutes = hook.timeoutConfiguration?.timeoutInMinutes ?? 1440;
  return {
    hookId: `ecs-pause-${randomBytes(24).toString("base64url")}`,
    stage,
    key,
    status: "AWAITING_ACTION",
    expiresAt: now + minutes * minuteMs,
    timeoutAction: hook.timeoutConfiguration?.action ?? "ROLLBACK",
  };
}

/** lifecycleHookDetails of a deployment's pauses (seconds since the epoch, as the SDK reads them). */
export function hookDetails(pauses) {
  return (pauses ?? []).map((p) => ({ hookId: p.hookId, targetType: "PAUSE", status: p.status, expiresAt: p.expiresAt / 1000, timeoutAction: p.timeoutAction }));
}
