import { describe, expect, it } from "vitest";
import { createClusterSchema } from "@/lib/ecs/clusters/schema";
import { clusterPrefill, type ClusterSource, type Ec2CapacitySource } from "./prefill";

const cluster: ClusterSource = {
  name: "prod",
  capacityProviders: ["FARGATE", "FARGATE_SPOT", "cp-prod"],
  defaultStrategy: [
    { capacityProvider: "FARGATE", weight: 1, base: 2 },
    { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
    { capacityProvider: "cp-prod", weight: 2, base: 0 },
  ],
  containerInsights: "enhanced",
  tags: [{ key: "env", value: "prod" }, { key: "aws:created-by", value: "x" }],
};
const ec2: Ec2CapacitySource = {
  provider: "cp-prod",
  managedScaling: { status: "ENABLED", targetCapacity: 80 },
  managedTerminationProtection: "ENABLED",
  group: { name: "asg-prod", min: 1, max: 6, desired: 2, subnets: ["subnet-b1", "subnet-b2"], mixedInstances: false },
  launchTemplate: {
    imageId: "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
    instanceType: "t4g.large",
    keyName: "ops",
    instanceProfile: "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole",
  },
};
const networks = [{ id: "vpc-a", subnets: [{ id: "subnet-a1" }] }, { id: "vpc-b", subnets: [{ id: "subnet-b1" }, { id: "subnet-b2" }] }];

describe("clusterPrefill", () => {
  it("copies Fargate and EC2 capacity, strategy, Container Insights and tags", () => {
    const { values, dropped, notes } = clusterPrefill(cluster, [ec2], { networks });
    expect(values).toEqual({
      clusterName: "prod-copy", containerInsights: "enhanced", infrastructure: "both", tags: [{ key: "env", value: "prod" }],
      fargateWeight: "1", fargateBase: "2", spotWeight: "3", spotBase: "0",
      asgMode: "new", minSize: "1", maxSize: "6", desiredCapacity: "2", subnets: ["subnet-b1", "subnet-b2"], vpcId: "vpc-b",
      terminationProtection: "enabled", ec2Weight: "2", ec2Base: "0", targetCapacity: "80",
      amiFamily: "al2023-arm64", instanceType: "t4g.large", keyName: "ops", instanceRoleMode: "existing", instanceProfile: "ecsInstanceRole",
    });
    expect(dropped).toEqual([]);
    expect(notes).toEqual(["The copy gets its own Auto Scaling group and launch template with the settings of asg-prod."]);
  });

  it("gives values the wizard's schema checks, and catches what the original breaks (two bases)", () => {
    const { values } = clusterPrefill(cluster, [ec2], { networks });
    const parsed = createClusterSchema.safeParse({ connectionId: "c", region: "us-east-1", ...values });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toEqual([]);
    const twoBases = clusterPrefill({ ...cluster, defaultStrategy: [...cluster.defaultStrategy.slice(0, 2), { capacityProvider: "cp-prod", weight: 1, base: 1 }] }, [ec2], { networks });
    const refused = createClusterSchema.safeParse({ connectionId: "c", region: "us-east-1", ...twoBases.values });
    expect(refused.success ? [] : refused.error.issues.map((i) => i.path.join("."))).toEqual(["ec2Base"]);
  });

  it("names what a one-group wizard cannot copy", () => {
    const { values, dropped } = clusterPrefill(
      { ...cluster, capacityProviders: ["cp-prod", "cp-other"], defaultStrategy: [] },
      [
        { ...ec2, managedScaling: { status: "DISABLED", targetCapacity: null }, group: { ...ec2.group!, mixedInstances: true }, launchTemplate: { imageId: "ami-0custom", instanceType: "m5.large" } },
        { ...ec2, provider: "cp-other" },
      ],
      { networks },
    );
    expect(values).toMatchObject({ infrastructure: "ec2", instanceType: "m5.large" });
    expect(values).not.toHaveProperty("amiFamily");
    expect(values).not.toHaveProperty("instanceRoleMode");
    expect(dropped).toEqual([
      "capacity provider cp-other (the wizard makes one Auto Scaling group)",
      "managed scaling off (the copy's capacity provider scales the group)",
      "mixed instances policy (the copy uses one instance type)",
      "AMI ami-0custom (the copy uses the ECS-optimized Amazon Linux 2023 AMI)",
    ]);
  });

  it("copies a Fargate-only cluster without touching EC2 settings", () => {
    const { values } = clusterPrefill({ ...cluster, capacityProviders: ["FARGATE"], defaultStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }] }, [], { networks });
    expect(values).toEqual({ clusterName: "prod-copy", containerInsights: "enhanced", infrastructure: "fargate", tags: [{ key: "env", value: "prod" }], fargateWeight: "1", fargateBase: "0", spotWeight: "0", spotBase: "0" });
  });
});
