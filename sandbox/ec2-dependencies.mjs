// moto deletes a security group whatever still depends on it. AWS refuses DeleteSecurityGroup
// with DependencyViolation while a load balancer (its network interfaces) uses the group or
// another group's rules name it, so a teardown must delete the load balancer first, and a
// referencing group before the group it names. The gateway checks this before moto deletes,
// so a teardown in the wrong order fails in the sandbox as it would on AWS.
import { buildFaultResponse } from "./faults.mjs";

async function queryMoto(upstream, region, service, params) {
  const res = await fetch(upstream + "/", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
      Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  return res.ok ? res.text() : "";
}

const blocks = (xml, tag) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1]);

/** What still depends on the group, as AWS would name it, or null. */
export async function securityGroupDependent(upstream, region, groupId) {
  const lbs = await queryMoto(upstream, region, "elasticloadbalancing", { Action: "DescribeLoadBalancers", Version: "2015-12-01" });
  // Each load balancer's SecurityGroups block lists plain <member>sg-…</member> entries.
  if (blocks(lbs, "SecurityGroups").some((groups) => groups.includes(`>${groupId}<`))) return "the network interfaces of a load balancer";
  const sgs = await queryMoto(upstream, region, "ec2", {
    Action: "DescribeSecurityGroups", Version: "2016-11-15", "Filter.1.Name": "ip-permission.group-id", "Filter.1.Value.1": groupId,
  });
  for (const item of blocks(blocks(sgs, "securityGroupInfo")[0] ?? "", "item")) {
    const id = /<groupId>(sg-[0-9a-f]+)<\/groupId>/.exec(item)?.[1];
    if (id && id !== groupId) return `security group ${id}`;
  }
  return null;
}

/** ec2:DeleteSecurityGroup: refused (as AWS does) while something depends on the group; null lets moto delete it. */
export async function guardDeleteSecurityGroup(upstream, ident, body) {
  if (ident.service !== "ec2" || ident.operation !== "DeleteSecurityGroup") return null;
  const groupId = new URLSearchParams(body.toString("utf8")).get("GroupId");
  if (!groupId) return null;
  const dependent = await securityGroupDependent(upstream, ident.region ?? "us-east-1", groupId);
  if (!dependent) return null;
  return buildFaultResponse("access_denied", ident, {
    code: "DependencyViolation",
    status: 400,
    message: `resource ${groupId} has a dependent object (${dependent})`,
  });
}
