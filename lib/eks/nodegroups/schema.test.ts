import { describe, expect, it } from "vitest";
import { createNodegroupSchema, kubernetesKeyProblem, scaleNodegroupSchema } from "./schema";

const base = { connectionId: "c1", region: "us-east-1", clusterName: "prod", nodegroupName: "ng-1", subnets: ["subnet-0a1"] };
const errors = (input: Record<string, unknown>) => {
  const r = createNodegroupSchema.safeParse({ ...base, ...input });
  const out: Record<string, string> = {};
  if (!r.success) for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("node group validation", () => {
  it("applies the console defaults", () => {
    expect(createNodegroupSchema.parse(base)).toMatchObject({
      nodeRoleMode: "create",
      amiType: "AL2023_x86_64_STANDARD",
      capacityType: "ON_DEMAND",
      instanceTypes: ["t3.medium"],
      diskSize: 20,
      minSize: 2,
      maxSize: 2,
      desiredSize: 2,
      maxUnavailableType: "number",
      maxUnavailable: 1,
      labels: [],
      taints: [],
    });
  });

  it.each([
    ["", "Enter a node group name."],
    ["-starts-with-hyphen", "Start with a letter or digit; then letters, digits, hyphens (-) and underscores (_)."],
    ["has.dot", "Start with a letter or digit; then letters, digits, hyphens (-) and underscores (_)."],
    ["x".repeat(64), "Node group names are at most 63 characters."],
  ])("refuses the name %j", (nodegroupName, message) => {
    expect(errors({ nodegroupName }).nodegroupName).toBe(message);
  });

  it("checks min ≤ desired ≤ max and max ≥ 1", () => {
    expect(errors({ minSize: 3, maxSize: 2, desiredSize: 2 }).minSize).toBe("Minimum size cannot be more than the maximum size.");
    expect(errors({ minSize: 1, maxSize: 3, desiredSize: 4 }).desiredSize).toBe("Desired size must be between the minimum (1) and the maximum (3).");
    expect(errors({ minSize: 2, maxSize: 3, desiredSize: 1 }).desiredSize).toBe("Desired size must be between the minimum (2) and the maximum (3).");
    expect(errors({ minSize: 0, maxSize: 0, desiredSize: 0 }).maxSize).toBe("Maximum size must be at least 1.");
    expect(errors({ minSize: 0, maxSize: 5, desiredSize: 0 })).toEqual({});
  });

  it("checks max unavailable as a number or a percentage", () => {
    expect(errors({ maxUnavailableType: "percentage", maxUnavailable: 101 }).maxUnavailable).toBe("A percentage is 1 to 100.");
    expect(errors({ maxUnavailableType: "percentage", maxUnavailable: 0 }).maxUnavailable).toBe("At least 1.");
    expect(errors({ maxUnavailableType: "percentage", maxUnavailable: 33 })).toEqual({});
    expect(errors({ maxUnavailable: 101 }).maxUnavailable).toBe("At most 100 nodes at a time.");
  });

  it("checks disk size, subnets, the role and instance types against the AMI", () => {
    expect(errors({ diskSize: 0 }).diskSize).toBe("Disk size is 1 to 16384 GiB.");
    expect(errors({ diskSize: 16385 }).diskSize).toBe("Disk size is 1 to 16384 GiB.");
    expect(errors({ subnets: [] }).subnets).toBe("Pick at least one subnet for the nodes.");
    expect(errors({ nodeRoleMode: "existing", nodeRoleArn: "" }).nodeRoleArn).toBe("Pick a node IAM role.");
    expect(errors({ instanceTypes: "t3.medium, t4g.medium" }).instanceTypes).toMatch(/t4g.medium is a Graviton/);
    expect(errors({ amiType: "AL2023_ARM_64_STANDARD" }).instanceTypes).toMatch(/t3.medium is not a Graviton/);
    expect(errors({ instanceTypes: "big box" })["instanceTypes.0"]).toBe("Enter instance types such as t3.medium, separated by commas.");
    expect(createNodegroupSchema.parse({ ...base, capacityType: "SPOT", instanceTypes: "t3.medium, t3a.medium" }).instanceTypes).toEqual(["t3.medium", "t3a.medium"]);
  });

  it("checks Kubernetes labels and taints", () => {
    expect(errors({ labels: [{ key: "team", value: "web" }, { key: "example.com/tier", value: "front_1" }] })).toEqual({});
    expect(errors({ labels: [{ key: "bad key", value: "x" }] })["labels.0.key"]).toMatch(/at most 63 letters/);
    expect(errors({ labels: [{ key: "Bad_Prefix/x", value: "x" }] })["labels.0.key"]).toMatch(/DNS subdomain/);
    expect(errors({ labels: [{ key: "team", value: "-web" }] })["labels.0.value"]).toMatch(/start and end/);
    expect(errors({ labels: [{ key: "team", value: "a" }, { key: "team", value: "b" }] })["labels.1.key"]).toBe('Key "team" is used twice.');
    expect(errors({ taints: [{ key: "dedicated", value: "gpu", effect: "NO_SCHEDULE" }] })).toEqual({});
    expect(errors({ taints: [{ key: "", value: "", effect: "NO_SCHEDULE" }] })["taints.0.key"]).toBe("Enter a key.");
    expect(errors({ taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] })["taints.0.effect"]).toBe("Pick an effect.");
    expect(kubernetesKeyProblem("x".repeat(64))).toMatch(/at most 63/);
  });

  it("checks a scaling change the same way", () => {
    const r = scaleNodegroupSchema.safeParse({ ...base, minSize: "4", maxSize: "3", desiredSize: "3" });
    expect(r.success ? null : r.error.issues[0]?.message).toBe("Minimum size cannot be more than the maximum size.");
    expect(scaleNodegroupSchema.parse({ ...base, minSize: "1", maxSize: "4", desiredSize: "3" })).toMatchObject({ minSize: 1, maxSize: 4, desiredSize: 3 });
  });
});
