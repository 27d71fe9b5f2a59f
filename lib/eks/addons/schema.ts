import { z } from "zod";
import { eksTarget, roleArnSchema } from "../nodegroups/schema";

/** PRESERVE only applies to updates; on install EKS offers None and Overwrite. */
export const INSTALL_CONFLICTS = ["NONE", "OVERWRITE"] as const;
export const UPDATE_CONFLICTS = ["NONE", "OVERWRITE", "PRESERVE"] as const;

/** Add-ons whose service account needs its own IAM role (IRSA) to work. */
export const ROLE_REQUIRED_ADDONS: Record<string, string> = {
  "aws-ebs-csi-driver": "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
  "aws-efs-csi-driver": "arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy",
};

const addonName = z.string().trim().min(1, "Pick an add-on.").max(100).regex(/^[a-z0-9][a-z0-9_.-]*$/, "Pick an add-on from the list.");
const version = z.string().trim().min(1, "Pick a version.").max(100);
const optionalRole = z.string().trim().default("").refine((v) => v === "" || roleArnSchema.safeParse(v).success, "Enter an IAM role ARN (arn:aws:iam::123456789012:role/name) or leave it empty.");

export const installAddonSchema = z
  .object({
    ...eksTarget,
    addonName,
    addonVersion: version,
    serviceAccountRoleArn: optionalRole,
    resolveConflicts: z.enum(INSTALL_CONFLICTS).default("NONE"),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (ROLE_REQUIRED_ADDONS[v.addonName] && !v.serviceAccountRoleArn) {
      ctx.addIssue({ code: "custom", path: ["serviceAccountRoleArn"], message: `${v.addonName} needs an IAM role for its service account with ${ROLE_REQUIRED_ADDONS[v.addonName]!.split("/").pop()}.` });
    }
  });
export type InstallAddonInput = z.infer<typeof installAddonSchema>;

export const updateAddonSchema = z.object({
  ...eksTarget,
  addonName,
  addonVersion: version,
  serviceAccountRoleArn: optionalRole,
  resolveConflicts: z.enum(UPDATE_CONFLICTS).default("NONE"),
  reviewedHash: z.string().optional(),
});
export type UpdateAddonInput = z.infer<typeof updateAddonSchema>;

export const removeAddonSchema = z.object({
  ...eksTarget,
  addonName,
  /** Keep the add-on's Kubernetes resources running; EKS only stops managing them. */
  preserve: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  reviewedHash: z.string().optional(),
});
export type RemoveAddonInput = z.infer<typeof removeAddonSchema>;
