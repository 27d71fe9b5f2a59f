import { trustPolicy } from "@/lib/iam/roles";
import type { Plan, PlanRef, PlanStep } from "@/lib/core/plans/types";
import { AL2023_PARAMETERS } from "./instance-types";
import { ECR_READ_POLICY, LOGS_POLICY_NAME, SSM_CORE_POLICY, TAG, hostNames } from "./names";
import type { CreateHostInput, HostOperationInput, ReplaceContainerInput } from "./schema";
import { encodeUserData, renderUserData, replaceContainerCommands, type ContainerSpec } from "./user-data";

const hostsPage = "/ec2/hosts";
const hostPage = (instanceId: string) => `${hostsPage}/${instanceId}`;

/** What the awslogs driver needs of the instance's role: write streams of this one group. */
export function logsPolicy(region: string, logGroup: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `arn:aws:logs:${region}:*:log-group:${logGroup}:*` }],
  });
}

export function containerSpecOf(input: CreateHostInput): ContainerSpec {
  return {
    name: input.hostName,
    image: input.image,
    hostPort: input.hostPort,
    containerPort: input.containerPort,
    environment: input.environment,
    restartPolicy: input.restartPolicy,
    logGroup: hostNames(input.hostName).logGroup,
    region: input.region,
  };
}

function roleSteps(input: CreateHostInput): PlanStep[] {
  const { role, instanceProfile, logGroup } = hostNames(input.hostName);
  const attach = (key: string, policyArn: string, label: string): PlanStep => ({
    key,
    service: "iam",
    operation: "AttachRolePolicy",
    description: `Attach ${label} to ${role}`,
    dependsOn: ["role"],
    input: { RoleName: role, PolicyArn: policyArn },
    inverse: { service: "iam", operation: "DetachRolePolicy", description: `Detach ${label} from ${role}`, input: { RoleName: role, PolicyArn: policyArn } },
  });
  return [
    {
      key: "role",
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${role} for the host`,
      input: { RoleName: role, AssumeRolePolicyDocument: trustPolicy("ec2.amazonaws.com"), Description: `Portside EC2 Docker host ${input.hostName}: Session Manager, ECR pulls, container logs.` },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${role}`, input: { RoleName: role } },
    },
    attach("ssmPolicy", SSM_CORE_POLICY, "AmazonSSMManagedInstanceCore (Session Manager, Run Command)"),
    attach("ecrPolicy", ECR_READ_POLICY, "AmazonEC2ContainerRegistryReadOnly (pull ECR images)"),
    {
      key: "logsPolicy",
      service: "iam",
      operation: "PutRolePolicy",
      description: `Allow ${role} to write container logs to ${logGroup}`,
      dependsOn: ["role"],
      input: { RoleName: role, PolicyName: LOGS_POLICY_NAME, PolicyDocument: logsPolicy(input.region, logGroup) },
      inverse: { service: "iam", operation: "DeleteRolePolicy", description: `Remove ${LOGS_POLICY_NAME} from ${role}`, input: { RoleName: role, PolicyName: LOGS_POLICY_NAME } },
    },
    {
      key: "profile",
      service: "iam",
      operation: "CreateInstanceProfile",
      description: `Create instance profile ${instanceProfile}`,
      input: { InstanceProfileName: instanceProfile },
      produces: { arn: "InstanceProfile.Arn" },
      inverse: { service: "iam", operation: "DeleteInstanceProfile", description: `Delete instance profile ${instanceProfile}`, input: { InstanceProfileName: instanceProfile } },
    },
    {
      key: "profileRole",
      service: "iam",
      operation: "AddRoleToInstanceProfile",
      description: `Add ${role} to instance profile ${instanceProfile}`,
      dependsOn: ["role", "profile"],
      input: { InstanceProfileName: instanceProfile, RoleName: role },
      inverse: { service: "iam", operation: "RemoveRoleFromInstanceProfile", description: `Remove ${role} from ${instanceProfile}`, input: { InstanceProfileName: instanceProfile, RoleName: role } },
    },
  ];
}

function securityGroupSteps(input: CreateHostInput): PlanStep[] {
  const { securityGroup } = hostNames(input.hostName);
  const permission = { IpProtocol: "tcp", FromPort: input.hostPort, ToPort: input.hostPort, IpRanges: [{ CidrIp: input.sourceCidr, Description: `Container port of ${input.hostName}` }] };
  return [
    {
      key: "securityGroup",
      service: "ec2",
      operation: "CreateSecurityGroup",
      description: `Create security group ${securityGroup} in ${input.vpcId}`,
      input: {
        GroupName: securityGroup,
        Description: `Portside EC2 Docker host ${input.hostName}`,
        VpcId: input.vpcId,
        TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: TAG.managed, Value: "true" }, { Key: TAG.host, Value: input.hostName }] }],
      },
      produces: { groupId: "GroupId" },
      inverse: { service: "ec2", operation: "DeleteSecurityGroup", description: `Delete security group ${securityGroup}`, input: { GroupId: { $ref: "securityGroup.groupId" } } },
    },
    {
      key: "ingress",
      service: "ec2",
      operation: "AuthorizeSecurityGroupIngress",
      description: `Open TCP ${input.hostPort} to ${input.sourceCidr}`,
      dependsOn: ["securityGroup"],
      input: { GroupId: { $ref: "securityGroup.groupId" }, IpPermissions: [permission] },
      inverse: { service: "ec2", operation: "RevokeSecurityGroupIngress", description: `Close TCP ${input.hostPort} to ${input.sourceCidr}`, input: { GroupId: { $ref: "securityGroup.groupId" }, IpPermissions: [permission] } },
    },
  ];
}

/**
 * One EC2 instance running one container: a log group for the awslogs driver, a role and instance
 * profile (Session Manager, ECR pulls, the log group), a security group with the container's port
 * open to the chosen source (or the one picked), then RunInstances with user data that installs
 * Docker and runs the container. `amiId` is what the public AL2023 parameter held when read.
 */
export function buildCreateHostPlan(input: CreateHostInput, amiId: string, envHash: string): Plan {
  const names = hostNames(input.hostName);
  const spec = containerSpecOf(input);
  const creatingGroup = input.securityGroupMode === "create";
  const groupId: PlanRef | string = creatingGroup ? { $ref: "securityGroup.groupId" } : input.securityGroupId;
  const tags = [
    { Key: "Name", Value: input.hostName },
    { Key: TAG.managed, Value: "true" },
    { Key: TAG.host, Value: input.hostName },
    { Key: TAG.image, Value: input.image },
    { Key: TAG.ports, Value: `${input.hostPort}:${input.containerPort}` },
    { Key: TAG.restart, Value: input.restartPolicy },
    { Key: TAG.envHash, Value: envHash },
    { Key: TAG.logGroup, Value: names.logGroup },
    { Key: TAG.role, Value: names.role },
    ...(creatingGroup ? [{ Key: TAG.securityGroup, Value: groupId }] : []),
  ];
  return {
    version: 1,
    wizard: "ec2-host",
    title: `Launch EC2 Docker host ${input.hostName} (${input.image})`,
    resources: [`ec2:host/${input.hostName}`],
    landing: hostsPage,
    steps: [
      {
        key: "logGroup",
        service: "logs",
        operation: "CreateLogGroup",
        description: `Create log group ${names.logGroup} for the container's logs`,
        input: { logGroupName: names.logGroup, tags: { [TAG.managed]: "true", [TAG.host]: input.hostName } },
        inverse: { service: "logs", operation: "DeleteLogGroup", description: `Delete log group ${names.logGroup}`, input: { logGroupName: names.logGroup } },
      },
      ...roleSteps(input),
      ...(creatingGroup ? securityGroupSteps(input) : []),
      {
        key: "instance",
        service: "ec2",
        operation: "RunInstances",
        description: `Launch ${input.instanceType} (${input.architecture}, ${amiId} from ${AL2023_PARAMETERS[input.architecture]}) running ${input.image}`,
        dependsOn: ["logGroup", "profileRole", "logsPolicy", "ssmPolicy", "ecrPolicy", ...(creatingGroup ? ["ingress"] : [])],
        input: {
          ImageId: amiId,
          InstanceType: input.instanceType,
          MinCount: 1,
          MaxCount: 1,
          ...(input.keyName ? { KeyName: input.keyName } : {}),
          IamInstanceProfile: { Name: names.instanceProfile },
          NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: input.subnetId, AssociatePublicIpAddress: input.publicIp, Groups: [groupId], DeleteOnTermination: true }],
          BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: input.volumeSize, VolumeType: "gp3", DeleteOnTermination: true, Encrypted: true } }],
          // IMDSv2 only, the console's default for Amazon Linux 2023.
          MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
          UserData: encodeUserData(renderUserData(spec)),
          TagSpecifications: [
            { ResourceType: "instance", Tags: tags },
            { ResourceType: "volume", Tags: [{ Key: "Name", Value: input.hostName }, { Key: TAG.managed, Value: "true" }] },
          ],
        },
        produces: { instanceId: "Instances.0.InstanceId" },
        // IAM is eventually consistent: for ~10 s after CreateInstanceProfile, EC2 answers
        // InvalidParameterValue "Invalid IAM Instance Profile name". Up to ~40 s of retries.
        retryOn: {
          codes: ["InvalidParameterValue"],
          messageIncludes: "Invalid IAM Instance Profile",
          attempts: 8,
          firstDelayMs: 1000,
          maxDelayMs: 8000,
          why: "a new instance profile reaches EC2 about 10 s after IAM creates it",
        },
        waitFor: {
          service: "ec2",
          operation: "DescribeInstances",
          input: { InstanceIds: [{ $ref: "instance.instanceId" }] },
          path: "Reservations.0.Instances.0.State.Name",
          success: ["running"],
          failure: ["shutting-down", "terminated", "stopped"],
          description: `instance of ${input.hostName} to be running`,
          intervalMs: 2000,
          timeoutMs: 10 * 60_000,
        },
        inverse: { service: "ec2", operation: "TerminateInstances", description: `Terminate the instance of ${input.hostName}`, input: { InstanceIds: [{ $ref: "instance.instanceId" }] } },
      },
    ],
  };
}

/** What the hosts page knows of a host when it plans an operation on it (from its tags). */
export type HostFacts = { instanceId: string; name: string; portsideRole?: string; createdSecurityGroup?: string; logGroup?: string };

const STATE_CHANGE = {
  stop: { operation: "StopInstances", verb: "Stop", wait: ["stopped"] },
  start: { operation: "StartInstances", verb: "Start", wait: ["running"] },
  reboot: { operation: "RebootInstances", verb: "Reboot", wait: null },
  terminate: { operation: "TerminateInstances", verb: "Terminate", wait: ["terminated"] },
} as const;

function cleanupAfterTerminate(host: HostFacts): PlanStep[] {
  const steps: PlanStep[] = [];
  const after = (key: string) => (steps.length ? [steps[steps.length - 1]!.key] : [key]);
  if (host.createdSecurityGroup) {
    steps.push({ key: "securityGroup", service: "ec2", operation: "DeleteSecurityGroup", description: `Delete security group ${host.createdSecurityGroup} Portside created for ${host.name}`, dependsOn: after("instance"), input: { GroupId: host.createdSecurityGroup } });
  }
  if (host.portsideRole) {
    const role = host.portsideRole;
    const iam = (key: string, operation: string, description: string, input: Record<string, unknown>) =>
      steps.push({ key, service: "iam", operation, description, dependsOn: after("instance"), input });
    iam("profileRole", "RemoveRoleFromInstanceProfile", `Remove ${role} from instance profile ${role}`, { InstanceProfileName: role, RoleName: role });
    iam("profile", "DeleteInstanceProfile", `Delete instance profile ${role}`, { InstanceProfileName: role });
    iam("ssmPolicy", "DetachRolePolicy", `Detach AmazonSSMManagedInstanceCore from ${role}`, { RoleName: role, PolicyArn: SSM_CORE_POLICY });
    iam("ecrPolicy", "DetachRolePolicy", `Detach AmazonEC2ContainerRegistryReadOnly from ${role}`, { RoleName: role, PolicyArn: ECR_READ_POLICY });
    iam("logsPolicy", "DeleteRolePolicy", `Remove ${LOGS_POLICY_NAME} from ${role}`, { RoleName: role, PolicyName: LOGS_POLICY_NAME });
    iam("role", "DeleteRole", `Delete IAM role ${role}`, { RoleName: role });
  }
  if (host.logGroup) {
    steps.push({ key: "logGroup", service: "logs", operation: "DeleteLogGroup", description: `Delete log group ${host.logGroup} and the container's logs`, dependsOn: after("instance"), input: { logGroupName: host.logGroup } });
  }
  return steps;
}

/**
 * Stop, start, reboot or terminate the host's instance, waiting for the state it ends in.
 * Terminate also deletes what Portside created for the host (security group, role and instance
 * profile, log group), once the instance is gone and no longer holds them.
 */
export function buildHostOperationPlan(input: HostOperationInput, host: HostFacts): Plan {
  const change = STATE_CHANGE[input.operation];
  const ids = [input.instanceId];
  return {
    version: 1,
    wizard: `ec2-host-${input.operation}`,
    title: `${change.verb} EC2 Docker host ${host.name} (${input.instanceId})`,
    resources: [`ec2:host/${host.name}`, `ec2:instance/${input.instanceId}`],
    landing: input.operation === "terminate" ? hostsPage : hostPage(input.instanceId),
    steps: [
      {
        key: "instance",
        service: "ec2",
        operation: change.operation,
        description: `${change.verb} instance ${input.instanceId} (${host.name})`,
        input: { InstanceIds: ids },
        ...(change.wait
          ? {
              waitFor: {
                service: "ec2",
                operation: "DescribeInstances",
                input: { InstanceIds: ids },
                path: "Reservations.0.Instances.0.State.Name",
                success: [...change.wait],
                description: `instance ${input.instanceId} to be ${change.wait[0]}`,
                intervalMs: 2000,
                timeoutMs: 15 * 60_000,
              },
            }
          : {}),
      },
      ...(input.operation === "terminate" ? cleanupAfterTerminate(host) : []),
    ],
  };
}

/**
 * Replace container: SSM Run Command (AWS-RunShellScript) pulls the image and runs the container
 * again with the new image and environment, waited for until the invocation ends; the image and
 * env-hash tags follow (the run itself, in the history, records the full spec and who ran it),
 * and a last read keeps the command's output in the history.
 */
export function buildReplaceContainerPlan(input: ReplaceContainerInput, spec: ContainerSpec, envHash: string): Plan {
  const next: ContainerSpec = { ...spec, image: input.image, environment: input.environment, restartPolicy: input.restartPolicy };
  const invocation = { CommandId: { $ref: "command.commandId" }, InstanceId: input.instanceId };
  return {
    version: 1,
    wizard: "ec2-host-replace-container",
    title: `Replace the container of ${spec.name} with ${input.image}`,
    resources: [`ec2:host/${spec.name}`, `ec2:instance/${input.instanceId}`],
    landing: hostPage(input.instanceId),
    steps: [
      {
        key: "command",
        service: "ssm",
        operation: "SendCommand",
        description: `Run the replace script on ${input.instanceId} through SSM Run Command (AWS-RunShellScript)`,
        input: {
          InstanceIds: [input.instanceId],
          DocumentName: "AWS-RunShellScript",
          Comment: `Portside: replace container ${spec.name}`.slice(0, 100),
          TimeoutSeconds: 600,
          Parameters: { commands: replaceContainerCommands(next), executionTimeout: ["900"] },
        },
        produces: { commandId: "Command.CommandId" },
        waitFor: {
          service: "ssm",
          operation: "GetCommandInvocation",
          input: invocation,
          path: "Status",
          success: ["Success"],
          failure: ["Failed", "Cancelled", "TimedOut", "Cancelling"],
          description: `the command on ${input.instanceId} to finish`,
          intervalMs: 2000,
          timeoutMs: 20 * 60_000,
        },
      },
      {
        key: "tag",
        service: "ec2",
        operation: "CreateTags",
        description: `Record ${input.image}, ${input.restartPolicy} and the environment's fingerprint on the instance's tags`,
        dependsOn: ["command"],
        input: {
          Resources: [input.instanceId],
          Tags: [{ Key: TAG.image, Value: input.image }, { Key: TAG.restart, Value: input.restartPolicy }, { Key: TAG.envHash, Value: envHash }],
        },
      },
      {
        key: "output",
        service: "ssm",
        operation: "GetCommandInvocation",
        description: "Read the command's output",
        dependsOn: ["command"],
        input: invocation,
      },
    ],
  };
}
