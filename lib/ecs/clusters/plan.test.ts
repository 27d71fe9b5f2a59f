import { describe, expect, it } from "vitest";
import { createClusterSchema } from "@/lib/ecs/clusters/schema";
import { buildCreateClusterPlan } from "./plan";
import { refsIn } from "@/lib/core/plans/refs";

const valid = { connectionId: "c1", region: "us-east-1", clusterName: "web-prod_1" };

describe("create cluster validation", () => {
  it.each([
    ["", "Enter a cluster name."],
    ["has space", "Use only letters"],
    ["dots.not.allowed", "Use only letters"],
    ["x".repeat(256), "at most 255"],
  ])("rejects %j", (clusterName, message) => {
    const result = createClusterSchema.safeParse({ ...valid, clusterName });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["clusterName"]);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("accepts 255 characters and applies console defaults", () => {
    const parsed = createClusterSchema.parse({ ...valid, clusterName: "a".repeat(255) });
    expect(parsed).toMatchObject({ containerInsights: "disabled", fargateWeight: 1, spotWeight: 0, tags: [] });
  });

  it("needs a weight above zero and a base on only one provider", () => {
    const none = createClusterSchema.safeParse({ ...valid, fargateWeight: "0", spotWeight: "0" });
    expect(none.error?.issues[0]?.path).toEqual(["fargateWeight"]);
    const twoBases = createClusterSchema.safeParse({ ...valid, fargateBase: "1", spotBase: "2", spotWeight: "1" });
    expect(twoBases.error?.issues[0]?.path).toEqual(["spotBase"]);
  });

  it("rejects reserved and duplicate tag keys", () => {
    const result = createClusterSchema.safeParse({ ...valid, tags: [{ key: "aws:x", value: "" }, { key: "a", value: "" }, { key: "a", value: "" }] });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["tags", 0, "key"], ["tags", 2, "key"]]);
  });
});

describe("buildCreateClusterPlan", () => {
  const plan = buildCreateClusterPlan(
    createClusterSchema.parse({ ...valid, containerInsights: "enhanced", fargateWeight: "1", fargateBase: "2", spotWeight: "3", tags: [{ key: "team", value: "ops" }] }),
  );

  it("creates the cluster, then attaches capacity providers referencing its ARN", () => {
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["ecs:CreateCluster", "ecs:PutClusterCapacityProviders"]);
    expect(plan.steps[0]!.input).toEqual({
      clusterName: "web-prod_1",
      settings: [{ name: "containerInsights", value: "enhanced" }],
      tags: [{ key: "team", value: "ops" }],
    });
    expect(plan.steps[1]!.input.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: "FARGATE", weight: 1, base: 2 },
      { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
    ]);
    expect(refsIn(plan.steps[1]!.input)).toEqual(["cluster"]);
  });

  it("leaves unused providers out of the strategy and knows its inverse", () => {
    const simple = buildCreateClusterPlan(createClusterSchema.parse(valid));
    expect(simple.steps[1]!.input.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: "FARGATE", weight: 1, base: 0 }]);
    expect(simple.steps[0]!.inverse?.operation).toBe("DeleteCluster");
    expect(simple.resources).toEqual(["ecs:cluster/web-prod_1"]);
  });
});

describe("EC2 capacity", () => {
  const ec2 = {
    ...valid,
    infrastructure: "both",
    instanceType: "m5.large",
    keyName: "ops",
    minSize: "1",
    maxSize: "4",
    desiredCapacity: "2",
    subnets: ["subnet-0a1", "subnet-0b2"],
    targetCapacity: "80",
    ec2Weight: "2",
    ec2Base: "1",
    fargateWeight: "1",
  };

  it("checks min, max, desired, subnets, target capacity and the AMI's architecture", () => {
    const paths = (v: object) => createClusterSchema.safeParse({ ...ec2, ...v }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(paths({ minSize: "5" })).toEqual([["minSize", "Minimum cannot be more than maximum."]]);
    expect(paths({ desiredCapacity: "9" })).toEqual([["desiredCapacity", "Desired capacity must be between minimum (1) and maximum (4)."]]);
    expect(paths({ subnets: [] })).toEqual([["subnets", "Pick at least one subnet for the instances."]]);
    expect(paths({ targetCapacity: "0" })?.[0]?.[0]).toBe("targetCapacity");
    expect(paths({ targetCapacity: "101" })?.[0]?.[0]).toBe("targetCapacity");
    expect(paths({ amiFamily: "al2023-arm64" })?.[0]?.[1]).toContain("Graviton");
    expect(paths({ instanceType: "t4g.small" })?.[0]?.[1]).toContain("arm64");
    expect(paths({ instanceType: "big" })?.[0]?.[0]).toBe("instanceType");
    expect(paths({ fargateBase: "1" })).toEqual([["ec2Base", "Only one capacity provider can have a base; set the others to 0."]]);
    expect(paths({ asgMode: "existing" })).toEqual([["existingAsgArn", "Pick an Auto Scaling group."]]);
    expect(paths({ instanceRoleMode: "existing" })).toEqual([["instanceProfile", "Pick an instance profile."]]);
    // Fargate-only ignores the EC2 fields entirely.
    expect(paths({ infrastructure: "fargate", subnets: [], minSize: "9" })).toBeUndefined();
  });

  const plan = buildCreateClusterPlan(createClusterSchema.parse(ec2));

  it("creates role, profile, launch template, group, capacity provider, cluster, then attaches them in order", () => {
    expect(plan.steps.map((s) => s.operation)).toEqual([
      "CreateRole", "AttachRolePolicy", "CreateInstanceProfile", "AddRoleToInstanceProfile",
      "CreateLaunchTemplate", "CreateAutoScalingGroup", "DescribeAutoScalingGroups",
      "CreateCapacityProvider", "CreateCluster", "PutClusterCapacityProviders",
    ]);
    const byOp = (op: string) => plan.steps.find((s) => s.operation === op)!;
    expect(byOp("CreateRole").input.AssumeRolePolicyDocument).toContain("ec2.amazonaws.com");
    expect(byOp("AttachRolePolicy").input.PolicyArn).toBe("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role");
    const lt = byOp("CreateLaunchTemplate").input as { LaunchTemplateData: Record<string, unknown> };
    expect(lt.LaunchTemplateData).toMatchObject({
      ImageId: "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
      InstanceType: "m5.large",
      KeyName: "ops",
      IamInstanceProfile: { Name: "ecsInstanceRole" },
    });
    expect(Buffer.from(lt.LaunchTemplateData.UserData as string, "base64").toString()).toContain("ECS_CLUSTER=web-prod_1");
    expect(byOp("CreateAutoScalingGroup").input).toMatchObject({
      AutoScalingGroupName: "asg-web-prod_1", MinSize: 1, MaxSize: 4, DesiredCapacity: 2,
      VPCZoneIdentifier: "subnet-0a1,subnet-0b2", NewInstancesProtectedFromScaleIn: true,
      LaunchTemplate: { LaunchTemplateId: { $ref: "launchTemplate.id" }, Version: "$Latest" },
    });
    expect(byOp("CreateCapacityProvider").input).toEqual({
      name: "cp-web-prod_1",
      autoScalingGroupProvider: {
        autoScalingGroupArn: { $ref: "asgArn.arn" },
        managedScaling: { status: "ENABLED", targetCapacity: 80 },
        managedTerminationProtection: "ENABLED",
      },
    });
    expect(byOp("PutClusterCapacityProviders").input).toMatchObject({
      capacityProviders: ["FARGATE", "FARGATE_SPOT", "cp-web-prod_1"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: 1, base: 0 },
        { capacityProvider: "cp-web-prod_1", weight: 2, base: 1 },
      ],
    });
  });

  it("gives every creating step an inverse, so cleanup removes the pieces", () => {
    const inverses = plan.steps.filter((s) => s.inverse).map((s) => s.inverse!.operation);
    expect(inverses).toEqual([
      "DeleteRole", "DetachRolePolicy", "DeleteInstanceProfile", "RemoveRoleFromInstanceProfile",
      "DeleteLaunchTemplate", "DeleteAutoScalingGroup", "DeleteCapacityProvider", "DeleteCluster",
    ]);
    expect(plan.steps.find((s) => s.operation === "CreateAutoScalingGroup")!.inverse!.input).toEqual({ AutoScalingGroupName: "asg-web-prod_1", ForceDelete: true });
    expect(plan.resources).toEqual(["ecs:cluster/web-prod_1", "ecs:capacity-provider/cp-web-prod_1", "autoscaling:group/asg-web-prod_1", "ec2:launch-template/lt-web-prod_1"]);
  });

  it("registers an existing group and an existing profile without creating them", () => {
    const existing = buildCreateClusterPlan(createClusterSchema.parse({ ...ec2, infrastructure: "ec2", asgMode: "existing", existingAsgArn: "arn:aws:autoscaling:us-east-1:123:autoScalingGroup:x:autoScalingGroupName/old" }));
    expect(existing.steps.map((s) => s.operation)).toEqual(["CreateCapacityProvider", "CreateCluster", "PutClusterCapacityProviders"]);
    expect(existing.steps[2]!.input.capacityProviders).toEqual(["cp-web-prod_1"]);
    const profile = buildCreateClusterPlan(createClusterSchema.parse({ ...ec2, instanceRoleMode: "existing", instanceProfile: "myProfile" }));
    expect(profile.steps[0]!.operation).toBe("CreateLaunchTemplate");
    expect((profile.steps[0]!.input.LaunchTemplateData as { IamInstanceProfile: unknown }).IamInstanceProfile).toEqual({ Name: "myProfile" });
  });
});
