import { z } from "zod";

/**
 * Shared EKS compute rules (node groups, Fargate profiles): names as the EKS
 * console checks them, Kubernetes label and taint syntax, IAM role ARNs.
 */
export const EKS_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]*$/;
export const eksNameSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter a ${what} name.`)
    .max(63, `${what[0]!.toUpperCase()}${what.slice(1)} names are at most 63 characters.`)
    .regex(EKS_NAME, "Start with a letter or digit; then letters, digits, hyphens (-) and underscores (_).");

export const roleArnSchema = z.string().trim().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "Enter an IAM role ARN (arn:aws:iam::123456789012:role/name).");

const connection = {
  connectionId: z.string().min(1, "Pick a connection."),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  clusterName: z.string().trim().min(1, "The cluster is missing.").max(100),
};
export const eksTarget = connection;

// Kubernetes: a name segment is ≤63 alphanumerics with - _ . inside; a key may carry a DNS-subdomain prefix.
const K8S_NAME = /^([A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export function kubernetesKeyProblem(key: string): string | null {
  if (!key) return "Enter a key.";
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : "";
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0 && (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return "The prefix before / must be a DNS subdomain (example.com) of at most 253 characters.";
  if (!K8S_NAME.test(name)) return "Keys are at most 63 letters, digits, - _ . (starting and ending with a letter or digit), with an optional prefix/.";
  return null;
}

export const labelKeySchema = z.string().trim().superRefine((k, ctx) => {
  const problem = kubernetesKeyProblem(k);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
export const labelValueSchema = z
  .string()
  .trim()
  .max(63, "Values are at most 63 characters.")
  .regex(/^([A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?)?$/, "Values use letters, digits, - _ . and start and end with a letter or digit.");

export const labelSchema = z.object({ key: labelKeySchema, value: labelValueSchema });

/** Unique keys; AWS allows at most `max` per resource. */
export const labelsSchema = (max: number, noun = "labels") =>
  z
    .array(labelSchema)
    .max(max, `At most ${max} ${noun}.`)
    .default([])
    .superRefine((labels, ctx) => {
      const seen = new Set<string>();
      labels.forEach((l, i) => {
        if (seen.has(l.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `Key "${l.key}" is used twice.` });
        seen.add(l.key);
      });
    });

export const TAINT_EFFECTS = ["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"] as const;
export const taintSchema = z.object({ key: labelKeySchema, value: labelValueSchema, effect: z.enum(TAINT_EFFECTS, { message: "Pick an effect." }) });

/** AMI types of the EKS API (AMITypes) a managed node group can use without a launch template. */
export const AMI_TYPES = [
  "AL2023_x86_64_STANDARD",
  "AL2023_ARM_64_STANDARD",
  "AL2023_x86_64_NVIDIA",
  "AL2023_ARM_64_NVIDIA",
  "AL2023_x86_64_NEURON",
  "BOTTLEROCKET_x86_64",
  "BOTTLEROCKET_ARM_64",
  "BOTTLEROCKET_x86_64_NVIDIA",
  "BOTTLEROCKET_ARM_64_NVIDIA",
  "BOTTLEROCKET_x86_64_FIPS",
  "BOTTLEROCKET_ARM_64_FIPS",
  "WINDOWS_CORE_2022_x86_64",
  "WINDOWS_FULL_2022_x86_64",
  "WINDOWS_CORE_2025_x86_64",
  "WINDOWS_FULL_2025_x86_64",
] as const;
export const CAPACITY_TYPES = ["ON_DEMAND", "SPOT"] as const;

export const NODE_ROLE = {
  name: "AmazonEKSNodeRole",
  principal: "ec2.amazonaws.com",
  policies: [
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
  ],
};

const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
const whole = (what: string) => z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(0, `${what} is 0 or more.`);

/** Graviton types carry a g after the generation digit (t4g, m7gd, c6gn). */
export const isArmInstanceType = (t: string) => /^[a-z]+\d+g/.test(t);
export const isArmAmi = (ami: string) => ami.includes("ARM_64");

const instanceTypesSchema = z
  .string()
  .default("t3.medium")
  .transform((s) => s.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(INSTANCE_TYPE, "Enter instance types such as t3.medium, separated by commas."))
      .min(1, "Enter at least one instance type.")
      .max(20, "At most 20 instance types."),
  );

/** Minimum, maximum and desired size of a managed node group, checked as EKS does. */
export const scalingFields = {
  minSize: whole("Minimum size").default(2),
  maxSize: whole("Maximum size").default(2),
  desiredSize: whole("Desired size").default(2),
};
export function checkScaling(v: { minSize: number; maxSize: number; desiredSize: number }, ctx: z.RefinementCtx) {
  if (v.maxSize < 1) ctx.addIssue({ code: "custom", path: ["maxSize"], message: "Maximum size must be at least 1." });
  if (v.minSize > v.maxSize) ctx.addIssue({ code: "custom", path: ["minSize"], message: "Minimum size cannot be more than the maximum size." });
  else if (v.desiredSize < v.minSize || v.desiredSize > v.maxSize) {
    ctx.addIssue({ code: "custom", path: ["desiredSize"], message: `Desired size must be between the minimum (${v.minSize}) and the maximum (${v.maxSize}).` });
  }
}

export const createNodegroupSchema = z
  .object({
    ...connection,
    nodegroupName: eksNameSchema("node group"),
    nodeRoleMode: z.enum(["create", "existing"]).default("create"),
    nodeRoleArn: z.string().trim().default(""),
    amiType: z.enum(AMI_TYPES, { message: "Pick an AMI type." }).default("AL2023_x86_64_STANDARD"),
    capacityType: z.enum(CAPACITY_TYPES).default("ON_DEMAND"),
    instanceTypes: instanceTypesSchema,
    diskSize: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "Disk size is 1 to 16384 GiB.").max(16384, "Disk size is 1 to 16384 GiB.").default(20),
    ...scalingFields,
    maxUnavailableType: z.enum(["number", "percentage"]).default("number"),
    maxUnavailable: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "At least 1.").default(1),
    labels: labelsSchema(50),
    taints: z.array(taintSchema).max(50, "At most 50 taints.").default([]),
    subnets: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, "Pick subnets from the list.")).default([]),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    checkScaling(v, ctx);
    if (v.maxUnavailableType === "percentage" && v.maxUnavailable > 100) ctx.addIssue({ code: "custom", path: ["maxUnavailable"], message: "A percentage is 1 to 100." });
    if (v.maxUnavailableType === "number" && v.maxUnavailable > 100) ctx.addIssue({ code: "custom", path: ["maxUnavailable"], message: "At most 100 nodes at a time." });
    if (v.nodeRoleMode === "existing" && !roleArnSchema.safeParse(v.nodeRoleArn).success) ctx.addIssue({ code: "custom", path: ["nodeRoleArn"], message: "Pick a node IAM role." });
    if (v.subnets.length === 0) ctx.addIssue({ code: "custom", path: ["subnets"], message: "Pick at least one subnet for the nodes." });
    const arm = isArmAmi(v.amiType);
    const bad = v.instanceTypes.find((t) => isArmInstanceType(t) !== arm);
    if (bad) ctx.addIssue({ code: "custom", path: ["instanceTypes"], message: arm ? `${bad} is not a Graviton (arm64) type; the ${v.amiType} AMI needs one such as t4g.medium.` : `${bad} is a Graviton (arm64) type; pick an ARM_64 AMI type or an x86_64 instance type.` });
  });

export type CreateNodegroupInput = z.infer<typeof createNodegroupSchema>;

export const scaleNodegroupSchema = z
  .object({ ...connection, nodegroupName: eksNameSchema("node group"), ...scalingFields, reviewedHash: z.string().optional() })
  .superRefine(checkScaling);
export type ScaleNodegroupInput = z.infer<typeof scaleNodegroupSchema>;

export const deleteNodegroupSchema = z.object({ ...connection, nodegroupName: eksNameSchema("node group"), reviewedHash: z.string().optional() });
export type DeleteNodegroupInput = z.infer<typeof deleteNodegroupSchema>;
