import { describe, expect, it } from "vitest";
import { installAddonSchema, removeAddonSchema, updateAddonSchema } from "@/lib/eks/addons/schema";
import { buildInstallAddonPlan, buildRemoveAddonPlan, buildUpdateAddonPlan } from "./plan";

const base = { connectionId: "c1", region: "us-east-1", clusterName: "prod" };

describe("add-on plans", () => {
  it("installs with the chosen version, role and conflict resolution, waiting for ACTIVE", () => {
    const plan = buildInstallAddonPlan(installAddonSchema.parse({
      ...base, addonName: "aws-ebs-csi-driver", addonVersion: "v1.37.0-eksbuild.1", serviceAccountRoleArn: "arn:aws:iam::123456789012:role/ebs", resolveConflicts: "OVERWRITE",
    }));
    expect(plan.steps[0]).toMatchObject({
      operation: "CreateAddon",
      input: { clusterName: "prod", addonName: "aws-ebs-csi-driver", addonVersion: "v1.37.0-eksbuild.1", serviceAccountRoleArn: "arn:aws:iam::123456789012:role/ebs", resolveConflicts: "OVERWRITE" },
      waitFor: { operation: "DescribeAddon", path: "addon.status", success: ["ACTIVE"], failure: ["CREATE_FAILED", "DEGRADED"] },
      inverse: { operation: "DeleteAddon" },
    });
    const plain = buildInstallAddonPlan(installAddonSchema.parse({ ...base, addonName: "coredns", addonVersion: "v1" }));
    expect(plain.steps[0]!.input).not.toHaveProperty("serviceAccountRoleArn");
  });

  it("updates to another version with PRESERVE", () => {
    const plan = buildUpdateAddonPlan(updateAddonSchema.parse({ ...base, addonName: "coredns", addonVersion: "v2", resolveConflicts: "PRESERVE" }));
    expect(plan.steps[0]).toMatchObject({
      operation: "UpdateAddon",
      input: { clusterName: "prod", addonName: "coredns", addonVersion: "v2", resolveConflicts: "PRESERVE" },
      waitFor: { failure: ["UPDATE_FAILED", "DEGRADED"] },
    });
  });

  it("removes, optionally preserving the software, and waits until gone", () => {
    const plan = buildRemoveAddonPlan(removeAddonSchema.parse({ ...base, addonName: "coredns", preserve: "on" }));
    expect(plan.steps[0]).toMatchObject({ operation: "DeleteAddon", input: { clusterName: "prod", addonName: "coredns", preserve: true }, waitFor: { untilGone: true } });
    expect(plan.steps[0]!.description).toMatch(/stays on the cluster/);
  });
});
