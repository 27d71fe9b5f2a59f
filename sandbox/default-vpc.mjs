// The default VPC as AWS makes it: an internet gateway attached, and the main route table sending
// 0.0.0.0/0 to it, so the default subnets are public. moto 5.2.1 creates the default VPC with no
// internet gateway and a main table holding only the local route, which makes every subnet private.
//
// The gateway calls `ensure(region)` before it passes on a request of a region (once per region
// until the next reset): the gateway is the only way into moto, so nobody sees the default VPC
// before it is fixed. A subnet becomes private the way it does on AWS: a route table without the
// internet route, associated with it.
import { motoQuery } from "./moto-query.mjs";

const ec2Query = (upstream, region, params) => motoQuery(upstream, region, "ec2", params);

const first = (xml, tag) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1];

/** Attach an internet gateway to the region's default VPC and route 0.0.0.0/0 of its main table to it. */
export async function publicDefaultVpc(upstream, region) {
  const vpcs = await ec2Query(upstream, region, { Action: "DescribeVpcs", "Filter.1.Name": "is-default", "Filter.1.Value.1": "true" });
  const vpcId = first(vpcs, "vpcId");
  if (!vpcId) return null;
  const igws = await ec2Query(upstream, region, { Action: "DescribeInternetGateways", "Filter.1.Name": "attachment.vpc-id", "Filter.1.Value.1": vpcId });
  let igwId = first(igws, "internetGatewayId");
  if (!igwId) {
    igwId = first(await ec2Query(upstream, region, { Action: "CreateInternetGateway" }), "internetGatewayId");
    await ec2Query(upstream, region, { Action: "AttachInternetGateway", InternetGatewayId: igwId, VpcId: vpcId });
  }
  const tables = await ec2Query(upstream, region, {
    Action: "DescribeRouteTables",
    "Filter.1.Name": "vpc-id",
    "Filter.1.Value.1": vpcId,
    "Filter.2.Name": "association.main",
    "Filter.2.Value.1": "true",
  });
  const mainTable = first(tables, "routeTableId");
  if (mainTable && !/<destinationCidrBlock>0\.0\.0\.0\/0<\/destinationCidrBlock>/.test(tables)) {
    await ec2Query(upstream, region, { Action: "CreateRoute", RouteTableId: mainTable, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId });
  }
  return { vpcId, internetGatewayId: igwId, routeTableId: mainTable };
}

/** Per region, once until `reset()`; a failure is retried on the next request. */
export class DefaultVpcs {
  #upstream;
  #done = new Map();

  constructor({ upstream }) {
    this.#upstream = upstream;
  }

  ensure(region) {
    if (!region || region === "unknown") return Promise.resolve();
    let p = this.#done.get(region);
    if (!p) {
      p = publicDefaultVpc(this.#upstream, region).catch((err) => {
        this.#done.delete(region);
        console.error(`[sandbox] default VPC of ${region} not made public: ${err?.message ?? err}`);
      });
      this.#done.set(region, p);
    }
    return p;
  }

  reset() {
    this.#done.clear();
  }
}
