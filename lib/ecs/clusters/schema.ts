import { z } from "zod";
import { tagsSchema } from "@/lib/core/validation/tags";

/** AWS: up to 255 letters (upper and lowercase), numbers, underscores, and hyphens. */
export const clusterNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a cluster name.")
  .max(255, "Cluster names are at most 255 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use only letters, digits, hyphens (-) and underscores (_); no spaces.");

const weight = z.coerce
  .number({ message: "Enter a whole number." })
  .int("Enter a whole number.")
  .min(0, "Weight is 0 to 1000.")
  .max(1000, "Weight is 0 to 1000.");
const base = z.coerce
  .number({ message: "Enter a whole number." })
  .int("Enter a whole number.")
  .min(0, "Base is 0 to 100000.")
  .max(100000, "Base is 0 to 100000.");

export const CONTAINER_INSIGHTS = ["disabled", "enabled", "enhanced"] as const;
export const INFRASTRUCTURES = ["fargate", "ec2", "both"] as const;
/** ECS-optimized Amazon Linux 2023, resolved by the launch template from AWS's public SSM parameter. */
export const AMI_FAMILIES = ["al2023-x86_64", "al2023-arm64"] as const;

const size = (what: string) =>
  z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(0, `${what} is 0 or more.`).max(5000, `${what} is at most 5000.`);

/** AWS instance type names: family+generation, optional attributes, a size (t3.medium, m7gd.2xlarge). */
const instanceType = z.string().trim().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, "Enter an instance type such as t3.medium.");

export const createClusterSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    clusterName: clusterNameSchema,
    containerInsights: z.enum(CONTAINER_INSIGHTS).default("disabled"),
    fargateWeight: weight.default(1),
    fargateBase: base.default(0),
    spotWeight: weight.default(0),
    spotBase: base.default(0),
    infrastructure: z.enum(INFRASTRUCTURES).default("fargate"),
    asgMode: z.enum(["new", "existing"]).default("new"),
    existingAsgArn: z.string().trim().default(""),
    amiFamily: z.enum(AMI_FAMILIES).default("al2023-x86_64"),
    instanceType: instanceType.default("t3.medium"),
    keyName: z.string().trim().max(255).default(""),
    instanceRoleMode: z.enum(["create", "existing"]).default("create"),
    instanceProfile: z.string().trim().default(""),
    minSize: size("Minimum").default(0),
    maxSize: size("Maximum").default(5),
    desiredCapacity: size("Desired capacity").default(1),
    subnets: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, "Pick subnets from the list.")).default([]),
    targetCapacity: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "Target capacity is 1 to 100 %.").max(100, "Target capacity is 1 to 100 %.").default(100),
    terminationProtection: z.enum(["enabled", "disabled"]).default("enabled"),
    ec2Weight: weight.default(1),
    ec2Base: base.default(0),
    tags: tagsSchema,
    /** Hash of the plan the person reviewed; the confirm step refuses a plan that differs. */
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const fargate = v.infrastructure !== "ec2";
    const ec2 = v.infrastructure !== "fargate";
    const weights = [fargate && v.fargateWeight, fargate && v.spotWeight, ec2 && v.ec2Weight].filter((w) => typeof w === "number" && w > 0);
    if (weights.length === 0) {
      ctx.addIssue({ code: "custom", path: [fargate ? "fargateWeight" : "ec2Weight"], message: "At least one capacity provider needs a weight above 0." });
    }
    // ECS allows a base on only one provider of a strategy.
    const bases = [fargate && v.fargateBase > 0 && "fargateBase", fargate && v.spotBase > 0 && "spotBase", ec2 && v.ec2Base > 0 && "ec2Base"].filter(Boolean);
    if (bases.length > 1) {
      ctx.addIssue({ code: "custom", path: [bases[1] as string], message: "Only one capacity provider can have a base; set the others to 0." });
    }
    if (!ec2) return;
    if (v.asgMode === "existing") {
      if (!v.existingAsgArn.startsWith("arn:")) ctx.addIssue({ code: "custom", path: ["existingAsgArn"], message: "Pick an Auto Scaling group." });
      return;
    }
    if (v.maxSize < 1) ctx.addIssue({ code: "custom", path: ["maxSize"], message: "Maximum must be at least 1." });
    if (v.minSize > v.maxSize) ctx.addIssue({ code: "custom", path: ["minSize"], message: "Minimum cannot be more than maximum." });
    else if (v.desiredCapacity < v.minSize || v.desiredCapacity > v.maxSize) {
      ctx.addIssue({ code: "custom", path: ["desiredCapacity"], message: `Desired capacity must be between minimum (${v.minSize}) and maximum (${v.maxSize}).` });
    }
    if (v.subnets.length === 0) ctx.addIssue({ code: "custom", path: ["subnets"], message: "Pick at least one subnet for the instances." });
    // Graviton types carry a g after the generation digit (t4g, m7gd, c6gn).
    const graviton = /^[a-z]+\d+g/.test(v.instanceType);
    if (v.amiFamily === "al2023-arm64" && !graviton) ctx.addIssue({ code: "custom", path: ["instanceType"], message: "The arm64 AMI needs a Graviton (arm64) instance type such as t4g.medium." });
    if (v.amiFamily === "al2023-x86_64" && graviton) ctx.addIssue({ code: "custom", path: ["instanceType"], message: `${v.instanceType} is a Graviton (arm64) type; pick the arm64 AMI or an x86_64 type.` });
    if (v.instanceRoleMode === "existing" && !v.instanceProfile) ctx.addIssue({ code: "custom", path: ["instanceProfile"], message: "Pick an instance profile." });
  });

export type CreateClusterInput = z.infer<typeof createClusterSchema>;
