import { z } from "zod";
import { clusterNameSchema } from "../clusters/schema";
import { ROLE_ARN, STRATEGIES, alarmIssues, deploymentAlarmFields, shiftsTraffic, strategyTimingFields, targetGroupNameIssue, timingIssues } from "./fields";
import { serviceNameSchema } from "../services/schema";
import { hookIssues, lifecycleHookFields } from "./hooks";
import { ruleCreationFields, ruleIssues } from "./rules";

const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;
const LISTENER_RULE_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener-rule\/(app|net)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/[0-9a-f]+\/[0-9a-f]+$/;

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
    ...strategyTimingFields,
    alternateTargetGroupMode: z.enum(["create", "existing"]).default("create"),
    alternateTargetGroupName: z.string().trim().default(""),
    alternateTargetGroupArn: z.string().trim().default(""),
    productionListenerRule: z.string().trim().default(""),
    testListenerRule: z.string().trim().default(""),
    /** Each rule picked (the ARN above) or created on a listener of the service's load balancer. */
    ...ruleCreationFields,
    roleMode: z.enum(["create", "existing"]).default("create"),
    roleArn: z.string().trim().default(""),
    /** Lifecycle hooks: Lambda functions ECS calls at their stages (a failure rolls back), or pauses held until continued. */
    ...lifecycleHookFields,
    ...deploymentAlarmFields,
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    alarmIssues(v, issue);
    hookIssues(v.hooks, shiftsTraffic(v.strategy), issue);
    if (!shiftsTraffic(v.strategy)) return;
    timingIssues(v, issue);
    if (v.alternateTargetGroupMode === "create") {
      const problem = targetGroupNameIssue(v.alternateTargetGroupName);
      if (problem) issue("alternateTargetGroupName", problem);
    } else if (!TARGET_GROUP_ARN.test(v.alternateTargetGroupArn)) {
      issue("alternateTargetGroupArn", "Pick the alternate (green) target group.");
    }
    ruleIssues(v, issue);
    if (v.productionRuleMode === "existing" && !LISTENER_RULE_ARN.test(v.productionListenerRule)) issue("productionListenerRule", "Pick the listener rule that carries production traffic.");
    if (v.testRuleMode === "existing" && v.testListenerRule) {
      if (!LISTENER_RULE_ARN.test(v.testListenerRule)) issue("testListenerRule", "Pick a listener rule, or none.");
      else if (v.testListenerRule === v.productionListenerRule) issue("testListenerRule", "The test listener rule must be another rule than the production one.");
    }
    if (v.roleMode === "existing" && !ROLE_ARN.test(v.roleArn)) issue("roleArn", "Pick the IAM role ECS uses to change the listener rules.");
  });

export type DeploymentStrategyInput = z.infer<typeof deploymentStrategySchema>;
