import { z } from "zod";

/** deploymentConfiguration.strategy (deployment controller ECS). */
export const STRATEGIES = ["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The strategies that bring up a second (green) revision and move the load balancer's traffic to it. */
export const shiftsTraffic = (s: Strategy) => s !== "ROLLING";

/**
 * AWS's ranges and defaults (ECS API reference: DeploymentConfiguration, CanaryConfiguration,
 * LinearConfiguration). Bake time: how long ECS keeps blue after production traffic is on green.
 */
export const STRATEGY_LIMITS = {
  bakeTime: { min: 0, max: 1440, default: 15 },
  canaryPercent: { min: 0.1, max: 100, default: 5 },
  canaryBakeTime: { min: 0, max: 1440, default: 10 },
  stepPercent: { min: 3, max: 100, default: 10 },
  stepBakeTime: { min: 0, max: 1440, default: 6 },
} as const;

/** The role ECS assumes to change the listener rules, with AWS's managed policy for it. */
export const LOAD_BALANCER_ROLE = {
  name: "ecsInfrastructureRoleForLoadBalancers",
  principal: "ecs.amazonaws.com",
  policyArn: "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers",
} as const;

/** The stages a lifecycle hook can run at (ECS's DeploymentLifecycleHookStage), in the order a deployment passes them. */
export const HOOK_STAGES = [
  "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
  "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT",
] as const;
export type HookStage = (typeof HOOK_STAGES)[number];

/** The stages a pause hook may hold a deployment at: AWS refuses TEST_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT. */
export const PAUSE_STAGES = HOOK_STAGES.filter((s) => s !== "TEST_TRAFFIC_SHIFT" && s !== "PRODUCTION_TRAFFIC_SHIFT");

/** CloudWatch alarm names: 1–255 characters, no control characters. ECS watches up to 10 per service here. */
export const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/;
export const MAX_DEPLOYMENT_ALARMS = 10;

export const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/;

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** A decimal form value ("10", "2.5"); empty is not 0. */
const decimal = (label: string) =>
  z
    .union([z.number(), z.string().trim()])
    .refine((v) => (typeof v === "number" ? Number.isFinite(v) : /^\d{1,4}(\.\d)?$/.test(v)), `Enter ${label} as a number with at most one decimal.`)
    .transform(Number);
const whole = (label: string) =>
  z
    .union([z.number(), z.string().trim()])
    .refine((v) => (typeof v === "number" ? Number.isInteger(v) : /^\d{1,5}$/.test(v)), `Enter ${label} in whole minutes.`)
    .transform(Number);

/** The timing fields of the traffic-shifting strategies, shared by the service wizard and the settings dialog. */
export const strategyTimingFields = {
  bakeTime: whole("the bake time").default(STRATEGY_LIMITS.bakeTime.default),
  canaryPercent: decimal("the canary percentage").default(STRATEGY_LIMITS.canaryPercent.default),
  canaryBakeTime: whole("the canary interval").default(STRATEGY_LIMITS.canaryBakeTime.default),
  stepPercent: decimal("the step percentage").default(STRATEGY_LIMITS.stepPercent.default),
  stepBakeTime: whole("the step interval").default(STRATEGY_LIMITS.stepBakeTime.default),
};

type Timing = { strategy: Strategy; bakeTime: number; canaryPercent: number; canaryBakeTime: number; stepPercent: number; stepBakeTime: number };

/** The ranges ECS refuses outside of, for the strategy's own fields only. */
export function timingIssues(v: Timing, issue: (path: string, message: string) => void) {
  const range = (path: keyof typeof STRATEGY_LIMITS, label: string, unit: string) => {
    const { min, max } = STRATEGY_LIMITS[path];
    const n = v[path];
    if (!(n >= min && n <= max)) issue(path, `${label} is ${min} to ${max} ${unit}.`);
  };
  range("bakeTime", "Bake time", "minutes");
  if (v.strategy === "CANARY") {
    range("canaryPercent", "The canary percentage", "percent");
    range("canaryBakeTime", "The canary interval", "minutes");
  }
  if (v.strategy === "LINEAR") {
    range("stepPercent", "The step percentage", "percent");
    range("stepBakeTime", "The step interval", "minutes");
  }
}

/** ELBv2's rule for target group names. */
export function targetGroupNameIssue(n: string): string | null {
  if (!n) return "Enter a name for the alternate (green) target group.";
  if (n.length > 32 || !/^[A-Za-z0-9-]+$/.test(n) || n.startsWith("-") || n.endsWith("-")) {
    return "Target group names are 1 to 32 letters, digits or hyphens, not starting or ending with a hyphen.";
  }
  return null;
}

/** A checkbox as posted ("true"/"false") or as the wizard holds it (a boolean). */
const flag = z.union([z.boolean(), z.enum(["true", "false"])]).default(false).transform((v) => v === true || v === "true");

/**
 * deploymentConfiguration.alarms, as the console asks for it: use CloudWatch alarms (then at least
 * one alarm), and whether one in ALARM rolls the deployment back. Any strategy may watch alarms.
 */
export const deploymentAlarmFields = {
  alarmsEnabled: flag,
  alarmNames: z.array(z.string().trim().regex(ALARM_NAME, "Alarm names are 1 to 255 characters.")).max(MAX_DEPLOYMENT_ALARMS, `Pick at most ${MAX_DEPLOYMENT_ALARMS} alarms.`).default([]),
  alarmRollback: flag,
};

/** The combinations ECS refuses or that would do nothing, at the field. */
export function alarmIssues(v: { alarmsEnabled: boolean; alarmNames: string[]; alarmRollback: boolean }, issue: (path: string, message: string) => void) {
  if (!v.alarmsEnabled) {
    if (v.alarmNames.length) issue("alarmNames", "Turn on \"Watch CloudWatch alarms\" to use these alarms, or clear them.");
    if (v.alarmRollback) issue("alarmRollback", "Rollback on alarm needs CloudWatch alarms to watch.");
    return;
  }
  if (!v.alarmNames.length) issue("alarmNames", "Pick at least one CloudWatch alarm to watch.");
  if (new Set(v.alarmNames).size !== v.alarmNames.length) issue("alarmNames", "Each alarm once.");
}

/** The alarms block UpdateService sends: set when watched, switched off when it was on before. */
export function alarmsConfiguration(v: { alarmsEnabled: boolean; alarmNames: string[]; alarmRollback: boolean }, wasOn: boolean): Record<string, unknown> {
  if (v.alarmsEnabled) return { alarms: { alarmNames: v.alarmNames, enable: true, rollback: v.alarmRollback } };
  return wasOn ? { alarms: { alarmNames: [], enable: false, rollback: false } } : {};
}
