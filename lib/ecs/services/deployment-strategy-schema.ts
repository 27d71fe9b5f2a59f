import { z } from "zod";
import { clusterNameSchema } from "../clusters/schema";
import { serviceNameSchema } from "./schema";

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

const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;
const LISTENER_RULE_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener-rule\/(app|net)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/[0-9a-f]+\/[0-9a-f]+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

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

/**
 * The "Deployment settings" form. Every combination ECS refuses is refused here, at the field,
 * before any AWS call; what needs AWS's answer (the service's load balancer, the rule's target
 * groups) is checked by the action against a fresh read, still before any change.
 */
export const deploymentStrategySchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    service: serviceNameSchema,
    reviewedHash: z.string().optional(),
    strategy: z.enum(STRATEGIES, { message: "Pick a deployment strategy." }),
    bakeTime: whole("the bake time").default(STRATEGY_LIMITS.bakeTime.default),
    canaryPercent: decimal("the canary percentage").default(STRATEGY_LIMITS.canaryPercent.default),
    canaryBakeTime: whole("the canary interval").default(STRATEGY_LIMITS.canaryBakeTime.default),
    stepPercent: decimal("the step percentage").default(STRATEGY_LIMITS.stepPercent.default),
    stepBakeTime: whole("the step interval").default(STRATEGY_LIMITS.stepBakeTime.default),
    alternateTargetGroupMode: z.enum(["create", "existing"]).default("create"),
    alternateTargetGroupName: z.string().trim().default(""),
    alternateTargetGroupArn: z.string().trim().default(""),
    productionListenerRule: z.string().trim().default(""),
    testListenerRule: z.string().trim().default(""),
    roleMode: z.enum(["create", "existing"]).default("create"),
    roleArn: z.string().trim().default(""),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!shiftsTraffic(v.strategy)) return;
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
    if (v.alternateTargetGroupMode === "create") {
      const n = v.alternateTargetGroupName;
      if (!n) issue("alternateTargetGroupName", "Enter a name for the alternate (green) target group.");
      else if (n.length > 32 || !/^[A-Za-z0-9-]+$/.test(n) || n.startsWith("-") || n.endsWith("-")) {
        issue("alternateTargetGroupName", "Target group names are 1 to 32 letters, digits or hyphens, not starting or ending with a hyphen.");
      }
    } else if (!TARGET_GROUP_ARN.test(v.alternateTargetGroupArn)) {
      issue("alternateTargetGroupArn", "Pick the alternate (green) target group.");
    }
    if (!LISTENER_RULE_ARN.test(v.productionListenerRule)) issue("productionListenerRule", "Pick the listener rule that carries production traffic.");
    if (v.testListenerRule) {
      if (!LISTENER_RULE_ARN.test(v.testListenerRule)) issue("testListenerRule", "Pick a listener rule, or none.");
      else if (v.testListenerRule === v.productionListenerRule) issue("testListenerRule", "The test listener rule must be another rule than the production one.");
    }
    if (v.roleMode === "existing" && !ROLE_ARN.test(v.roleArn)) issue("roleArn", "Pick the IAM role ECS uses to change the listener rules.");
  });

export type DeploymentStrategyInput = z.infer<typeof deploymentStrategySchema>;
