// The default VPC is public as on AWS: an internet gateway and 0.0.0.0/0 → igw in the main table.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AssociateRouteTableCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig } from "./test-support.mjs";
import { resetSandbox } from "./client.mjs";

/** The table that routes a subnet: its explicit association, else the VPC's main table (AWS's rule). */
async function routeTableOf(ec2, subnet) {
  const explicit = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "association.subnet-id", Values: [subnet.SubnetId] }] }))).RouteTables;
  if (explicit.length) return explicit[0];
  return (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [subnet.VpcId] }, { Name: "association.main", Values: ["true"] }] }))).RouteTables[0];
}
const isPublic = (table) => table.Routes.some((r) => r.DestinationCidrBlock === "0.0.0.0/0" && r.GatewayId?.startsWith("igw-"));

describe.skipIf(!hasMoto)("default VPC", () => {
  let sandbox;
  let ec2;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    ec2 = new EC2Client(clientConfig(sandbox.endpoint));
  }, 60_000);

  afterAll(async () => {
    ec2?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
  });

  it("has an internet gateway and a public main route table, again after a reset, in every region", async () => {
    for (const region of ["us-east-1", "eu-west-1"]) {
      const client = new EC2Client(clientConfig(sandbox.endpoint, region));
      const vpc = (await client.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs[0];
      const igws = (await client.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: "attachment.vpc-id", Values: [vpc.VpcId] }] }))).InternetGateways;
      expect(igws).toHaveLength(1);
      expect(igws[0].Attachments[0].State).toBe("available");
      const main = (await client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.VpcId] }, { Name: "association.main", Values: ["true"] }] }))).RouteTables[0];
      expect(main.Routes).toContainEqual(expect.objectContaining({ DestinationCidrBlock: "0.0.0.0/0", GatewayId: igws[0].InternetGatewayId }));
      const subnets = (await client.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }))).Subnets;
      expect(subnets.length).toBeGreaterThan(1);
      for (const s of subnets) expect(isPublic(await routeTableOf(client, s))).toBe(true);
      client.destroy();
    }
    await resetSandbox(sandbox.endpoint);
    const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs[0];
    expect((await ec2.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: "attachment.vpc-id", Values: [vpc.VpcId] }] }))).InternetGateways).toHaveLength(1);
  });

  it("a subnet on its own route table without the internet route is private", async () => {
    const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs[0];
    const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: "172.31.192.0/20", AvailabilityZone: "us-east-1a" }))).Subnet;
    expect(isPublic(await routeTableOf(ec2, subnet))).toBe(true); // main table until associated
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc.VpcId }))).RouteTable.RouteTableId;
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: subnet.SubnetId }));
    expect(isPublic(await routeTableOf(ec2, subnet))).toBe(false);
  });
});
