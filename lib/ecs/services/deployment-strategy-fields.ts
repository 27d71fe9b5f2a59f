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
