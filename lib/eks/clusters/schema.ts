import { z } from "zod";
import { tagsSchema } from "@/lib/core/validation/tags";

/** AWS CreateCluster: 1–100 characters, starting with a letter or digit, then letters, digits, hyphens, underscores. */
export const eksClusterNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a cluster name.")
  .max(100, "EKS cluster names are at most 100 characters.")
  .regex(/^[0-9A-Za-z]/, "Start the name with a letter or digit.")
  .regex(/^[0-9A-Za-z][A-Za-z0-9_-]*$/, "Use only letters, digits, hyphens (-) and underscores (_); no spaces.");

export const LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;
export const ENDPOINT_ACCESS = ["public", "both", "private"] as const;
/** EKS accepts up to 40 CIDR blocks for public endpoint access. */
export const MAX_PUBLIC_CIDRS = 40;

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** An IPv4 CIDR block: four octets 0–255 and a prefix 0–32. */
export function isIpv4Cidr(value: string): boolean {
  const m = IPV4_CIDR.exec(value);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) && Number(m[5]) <= 32;
}

/** The allow-list as typed: one CIDR per line or comma-separated. */
export function splitCidrs(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z]{2}(-[a-z]+)+-\d:\d{12}:(key\/[0-9a-zA-Z-]+|alias\/[A-Za-z0-9/_-]+)$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SUBNET = /^subnet-[0-9a-f]+$/;
const SECURITY_GROUP = /^sg-[0-9a-f]+$/;

export const createEksClusterSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    clusterName: eksClusterNameSchema,
    version: z.string().regex(/^\d+\.\d+$/, "Pick a Kubernetes version."),
    /** STANDARD (the console's default): upgraded automatically when standard support ends. EXTENDED: stays, at the extended price. */
    supportType: z.enum(["STANDARD", "EXTENDED"]).default("STANDARD"),
    roleMode: z.enum(["create", "existing"]).default("create"),
    roleArn: z.string().trim().default(""),
    vpcId: z.string().regex(/^vpc-[0-9a-f]+$/, "Pick a VPC."),
    subnets: z.array(z.string().regex(SUBNET, "Pick subnets from the list.")).default([]),
    /** The Availability Zone of each picked subnet, in the same order; the action re-reads them from AWS. */
    subnetZones: z.array(z.string()).default([]),
    securityGroups: z.array(z.string().regex(SECURITY_GROUP, "Pick security groups from the list.")).max(5, "EKS takes at most 5 security groups.").default([]),
    endpointAccess: z.enum(ENDPOINT_ACCESS).default("public"),
    publicAccessCidrs: z.string().default("0.0.0.0/0"),
    encryption: z.enum(["off", "on"]).default("off"),
    kmsKeyArn: z.string().trim().default(""),
    logTypes: z.array(z.enum(LOG_TYPES)).default([]),
    tags: tagsSchema,
    /** Hash of the plan the person reviewed; the confirm step refuses a plan that differs. */
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.roleMode === "existing" && !ROLE_ARN.test(v.roleArn)) {
      ctx.addIssue({ code: "custom", path: ["roleArn"], message: "Pick a cluster IAM role." });
    }
    if (v.subnets.length < 2) {
      ctx.addIssue({ code: "custom", path: ["subnets"], message: "Pick at least two subnets, in at least two Availability Zones." });
    } else if (new Set(v.subnetZones.filter(Boolean)).size < 2) {
      ctx.addIssue({ code: "custom", path: ["subnets"], message: "The subnets must be in at least two Availability Zones; these are all in one." });
    }
    if (v.endpointAccess !== "private") {
      const cidrs = splitCidrs(v.publicAccessCidrs);
      const bad = cidrs.find((c) => !isIpv4Cidr(c));
      if (cidrs.length === 0) ctx.addIssue({ code: "custom", path: ["publicAccessCidrs"], message: "Enter at least one CIDR block, such as 0.0.0.0/0 for any address." });
      else if (bad) ctx.addIssue({ code: "custom", path: ["publicAccessCidrs"], message: `${bad} is not a CIDR block such as 203.0.113.0/24.` });
      else if (cidrs.length > MAX_PUBLIC_CIDRS) ctx.addIssue({ code: "custom", path: ["publicAccessCidrs"], message: `EKS allows at most ${MAX_PUBLIC_CIDRS} CIDR blocks.` });
    }
    if (v.encryption === "on" && !KMS_KEY_ARN.test(v.kmsKeyArn)) {
      ctx.addIssue({ code: "custom", path: ["kmsKeyArn"], message: "Enter a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/…" });
    } else if (v.encryption === "on" && v.kmsKeyArn.split(":")[3] !== v.region) {
      ctx.addIssue({ code: "custom", path: ["kmsKeyArn"], message: `The KMS key must be in the cluster's region (${v.region}).` });
    }
  });

export type CreateEksClusterInput = z.infer<typeof createEksClusterSchema>;

const target = {
  connectionId: z.string().min(1),
  region: z.string().min(1),
  clusterName: eksClusterNameSchema,
};

export const upgradeEksClusterSchema = z.object({
  ...target,
  currentVersion: z.string().regex(/^\d+\.\d+$/),
  version: z.string().regex(/^\d+\.\d+$/, "Pick a Kubernetes version."),
  reviewedHash: z.string().optional(),
});
export type UpgradeEksClusterInput = z.infer<typeof upgradeEksClusterSchema>;

export const deleteEksClusterSchema = z.object({ ...target, reviewedHash: z.string().optional() });
export type DeleteEksClusterInput = z.infer<typeof deleteEksClusterSchema>;
