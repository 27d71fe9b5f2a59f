import { describe, expect, it } from "vitest";
import { installAddonSchema, removeAddonSchema, updateAddonSchema } from "./schema";

const base = { connectionId: "c1", region: "us-east-1", clusterName: "prod", addonName: "coredns", addonVersion: "v1.11.4-eksbuild.2" };
const firstError = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error ? `${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}` : null;

describe("add-on validation", () => {
  it("installs with conflict resolution NONE by default", () => {
    expect(installAddonSchema.parse(base)).toMatchObject({ resolveConflicts: "NONE", serviceAccountRoleArn: "" });
  });

  it("offers PRESERVE only for updates", () => {
    expect(installAddonSchema.safeParse({ ...base, resolveConflicts: "PRESERVE" }).success).toBe(false);
    expect(updateAddonSchema.parse({ ...base, resolveConflicts: "PRESERVE" }).resolveConflicts).toBe("PRESERVE");
  });

  it("asks the EBS CSI driver for its service account role", () => {
    expect(firstError(installAddonSchema.safeParse({ ...base, addonName: "aws-ebs-csi-driver" }))).toBe(
      "serviceAccountRoleArn: aws-ebs-csi-driver needs an IAM role for its service account with AmazonEBSCSIDriverPolicy.",
    );
    expect(installAddonSchema.safeParse({ ...base, addonName: "aws-ebs-csi-driver", serviceAccountRoleArn: "arn:aws:iam::123456789012:role/ebs" }).success).toBe(true);
    expect(firstError(installAddonSchema.safeParse({ ...base, serviceAccountRoleArn: "ebs-role" }))).toMatch(/^serviceAccountRoleArn: Enter an IAM role ARN/);
  });

  it("reads the preserve checkbox", () => {
    expect(removeAddonSchema.parse({ ...base, preserve: "on" }).preserve).toBe(true);
    expect(removeAddonSchema.parse(base).preserve).toBe(false);
  });
});
