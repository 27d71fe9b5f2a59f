import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import {
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type Filter,
} from "@aws-sdk/client-ec2";
import { awsClient, type ConnectionSettings } from "../core/aws/clients";
import { guarded } from "../core/aws/guarded";

/** Network pickers shared by every wizard that places things in a VPC (ECS services, EKS, Express). */
export type Vpc = { id: string; cidr: string; name: string; isDefault: boolean };
export type Subnet = { id: string; vpcId: string; az: string; cidr: string; name: string; public: boolean; availableIps: number };
export type SecurityGroup = { id: string; vpcId: string; name: string; description: string };

const nameTag = (tags?: { Key?: string; Value?: string }[]) => tags?.find((t) => t.Key === "Name")?.Value ?? "";

async function listVpcsFromAws(conn: ConnectionSettings, region: string): Promise<Vpc[]> {
  const client = awsClient(conn, region, "ec2");
  return guarded(conn, "ec2", "DescribeVpcs", async () => {
    const out: Vpc[] = [];
    for await (const page of paginateDescribeVpcs({ client, pageSize: 1000 }, {})) {
      for (const v of page.Vpcs ?? []) out.push({ id: v.VpcId ?? "", cidr: v.CidrBlock ?? "", name: nameTag(v.Tags), isDefault: Boolean(v.IsDefault) });
    }
    return out.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.id.localeCompare(b.id));
  });
}

/**
 * Subnets of a VPC. "Public" means its route table (or the VPC's main one) routes
 * 0.0.0.0/0 to an internet gateway — what AWS means by a public subnet — not
 * merely MapPublicIpOnLaunch.
 */
async function listSubnetsFromAws(conn: ConnectionSettings, region: string, vpcId: string): Promise<Subnet[]> {
  const client = awsClient(conn, region, "ec2");
  const filters: Filter[] = [{ Name: "vpc-id", Values: [vpcId] }];
  return guarded(conn, "ec2", "DescribeSubnets", async () => {
    const [routeTables, subnets] = await Promise.all([
      client.send(new DescribeRouteTablesCommand({ Filters: filters })),
      (async () => {
        const all = [];
        for await (const page of paginateDescribeSubnets({ client, pageSize: 1000 }, { Filters: filters })) all.push(...(page.Subnets ?? []));
        return all;
      })(),
    ]);
    const tables = routeTables.RouteTables ?? [];
    const toIgw = (t: (typeof tables)[number]) => (t.Routes ?? []).some((r) => r.DestinationCidrBlock === "0.0.0.0/0" && r.GatewayId?.startsWith("igw-"));
    const main = tables.find((t) => t.Associations?.some((a) => a.Main));
    return subnets
      .map((s) => {
        const table = tables.find((t) => t.Associations?.some((a) => a.SubnetId === s.SubnetId)) ?? main;
        return {
          id: s.SubnetId ?? "",
          vpcId: s.VpcId ?? "",
          az: s.AvailabilityZone ?? "",
          cidr: s.CidrBlock ?? "",
          name: nameTag(s.Tags),
          public: table ? toIgw(table) : Boolean(s.MapPublicIpOnLaunch),
          availableIps: s.AvailableIpAddressCount ?? 0,
        };
      })
      .sort((a, b) => a.az.localeCompare(b.az) || a.id.localeCompare(b.id));
  });
}

async function listSecurityGroupsFromAws(conn: ConnectionSettings, region: string, vpcId: string): Promise<SecurityGroup[]> {
  const client = awsClient(conn, region, "ec2");
  return guarded(conn, "ec2", "DescribeSecurityGroups", async () => {
    const out = await client.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
    return (out.SecurityGroups ?? []).map((g) => ({ id: g.GroupId ?? "", vpcId: g.VpcId ?? "", name: g.GroupName ?? "", description: g.Description ?? "" }));
  });
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listVpcs = sharedReader("ec2:listVpcs", listVpcsFromAws);
export const listSubnets = sharedReader("ec2:listSubnets", listSubnetsFromAws);
export const listSecurityGroups = sharedReader("ec2:listSecurityGroups", listSecurityGroupsFromAws);
