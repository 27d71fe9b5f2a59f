import { describe, expect, it } from "vitest";
import { createEksClusterSchema, deleteEksClusterSchema, isIpv4Cidr, splitCidrs } from "./schema";

const valid = {
  connectionId: "c1",
  region: "us-east-1",
  clusterName: "prod",
  version: "1.34",
  roleMode: "create",
  vpcId: "vpc-0abc",
  subnets: ["subnet-0a", "subnet-0b"],
  subnetZones: ["us-east-1a", "us-east-1b"],
  endpointAccess: "public",
  publicAccessCidrs: "0.0.0.0/0",
};

const errorsOf = (input: Record<string, unknown>) => {
  const r = createEksClusterSchema.safeParse({ ...valid, ...input });
  const out: Record<string, string> = {};
  // The first rule broken per field, as the form shows it.
  if (!r.success) for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("createEksClusterSchema", () => {
  it("accepts the console's defaults", () => {
    const r = createEksClusterSchema.parse(valid);
    expect(r.logTypes).toEqual([]);
    expect(r.encryption).toBe("off");
    expect(r.supportType).toBe("STANDARD");
    expect(r.securityGroups).toEqual([]);
  });

  it("checks names as EKS does", () => {
    expect(errorsOf({ clusterName: "" }).clusterName).toBe("Enter a cluster name.");
    expect(errorsOf({ clusterName: "-prod" }).clusterName).toBe("Start the name with a letter or digit.");
    expect(errorsOf({ clusterName: "has space" }).clusterName).toMatch(/no spaces/);
    expect(errorsOf({ clusterName: "a.b" }).clusterName).toMatch(/no spaces/);
    expect(errorsOf({ clusterName: "x".repeat(101) }).clusterName).toBe("EKS cluster names are at most 100 characters.");
    expect(errorsOf({ clusterName: `9${"x".repeat(99)}` })).toEqual({});
    expect(errorsOf({ clusterName: "a_b-C1" })).toEqual({});
  });

  it("needs two subnets in two Availability Zones", () => {
    expect(errorsOf({ subnets: ["subnet-0a"], subnetZones: ["us-east-1a"] }).subnets).toBe("Pick at least two subnets, in at least two Availability Zones.");
    expect(errorsOf({ subnetZones: ["us-east-1a", "us-east-1a"] }).subnets).toBe("The subnets must be in at least two Availability Zones; these are all in one.");
  });

  it("validates the public access CIDRs unless the endpoint is private", () => {
    expect(errorsOf({ publicAccessCidrs: "10.0.0.0/33" }).publicAccessCidrs).toBe("10.0.0.0/33 is not a CIDR block such as 203.0.113.0/24.");
    expect(errorsOf({ publicAccessCidrs: "203.0.113.0/24, 300.1.1.1/32" }).publicAccessCidrs).toMatch(/^300\.1\.1\.1\/32 is not/);
    expect(errorsOf({ publicAccessCidrs: "203.0.113.7" }).publicAccessCidrs).toMatch(/is not a CIDR/);
    expect(errorsOf({ publicAccessCidrs: "" }).publicAccessCidrs).toMatch(/at least one CIDR/);
    expect(errorsOf({ publicAccessCidrs: Array.from({ length: 41 }, (_, i) => `10.${i}.0.0/16`).join("\n") }).publicAccessCidrs).toMatch(/at most 40/);
    expect(errorsOf({ endpointAccess: "private", publicAccessCidrs: "nonsense" })).toEqual({});
    expect(errorsOf({ endpointAccess: "both", publicAccessCidrs: "203.0.113.0/24\n198.51.100.0/24" })).toEqual({});
  });

  it("requires an existing role's ARN only when picking one", () => {
    expect(errorsOf({ roleMode: "existing" }).roleArn).toBe("Pick a cluster IAM role.");
    expect(errorsOf({ roleMode: "existing", roleArn: "arn:aws:iam::123456789012:role/eksClusterRole" })).toEqual({});
  });

  it("checks the KMS key ARN and its region when encryption is on", () => {
    expect(errorsOf({ encryption: "on", kmsKeyArn: "my-key" }).kmsKeyArn).toMatch(/^Enter a KMS key ARN/);
    expect(errorsOf({ encryption: "on", kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" }).kmsKeyArn).toBe(
      "The KMS key must be in the cluster's region (us-east-1).",
    );
    expect(errorsOf({ encryption: "on", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" })).toEqual({});
    expect(errorsOf({ encryption: "off", kmsKeyArn: "whatever" })).toEqual({});
  });

  it("accepts only the five control plane log types", () => {
    expect(errorsOf({ logTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] })).toEqual({});
    expect(Object.keys(errorsOf({ logTypes: ["kubelet"] }))).toEqual(["logTypes.0"]);
  });
});

describe("cidr helpers", () => {
  it("splits on commas and new lines and checks octets and prefixes", () => {
    expect(splitCidrs(" 10.0.0.0/8,\n192.168.0.0/16 ")).toEqual(["10.0.0.0/8", "192.168.0.0/16"]);
    expect(isIpv4Cidr("0.0.0.0/0")).toBe(true);
    expect(isIpv4Cidr("256.0.0.0/8")).toBe(false);
    expect(isIpv4Cidr("10.0.0.0/")).toBe(false);
  });
});

describe("deleteEksClusterSchema", () => {
  it("identifies the cluster; the typed name is checked by the confirm (reviewedPlan's typed)", () => {
    const base = { connectionId: "c1", region: "us-east-1", clusterName: "prod" };
    expect(deleteEksClusterSchema.safeParse(base).success).toBe(true);
    expect(deleteEksClusterSchema.safeParse({ ...base, clusterName: "-prod" }).success).toBe(false);
  });
});
