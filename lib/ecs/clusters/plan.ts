import type { CreateClusterInput } from "@/lib/ecs/clusters/schema";
import { trustPolicy } from "@/lib/iam/roles";
import type { PlanRef, PlanStep, Plan } from "@/lib/core/plans/types";

/** AWS's public SSM parameters for the recommended ECS-optimized AMIs; launch templates resolve them at launch. */
export const ECS_AMI_PARAMETERS: Record<CreateClusterInput["amiFamily"], string> = {
  "al2023-x86_64": "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
  "al2023-arm64": "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
};

export const ECS_INSTANCE_ROLE = {
  name: "ecsInstanceRole",
  policyArn: "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
};

/** Names derived from the cluster's, cut to each API's limit (launch templates: 128). */
export function ec2Names(clusterName: string) {
  return {
    capacityProvider: `cp-${clusterName}`.slice(0, 255),
    autoScalingGroup: `asg-${clusterName}`.slice(0, 255),
    launchTemplate: `lt-${clusterName}`.slice(0, 128),
  };
}

/** The ECS agent reads the cluster to join from /etc/ecs/ecs.config. */
export function userData(clusterName: string): string {
  return Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${clusterName} >> /etc/ecs/ecs.config\n`).toString("base64");
}

function instanceRoleSteps(): PlanStep[] {
  const { name, policyArn } = ECS_INSTANCE_ROLE;
  return [
    {
      key: "instanceRole",
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${name} for the container instances`,
      input: { RoleName: name, AssumeRolePolicyDocument: trustPolicy("ec2.amazonaws.com"), Description: "Lets the ECS agent on EC2 instances register with clusters." },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${name}`, input: { RoleName: name } },
    },
    {
      key: "instanceRolePolicy",
      service: "iam",
      operation: "AttachRolePolicy",
      description: `Attach AmazonEC2ContainerServiceforEC2Role to ${name}`,
      dependsOn: ["instanceRole"],
      input: { RoleName: name, PolicyArn: policyArn },
      inverse: { service: "iam", operation: "DetachRolePolicy", description: `Detach AmazonEC2ContainerServiceforEC2Role from ${name}`, input: { RoleName: name, PolicyArn: policyArn } },
    },
    {
      key: "instanceProfile",
      service: "iam",
      operation: "CreateInstanceProfile",
      description: `Create instance profile ${name}`,
      input: { InstanceProfileName: name },
      produces: { arn: "InstanceProfile.Arn" },
      inverse: { service: "iam", operation: "DeleteInstanceProfile", description: `Delete instance profile ${name}`, input: { InstanceProfileName: name } },
    },
    {
      key: "instanceProfileRole",
      service: "iam",
      operation: "AddRoleToInstanceProfile",
      description: `Add ${name} to instance profile ${name}`,
      dependsOn: ["instanceRole", "instanceProfile"],
      input: { InstanceProfileName: name, RoleName: name },
      inverse: { service: "iam", operation: "RemoveRoleFromInstanceProfile", description: `Remove ${name} from instance profile ${name}`, input: { InstanceProfileName: name, RoleName: name } },
    },
  ];
}

function newAsgSteps(input: CreateClusterInput): PlanStep[] {
  const names = ec2Names(input.clusterName);
  const profile = input.instanceRoleMode === "create" ? ECS_INSTANCE_ROLE.name : input.instanceProfile;
  return [
    ...(input.instanceRoleMode === "create" ? instanceRoleSteps() : []),
    {
      key: "launchTemplate",
      service: "ec2",
      operation: "CreateLaunchTemplate",
      description: `Create launch template ${names.launchTemplate} (${input.amiFamily}, ${input.instanceType})`,
      dependsOn: input.instanceRoleMode === "create" ? ["instanceProfileRole"] : undefined,
      input: {
        LaunchTemplateName: names.launchTemplate,
        LaunchTemplateData: {
          ImageId: ECS_AMI_PARAMETERS[input.amiFamily],
          InstanceType: input.instanceType,
          IamInstanceProfile: { Name: profile },
          UserData: userData(input.clusterName),
          ...(input.keyName ? { KeyName: input.keyName } : {}),
        },
      },
      produces: { id: "LaunchTemplate.LaunchTemplateId" },
      inverse: { service: "ec2", operation: "DeleteLaunchTemplate", description: `Delete launch template ${names.launchTemplate}`, input: { LaunchTemplateId: { $ref: "launchTemplate.id" } } },
    },
    {
      key: "asg",
      service: "autoscaling",
      operation: "CreateAutoScalingGroup",
      description: `Create Auto Scaling group ${names.autoScalingGroup} (min ${input.minSize}, max ${input.maxSize}, desired ${input.desiredCapacity})`,
      dependsOn: ["launchTemplate"],
      input: {
        AutoScalingGroupName: names.autoScalingGroup,
        LaunchTemplate: { LaunchTemplateId: { $ref: "launchTemplate.id" }, Version: "$Latest" },
        MinSize: input.minSize,
        MaxSize: input.maxSize,
        DesiredCapacity: input.desiredCapacity,
        VPCZoneIdentifier: input.subnets.join(","),
        // Managed termination protection only works when instances start protected from scale-in.
        NewInstancesProtectedFromScaleIn: input.terminationProtection === "enabled",
      },
      inverse: {
        service: "autoscaling",
        operation: "DeleteAutoScalingGroup",
        description: `Delete Auto Scaling group ${names.autoScalingGroup} and its instances`,
        input: { AutoScalingGroupName: names.autoScalingGroup, ForceDelete: true },
      },
    },
    {
      // CreateAutoScalingGroup answers with nothing; the capacity provider needs the group's ARN.
      key: "asgArn",
      service: "autoscaling",
      operation: "DescribeAutoScalingGroups",
      description: `Read the ARN of ${names.autoScalingGroup}`,
      dependsOn: ["asg"],
      input: { AutoScalingGroupNames: [names.autoScalingGroup] },
      produces: { arn: "AutoScalingGroups.0.AutoScalingGroupARN" },
    },
  ];
}

function ec2Steps(input: CreateClusterInput): PlanStep[] {
  const names = ec2Names(input.clusterName);
  const asgArn: PlanRef | string = input.asgMode === "new" ? { $ref: "asgArn.arn" } : input.existingAsgArn;
  const managed = input.terminationProtection === "enabled";
  return [
    ...(input.asgMode === "new" ? newAsgSteps(input) : []),
    {
      key: "capacityProvider",
      service: "ecs",
      operation: "CreateCapacityProvider",
      description: `Create capacity provider ${names.capacityProvider} with managed scaling at ${input.targetCapacity}%`,
      dependsOn: input.asgMode === "new" ? ["asgArn"] : undefined,
      input: {
        name: names.capacityProvider,
        autoScalingGroupProvider: {
          autoScalingGroupArn: asgArn,
          managedScaling: { status: "ENABLED", targetCapacity: input.targetCapacity },
          managedTerminationProtection: managed ? "ENABLED" : "DISABLED",
        },
      },
      produces: { name: "capacityProvider.name" },
      inverse: { service: "ecs", operation: "DeleteCapacityProvider", description: `Delete capacity provider ${names.capacityProvider}`, input: { capacityProvider: names.capacityProvider } },
    },
  ];
}

/**
 * ECS cluster as the console builds it: for EC2 capacity, the instance role and
 * profile, launch template, Auto Scaling group and capacity provider first; then
 * the cluster (settings, tags); then its capacity providers and default strategy.
 * Each creating step carries its inverse, so a failure part-way leaves a cleanup
 * plan that removes what was made, newest first.
 */
export function buildCreateClusterPlan(input: CreateClusterInput): Plan {
  const fargate = input.infrastructure !== "ec2";
  const ec2 = input.infrastructure !== "fargate";
  const names = ec2Names(input.clusterName);
  const providers = [...(fargate ? ["FARGATE", "FARGATE_SPOT"] : []), ...(ec2 ? [names.capacityProvider] : [])];
  const strategy = [
    ...(fargate
      ? [
          { capacityProvider: "FARGATE", weight: input.fargateWeight, base: input.fargateBase },
          { capacityProvider: "FARGATE_SPOT", weight: input.spotWeight, base: input.spotBase },
        ]
      : []),
    ...(ec2 ? [{ capacityProvider: names.capacityProvider, weight: input.ec2Weight, base: input.ec2Base }] : []),
  ].filter((s) => s.weight > 0 || s.base > 0);

  const resources = [`ecs:cluster/${input.clusterName}`];
  if (ec2) resources.push(`ecs:capacity-provider/${names.capacityProvider}`);
  if (ec2 && input.asgMode === "new") resources.push(`autoscaling:group/${names.autoScalingGroup}`, `ec2:launch-template/${names.launchTemplate}`);

  return {
    version: 1,
    wizard: "ecs-cluster",
    title: `Create ECS cluster ${input.clusterName}`,
    resources,
    landing: `/ecs/clusters/${encodeURIComponent(input.clusterName)}`,
    steps: [
      ...(ec2 ? ec2Steps(input) : []),
      {
        key: "cluster",
        service: "ecs",
        operation: "CreateCluster",
        description: `Create cluster ${input.clusterName}`,
        input: {
          clusterName: input.clusterName,
          settings: [{ name: "containerInsights", value: input.containerInsights }],
          ...(input.tags.length > 0 ? { tags: input.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
        },
        produces: { clusterArn: "cluster.clusterArn" },
        inverse: {
          service: "ecs",
          operation: "DeleteCluster",
          description: `Delete cluster ${input.clusterName}`,
          input: { cluster: { $ref: "cluster.clusterArn" } },
        },
      },
      {
        key: "capacity",
        service: "ecs",
        operation: "PutClusterCapacityProviders",
        description: `Attach ${providers.join(", ")} with the default strategy`,
        dependsOn: ec2 ? ["cluster", "capacityProvider"] : ["cluster"],
        input: {
          cluster: { $ref: "cluster.clusterArn" },
          capacityProviders: providers,
          defaultCapacityProviderStrategy: strategy,
        },
      },
    ],
  };
}
