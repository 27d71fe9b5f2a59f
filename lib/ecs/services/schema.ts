import { z } from "zod";
import { leftoverChoicesSchema } from "./leftover-schema";
import { flag, wholeFor } from "@/lib/core/validation/fields";
import { clusterNameSchema } from "../clusters/schema";
import { tagsSchema } from "@/lib/core/validation/tags";
import { typedConfirmationFields } from "@/lib/core/validation/typed-confirmation";
import { ROLE_ARN, STRATEGIES, alarmIssues, deploymentAlarmFields, shiftsTraffic, strategyTimingFields, targetGroupNameIssue, timingIssues } from "../deployment-strategy/fields";
import { hookIssues, lifecycleHookFields } from "../deployment-strategy/hooks";
import { ruleCreationFields, ruleIssues } from "../deployment-strategy/rules";

/** AWS: up to 255 letters, digits, hyphens and underscores, unique in the cluster. */
export const serviceNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a service name.")
  .max(255, "Service names are at most 255 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use only letters, digits, hyphens (-) and underscores (_); no spaces.");

/**
 * ELBv2 names (load balancers and target groups): at most 32 alphanumerics or hyphens,
 * not starting or ending with a hyphen; load balancer names may not start with "internal-".
 */
const elbName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter a ${what} name.`)
    .max(32, `${what[0]!.toUpperCase()}${what.slice(1)} names are at most 32 characters.`)
    .regex(/^[A-Za-z0-9-]+$/, "Use only letters, digits and hyphens (-).")
    .refine((n) => !n.startsWith("-") && !n.endsWith("-"), "A name cannot start or end with a hyphen.");

/** EC2 security group names: up to 255 characters, not starting with sg-. */
const sgName = z
  .string()
  .trim()
  .min(1, "Enter a security group name.")
  .max(255, "Security group names are at most 255 characters.")
  .regex(/^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/, "Use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*")
  .refine((n) => !n.toLowerCase().startsWith("sg-"), "Security group names cannot start with sg-.");

const CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;

/** Console defaults of the Create service page. */
export const SERVICE_DEFAULTS = {
  desiredCount: 1,
  platformVersion: "LATEST",
  minHealthyPercent: 100,
  maxPercent: 200,
  listenerPort: 80,
  healthCheckPath: "/",
  healthCheckInterval: 30,
  healthCheckTimeout: 5,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
  gracePeriod: 0,
} as const;

export const createServiceSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    serviceName: serviceNameSchema,
    taskDefinition: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,255}:\d+$/, "Pick a task definition family and revision."),
    /** The task definition's network mode, carried along so networking is asked only for awsvpc. */
    networkMode: z.enum(["awsvpc", "bridge", "host", "none"]).default("awsvpc"),
    computeMode: z.enum(["launchType", "capacityProvider"]).default("launchType"),
    launchType: z.enum(["FARGATE", "EC2"]).default("FARGATE"),
    strategy: z
      .array(z.object({ capacityProvider: z.string().min(1), weight: wholeFor("weight", 0, 1000), base: wholeFor("base", 0, 100000) }))
      .max(20, "A strategy has at most 20 capacity providers.")
      .default([]),
    platformVersion: z.string().trim().regex(/^(LATEST|\d+\.\d+\.\d+)$/, "Use LATEST or a version such as 1.4.0.").default("LATEST"),
    schedulingStrategy: z.enum(["REPLICA", "DAEMON"]).default("REPLICA"),
    desiredCount: wholeFor("desired tasks", 0, 5000).default(SERVICE_DEFAULTS.desiredCount),

    vpcId: z.string().default(""),
    subnets: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, "Pick subnets from the list.")).max(16, "A service takes at most 16 subnets.").default([]),
    securityGroupMode: z.enum(["existing", "create"]).default("create"),
    securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]+$/)).max(5, "A service takes at most 5 security groups.").default([]),
    securityGroupName: z.string().default(""),
    allowHttp: flag.default(true),
    allowHttps: flag.default(false),
    ingressSource: z.enum(["anywhere", "cidr", "loadBalancer"]).default("anywhere"),
    ingressCidr: z.string().trim().default(""),
    assignPublicIp: flag.default(true),

    loadBalancerMode: z.enum(["none", "new", "existing"]).default("none"),
    loadBalancerName: z.string().default(""),
    loadBalancerScheme: z.enum(["internet-facing", "internal"]).default("internet-facing"),
    loadBalancerArn: z.string().default(""),
    /** Security groups of an existing load balancer (the service's ingress source). */
    loadBalancerSecurityGroupId: z.string().default(""),
    listenerPort: wholeFor("listener port", 1, 65535).default(SERVICE_DEFAULTS.listenerPort),
    targetGroupName: z.string().default(""),
    healthCheckPath: z.string().default(SERVICE_DEFAULTS.healthCheckPath),
    healthCheckInterval: wholeFor("health check interval", 5, 300).default(SERVICE_DEFAULTS.healthCheckInterval),
    healthCheckTimeout: wholeFor("health check timeout", 2, 120).default(SERVICE_DEFAULTS.healthCheckTimeout),
    healthyThreshold: wholeFor("healthy threshold", 2, 10).default(SERVICE_DEFAULTS.healthyThreshold),
    unhealthyThreshold: wholeFor("unhealthy threshold", 2, 10).default(SERVICE_DEFAULTS.unhealthyThreshold),
    containerName: z.string().default(""),
    containerPort: z.coerce.number().default(0),

    minHealthyPercent: wholeFor("minimum healthy percent", 0, 100).default(SERVICE_DEFAULTS.minHealthyPercent),
    maxPercent: wholeFor("maximum percent", 100, 200).default(SERVICE_DEFAULTS.maxPercent),
    /** deploymentConfiguration.strategy; the traffic-shifting ones need the load balancer the wizard sets up. */
    deploymentStrategy: z.enum(STRATEGIES, { message: "Pick a deployment strategy." }).default("ROLLING"),
    ...strategyTimingFields,
    alternateTargetGroupName: z.string().trim().default(""),
    lbRoleMode: z.enum(["create", "existing"]).default("create"),
    lbRoleArn: z.string().trim().default(""),
    /** The same alarms and lifecycle hooks as the "Deployment settings" dialog, validated the same way. */
    ...deploymentAlarmFields,
    ...lifecycleHookFields,
    /** The production rule (and an optional test rule) created on the new listener: condition and priority. */
    ...ruleCreationFields,
    circuitBreaker: flag.default(true),
    rollback: flag.default(true),
    gracePeriod: wholeFor("health check grace period", 0, 2147483647).default(SERVICE_DEFAULTS.gracePeriod),
    enableExecuteCommand: flag.default(false),
    tags: tagsSchema,
    /** Optional auto scaling step: a scalable target and CPU target tracking, created with the service. */
    autoScaling: flag.default(false),
    scalingMin: wholeFor("minimum tasks", 0, 5000).default(1),
    scalingMax: wholeFor("maximum tasks", 0, 5000).default(4),
    scalingCpuTarget: z.coerce.number({ message: "Enter a number." }).default(70),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.autoScaling) {
      if (v.schedulingStrategy === "DAEMON") issue("autoScaling", "Daemon services run one task per instance: auto scaling applies to replica services.");
      if (v.scalingMin > v.scalingMax) issue("scalingMin", "Minimum tasks cannot be more than maximum tasks.");
      if (!(v.scalingCpuTarget >= 1 && v.scalingCpuTarget <= 100)) issue("scalingCpuTarget", "Target utilization is 1 to 100 percent.");
    }
    if (v.schedulingStrategy === "DAEMON" && (v.computeMode !== "launchType" || v.launchType !== "EC2")) {
      issue("schedulingStrategy", "Daemon services run one task per container instance: they need the EC2 launch type.");
    }
    if (v.computeMode === "capacityProvider") {
      if (v.strategy.length === 0) issue("strategy", "Pick at least one capacity provider.");
      else if (!v.strategy.some((s) => s.weight > 0)) issue("strategy", "At least one capacity provider needs a weight above 0.");
      if (v.strategy.filter((s) => s.base > 0).length > 1) issue("strategy", "Only one capacity provider can have a base.");
    }
    if (v.networkMode === "awsvpc") {
      if (!v.vpcId) issue("vpcId", "Pick a VPC.");
      if (v.subnets.length === 0) issue("subnets", "Pick at least one subnet.");
      if (v.securityGroupMode === "existing" && v.securityGroupIds.length === 0) issue("securityGroupIds", "Pick at least one security group.");
    }
    if (v.networkMode === "awsvpc" && v.securityGroupMode === "create") {
      const name = sgName.safeParse(v.securityGroupName);
      if (!name.success) issue("securityGroupName", name.error.issues[0]!.message);
      if (!v.allowHttp && !v.allowHttps && v.ingressSource !== "loadBalancer") issue("allowHttp", "Allow HTTP, HTTPS or both.");
      if (v.ingressSource === "cidr" && !CIDR.test(v.ingressCidr)) issue("ingressCidr", "Enter an IPv4 CIDR block such as 10.0.0.0/16.");
      // Asked on the load balancing step, which comes after networking.
      if (v.ingressSource === "loadBalancer" && v.loadBalancerMode === "none") issue("loadBalancerMode", "The new security group allows traffic from the load balancer: pick one, or change the source.");
    }
    alarmIssues(v, issue);
    hookIssues(v.hooks, shiftsTraffic(v.deploymentStrategy), issue);
    if (shiftsTraffic(v.deploymentStrategy)) {
      if (v.loadBalancerMode === "none") issue("deploymentStrategy", "Blue/green, canary and linear move traffic between two target groups of a load balancer: add one on the load balancing step, or use a rolling update.");
      if (v.schedulingStrategy === "DAEMON") issue("deploymentStrategy", "Daemon services deploy with rolling updates only.");
      timingIssues({ ...v, strategy: v.deploymentStrategy }, issue);
      const problem = targetGroupNameIssue(v.alternateTargetGroupName);
      if (problem) issue("alternateTargetGroupName", problem);
      else if (v.alternateTargetGroupName === v.targetGroupName.trim()) issue("alternateTargetGroupName", "The alternate target group needs another name than the service's target group.");
      ruleIssues(v, issue, true);
      if (v.lbRoleMode === "existing" && !ROLE_ARN.test(v.lbRoleArn)) issue("lbRoleArn", "Enter the ARN of the role ECS uses to change the listener rules.");
    }
    if (v.loadBalancerMode === "none") return;
    if (v.networkMode !== "awsvpc" && v.loadBalancerMode === "new") {
      issue("loadBalancerMode", "Portside creates load balancers for awsvpc task definitions only.");
    }
    if (v.loadBalancerMode === "new") {
      const name = elbName("load balancer").refine((n) => !n.toLowerCase().startsWith("internal-"), "Load balancer names cannot start with internal-.").safeParse(v.loadBalancerName);
      if (!name.success) issue("loadBalancerName", name.error.issues[0]!.message);
      if (v.subnets.length < 2) issue("subnets", "An Application Load Balancer needs subnets in at least two Availability Zones.");
    } else if (!/^arn:aws[a-z-]*:elasticloadbalancing:/.test(v.loadBalancerArn)) {
      issue("loadBalancerArn", "Pick a load balancer.");
    } else if (v.securityGroupMode === "create" && v.ingressSource === "loadBalancer" && !/^sg-[0-9a-f]+$/.test(v.loadBalancerSecurityGroupId)) {
      issue("loadBalancerArn", "This load balancer has no security group to allow traffic from; pick another source on the networking step.");
    }
    const tg = elbName("target group").safeParse(v.targetGroupName);
    if (!tg.success) issue("targetGroupName", tg.error.issues[0]!.message);
    if (!v.healthCheckPath.startsWith("/") || v.healthCheckPath.length > 1024) issue("healthCheckPath", "The health check path starts with / and is at most 1024 characters.");
    if (v.healthCheckTimeout >= v.healthCheckInterval) issue("healthCheckTimeout", "The timeout must be shorter than the interval.");
    if (!v.containerName) issue("containerName", "Pick the container to register with the load balancer.");
    if (!Number.isInteger(v.containerPort) || v.containerPort < 1 || v.containerPort > 65535) issue("containerPort", "The container port is 1 to 65535.");
  });

export type CreateServiceInput = z.infer<typeof createServiceSchema>;

/** Which service the delete dialog reviews, with the choice per group of what it leaves behind. */
export const deleteServiceTargetSchema = z.object({
  connectionId: z.string().min(1),
  region: z.string().min(1),
  cluster: clusterNameSchema,
  serviceName: serviceNameSchema,
  reviewedHash: z.string().optional(),
  ...leftoverChoicesSchema,
});

export type DeleteServiceInput = z.infer<typeof deleteServiceTargetSchema>;

/** The confirm: the same, with the service name as the person typed it. */
export const deleteServiceSchema = deleteServiceTargetSchema
  .extend(typedConfirmationFields)
  .refine((v) => v.confirmName === v.serviceName, { path: ["confirmName"], message: "Type the service name to confirm." });
