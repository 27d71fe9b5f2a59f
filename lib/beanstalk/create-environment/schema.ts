import { z } from "zod";
import { envVarList, posixEnvName } from "@/lib/core/validation/env-vars";
import { flag, int } from "@/lib/core/validation/fields";
import { imageSchema } from "@/lib/express/schema";
import { parseBundle } from "@/lib/beanstalk/bundles/parse";
import { bundleZipField } from "@/lib/beanstalk/bundles/upload-id";
import { applicationNameSchema, environmentNameSchema, regionSchema, versionLabelSchema } from "@/lib/beanstalk/environments/names";

export const INSTANCE_TYPES = ["t3.micro", "t3.small", "t3.medium", "t3.large", "m6i.large", "m7i.large", "c6i.large", "c7i.large", "r6i.large"] as const;

export const DEPLOYMENT_POLICIES = ["AllAtOnce", "Rolling", "RollingWithAdditionalBatch", "Immutable", "TrafficSplitting"] as const;
export type DeploymentPolicy = (typeof DEPLOYMENT_POLICIES)[number];
/** Elastic Beanstalk's table of policies per environment type: a single instance has no batches and no load balancer to split. */
export const SINGLE_INSTANCE_POLICIES: DeploymentPolicy[] = ["AllAtOnce", "Immutable"];

/** The scaling trigger's metrics (aws:autoscaling:trigger MeasureName) with the unit Elastic Beanstalk pairs with each. */
export const SCALING_METRICS = {
  NetworkOut: { unit: "Bytes", label: "Network out (bytes)" },
  NetworkIn: { unit: "Bytes", label: "Network in (bytes)" },
  CPUUtilization: { unit: "Percent", label: "CPU utilization (%)" },
  RequestCount: { unit: "Count", label: "Request count" },
  Latency: { unit: "Seconds", label: "Latency (seconds)" },
} as const;
export type ScalingMetric = keyof typeof SCALING_METRICS;

export const STANDARD_ROLES = {
  service: "aws-elasticbeanstalk-service-role",
  instance: "aws-elasticbeanstalk-ec2-role",
} as const;

/** The console's defaults for a new Docker web server environment. */
export const EB_DEFAULTS = {
  instanceType: "t3.micro",
  minSize: 1,
  maxSize: 4,
  scalingMetric: "NetworkOut" as ScalingMetric,
  upperThreshold: 6_000_000,
  lowerThreshold: 2_000_000,
  batchPercent: 30,
  trafficPercent: 10,
  evaluationMinutes: 5,
  containerPort: 80,
};

// Environment properties: the platform passes them to the container; AWS caps their total size.
export const ENV_TOTAL_BYTES = 4096;
export const environmentVarsSchema = envVarList(
  z.object({
    name: posixEnvName(128),
    value: z.string().max(ENV_TOTAL_BYTES, "Values are at most 4 KB.").refine((v) => !/[\0\r\n]/.test(v), "Values are one line."),
  }),
  50,
).superRefine((vars, ctx) => {
  const total = vars.reduce((n, v) => n + new TextEncoder().encode(`${v.name}=${v.value}`).length, 0);
  if (total > ENV_TOTAL_BYTES) ctx.addIssue({ code: "custom", path: [], message: `Elastic Beanstalk holds at most 4 KB of environment properties in all (these are ${total} bytes).` });
});

const roleName = z.string().trim().max(64, "Role names are at most 64 characters.").regex(/^[\w+=,.@-]*$/, "Role names use letters, digits and + = , . @ _ -.").default("");

export const createEnvironmentSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: regionSchema,
    applicationMode: z.enum(["existing", "create"]).default("create"),
    applicationName: applicationNameSchema,
    solutionStack: z.string().trim().max(200).regex(/^64bit Amazon Linux \d+ v\d+\.\d+\.\d+ running Docker$/, "Pick a Docker platform."),
    sourceType: z.enum(["image", "bundle"]).default("image"),
    image: z.string().trim().max(2048).default(""),
    containerPort: int("The container port", 1, 65535).default(EB_DEFAULTS.containerPort),
    bundleFormat: z.enum(["dockerrun", "compose"]).default("dockerrun"),
    bundleText: z.string().max(70_000, "Bundles uploaded here are at most 64 KB.").default(""),
    // A zip bundle: the id of its checked upload (the action loads it for the signed-in person only).
    bundleZip: bundleZipField,
    versionLabel: versionLabelSchema,
    environmentName: environmentNameSchema,
    cnamePrefix: z
      .string()
      .trim()
      .min(4, "Domain prefixes are 4 to 63 characters.")
      .max(63, "Domain prefixes are 4 to 63 characters.")
      .regex(/^[A-Za-z0-9-]+$/, "Use only letters, digits and hyphens.")
      .refine((v) => !v.startsWith("-") && !v.endsWith("-"), "Domain prefixes cannot start or end with a hyphen."),
    environmentType: z.enum(["SingleInstance", "LoadBalanced"]).default("LoadBalanced"),
    instanceType: z.enum(INSTANCE_TYPES, { message: "Pick an instance type." }).default("t3.micro"),
    minSize: int("Minimum instances", 1, 10000).default(EB_DEFAULTS.minSize),
    maxSize: int("Maximum instances", 1, 10000).default(EB_DEFAULTS.maxSize),
    scalingMetric: z.enum(Object.keys(SCALING_METRICS) as [ScalingMetric, ...ScalingMetric[]], { message: "Pick a metric." }).default(EB_DEFAULTS.scalingMetric),
    upperThreshold: int("The upper threshold", 0, 2_000_000_000).default(EB_DEFAULTS.upperThreshold),
    lowerThreshold: int("The lower threshold", 0, 2_000_000_000).default(EB_DEFAULTS.lowerThreshold),
    deploymentPolicy: z.enum(DEPLOYMENT_POLICIES, { message: "Pick a deployment policy." }).default("Rolling"),
    batchSizeType: z.enum(["Percentage", "Fixed"]).default("Percentage"),
    batchSize: int("The batch size", 1, 10000).default(EB_DEFAULTS.batchPercent),
    trafficPercent: int("The traffic share", 1, 100).default(EB_DEFAULTS.trafficPercent),
    evaluationMinutes: int("The evaluation time", 1, 600).default(EB_DEFAULTS.evaluationMinutes),
    enhancedHealth: flag.default(true),
    serviceRoleMode: z.enum(["create", "existing"]).default("create"),
    serviceRole: roleName,
    instanceProfileMode: z.enum(["create", "existing"]).default("create"),
    instanceProfile: roleName,
    environment: environmentVarsSchema,
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.sourceType === "image") {
      const image = imageSchema.safeParse(v.image);
      if (!image.success) issue("image", image.error.issues[0]?.message ?? "Enter an image.");
    } else if (!v.bundleZip) {
      const parsed = parseBundle(v.bundleText);
      if (!parsed.ok) issue("bundleText", parsed.message);
    }
    const single = v.environmentType === "SingleInstance";
    if (single && !SINGLE_INSTANCE_POLICIES.includes(v.deploymentPolicy)) {
      issue("deploymentPolicy", `${v.deploymentPolicy} needs a load-balanced environment: a single instance deploys all at once or immutably.`);
    }
    if (!single) {
      if (v.minSize > v.maxSize) issue("maxSize", "The maximum is at least the minimum.");
      if (v.lowerThreshold >= v.upperThreshold) issue("lowerThreshold", "The lower threshold is below the upper one.");
    }
    if (v.deploymentPolicy === "Rolling" || v.deploymentPolicy === "RollingWithAdditionalBatch") {
      if (v.batchSizeType === "Percentage" && v.batchSize > 100) issue("batchSize", "A percentage batch is 1 to 100 %.");
      if (v.batchSizeType === "Fixed" && !single && v.batchSize > v.maxSize) issue("batchSize", `A fixed batch is at most the maximum instances (${v.maxSize}).`);
    }
    if (v.serviceRoleMode === "existing" && !v.serviceRole) issue("serviceRole", "Pick a service role.");
    if (v.instanceProfileMode === "existing" && !v.instanceProfile) issue("instanceProfile", "Pick an instance profile.");
  });

export type CreateEnvironmentInput = z.infer<typeof createEnvironmentSchema>;
