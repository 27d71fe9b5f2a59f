// The gateway refuses to delete a security group something still depends on, as AWS does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { CreateLoadBalancerCommand, DeleteLoadBalancerCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig } from "./test-support.mjs";

describe.skipIf(!hasMoto)("DeleteSecurityGroup dependencies", () => {
  let sandbox;
  let ec2;
  let elb;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false });
    ec2 = new EC2Client(clientConfig(sandbox.endpoint));
    elb = new ElasticLoadBalancingV2Client(clientConfig(sandbox.endpoint));
  }, 60_000);

  afterAll(async () => {
    ec2?.destroy();
    elb?.destroy();
    await sandbox?.stop();
  });

  it("refuses a group a load balancer uses or another group's rules name, until they are gone", async () => {
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }));
    const VpcId = Vpcs[0].VpcId;
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [VpcId] }] }));
    const group = async (name) => (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId }))).GroupId;
    const lbSg = await group("dep-alb-sg");
    const svcSg = await group("dep-svc-sg");
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId: svcSg, IpPermissions: [{ IpProtocol: "tcp", FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: lbSg }] }],
    }));
    const { LoadBalancers } = await elb.send(new CreateLoadBalancerCommand({
      Name: "dep-alb", Type: "application", Subnets: Subnets.slice(0, 2).map((s) => s.SubnetId), SecurityGroups: [lbSg],
    }));
    const remove = (GroupId) => ec2.send(new DeleteSecurityGroupCommand({ GroupId }));

    await expect(remove(lbSg)).rejects.toMatchObject({ name: "DependencyViolation", message: expect.stringContaining("load balancer") });
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn }));
    await expect(remove(lbSg)).rejects.toMatchObject({ name: "DependencyViolation", message: expect.stringContaining(`security group ${svcSg}`) });
    await remove(svcSg);
    await remove(lbSg);
    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [VpcId] }] }));
    expect(SecurityGroups.map((g) => g.GroupId)).not.toContain(lbSg);
  }, 60_000);
});
