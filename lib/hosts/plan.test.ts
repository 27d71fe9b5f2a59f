import { describe, expect, it } from "vitest";
import { planPermissions } from "@/lib/core/plans/iam-actions";
import { buildCreateHostPlan, buildHostOperationPlan, buildReplaceContainerPlan } from "./plan";
import { createHostSchema } from "./schema";

const input = createHostSchema.parse({
  connectionId: "c1",
  region: "us-east-1",
  hostName: "web",
  instanceType: "t3.micro",
  vpcId: "vpc-1a2b",
  subnetId: "subnet-1a2b",
  image: "nginx:1.27",
  hostPort: "80",
  containerPort: "8080",
  environment: [{ name: "MODE", value: "prod" }],
});

describe("EC2 host plans", () => {
  it("asks at review for iam:PassRole (the instance profile's role) and ec2:CreateTags (tags on RunInstances)", () => {
    const permissions = planPermissions(buildCreateHostPlan(input, "ami-0abc", "hash1"));
    expect(permissions).toEqual(expect.arrayContaining(["ec2:RunInstances", "ec2:CreateTags", "iam:PassRole", "ec2:DescribeInstances", "iam:CreateInstanceProfile"]));
    // Stopping a host hands over no role and sends no tags.
    const stop = planPermissions(buildHostOperationPlan({ connectionId: "c1", region: "us-east-1", instanceId: "i-0123456789abcdef0", hostName: "web", operation: "stop" }, { instanceId: "i-0123456789abcdef0", name: "web" }));
    expect(stop).toEqual(["ec2:DescribeInstances", "ec2:StopInstances"]);
  });

  it("creates the log group, role, profile and security group before the instance", () => {
    const plan = buildCreateHostPlan(input, "ami-0abc", "hash1");
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual([
      "logs:CreateLogGroup",
      "iam:CreateRole",
      "iam:AttachRolePolicy",
      "iam:AttachRolePolicy",
      "iam:PutRolePolicy",
      "iam:CreateInstanceProfile",
      "iam:AddRoleToInstanceProfile",
      "ec2:CreateSecurityGroup",
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:RunInstances",
    ]);
    const run = plan.steps.at(-1)!;
    // A profile just created is not yet seen by EC2: only that refusal is sent again, bounded.
    expect(run.retryOn).toMatchObject({ codes: ["InvalidParameterValue"], messageIncludes: "Invalid IAM Instance Profile" });
    expect(run.retryOn!.attempts).toBeLessThanOrEqual(10);
    expect(run.input).toMatchObject({
      ImageId: "ami-0abc",
      InstanceType: "t3.micro",
      IamInstanceProfile: { Name: "PortsideHost-web" },
      NetworkInterfaces: [{ SubnetId: "subnet-1a2b", AssociatePublicIpAddress: true, Groups: [{ $ref: "securityGroup.groupId" }] }],
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 8, VolumeType: "gp3" } }],
    });
    const userData = Buffer.from(String(run.input.UserData), "base64").toString();
    expect(userData).toContain("'--publish' '80:8080'");
    expect(userData).toContain("'--env' 'MODE=prod' 'nginx:1.27'");
    expect(plan.steps.find((s) => s.key === "ingress")!.input.IpPermissions).toEqual([
      { IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "Container port of web" }] },
    ]);
    // Every created thing has an inverse: the cleanup plan removes all of it.
    expect(plan.steps.every((s) => s.inverse)).toBe(true);
  });

  it("reuses a picked security group and key pair", () => {
    const plan = buildCreateHostPlan({ ...input, securityGroupMode: "existing", securityGroupId: "sg-1234", keyName: "ops" }, "ami-0abc", "hash1");
    expect(plan.steps.some((s) => s.operation === "CreateSecurityGroup")).toBe(false);
    expect(plan.steps.at(-1)!.input).toMatchObject({ KeyName: "ops", NetworkInterfaces: [{ Groups: ["sg-1234"] }] });
  });

  it("terminates, then deletes what Portside created for the host", () => {
    const plan = buildHostOperationPlan(
      { connectionId: "c1", region: "us-east-1", instanceId: "i-0123456789abcdef0", hostName: "web", operation: "terminate" },
      { instanceId: "i-0123456789abcdef0", name: "web", portsideRole: "PortsideHost-web", createdSecurityGroup: "sg-9", logGroup: "/portside/hosts/web" },
    );
    expect(plan.steps.map((s) => s.operation)).toEqual([
      "TerminateInstances",
      "DeleteSecurityGroup",
      "RemoveRoleFromInstanceProfile",
      "DeleteInstanceProfile",
      "DetachRolePolicy",
      "DetachRolePolicy",
      "DeleteRolePolicy",
      "DeleteRole",
      "DeleteLogGroup",
    ]);
    expect(plan.steps[0]!.waitFor?.success).toEqual(["terminated"]);
  });

  it("stops an instance another team launched without touching anything else", () => {
    const plan = buildHostOperationPlan({ connectionId: "c1", region: "us-east-1", instanceId: "i-0123456789abcdef0", hostName: "legacy", operation: "stop" }, { instanceId: "i-0123456789abcdef0", name: "legacy" });
    expect(plan.steps.map((s) => s.operation)).toEqual(["StopInstances"]);
  });

  it("replaces the container through SSM Run Command and keeps the output", () => {
    const plan = buildReplaceContainerPlan(
      { connectionId: "c1", region: "us-east-1", instanceId: "i-0123456789abcdef0", image: "nginx:1.28", environment: [], restartPolicy: "always" },
      { name: "web", image: "nginx:1.27", hostPort: 80, containerPort: 8080, environment: [{ name: "A", value: "1" }], restartPolicy: "unless-stopped", logGroup: "/portside/hosts/web", region: "us-east-1" },
      "hash2",
    );
    const send = plan.steps[0]!;
    expect(send).toMatchObject({ service: "ssm", operation: "SendCommand", input: { DocumentName: "AWS-RunShellScript", InstanceIds: ["i-0123456789abcdef0"] } });
    const commands = (send.input.Parameters as { commands: string[] }).commands;
    expect(commands.join("\n")).toContain("'--restart' 'always' '--publish' '80:8080'");
    expect(commands.join("\n")).not.toContain("--env");
    expect(send.waitFor).toMatchObject({ operation: "GetCommandInvocation", path: "Status", success: ["Success"] });
    expect(plan.steps.at(-1)).toMatchObject({ service: "ssm", operation: "GetCommandInvocation" });
    // The tags say what runs now: the new image and the environment's fingerprint (never its values).
    expect(plan.steps[1]!.input.Tags).toEqual(expect.arrayContaining([{ Key: "portside:image", Value: "nginx:1.28" }, { Key: "portside:env-hash", Value: "hash2" }]));
  });
});
