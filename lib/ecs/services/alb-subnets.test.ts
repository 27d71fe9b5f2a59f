import { describe, expect, it } from "vitest";
import { albSubnetWarning, internetFacingAlbCheck } from "./alb-subnets";

const subnets = [
  { id: "subnet-a1", az: "us-east-1a", public: true },
  { id: "subnet-b1", az: "us-east-1b", public: true },
  { id: "subnet-a2", az: "us-east-1a", public: false },
  { id: "subnet-b2", az: "us-east-1b", public: false },
];
const alb = (s: string[], scheme = "internet-facing", mode = "new") => ({ loadBalancerMode: mode, loadBalancerScheme: scheme, subnets: s });

describe("internet-facing ALB in private subnets", () => {
  it("names the private subnets of a new internet-facing ALB", () => {
    expect(internetFacingAlbCheck(alb(["subnet-a2", "subnet-b2"]), subnets)).toEqual({ privateSubnets: ["subnet-a2", "subnet-b2"], publicZones: 0 });
    expect(internetFacingAlbCheck(alb(["subnet-a1", "subnet-b1", "subnet-b2"]), subnets)).toEqual({ privateSubnets: ["subnet-b2"], publicZones: 2 });
  });

  it("says nothing for public subnets, an internal ALB, no new ALB, or unknown subnets", () => {
    expect(internetFacingAlbCheck(alb(["subnet-a1", "subnet-b1"]), subnets)).toBeNull();
    expect(internetFacingAlbCheck(alb(["subnet-a2", "subnet-b2"], "internal"), subnets)).toBeNull();
    expect(internetFacingAlbCheck(alb(["subnet-a2", "subnet-b2"], "internet-facing", "none"), subnets)).toBeNull();
    expect(internetFacingAlbCheck(alb(["subnet-zz"]), subnets)).toBeNull();
  });

  it("explains what happens and what to do", () => {
    expect(albSubnetWarning({ privateSubnets: ["subnet-a2", "subnet-b2"], publicZones: 0 })).toBe(
      "Subnets subnet-a2, subnet-b2 have no route to an internet gateway (private): an internet-facing load balancer in them receives no traffic from the internet. It needs public subnets in at least two Availability Zones. Choose public subnets, or make the load balancer internal.",
    );
    expect(albSubnetWarning({ privateSubnets: ["subnet-b2"], publicZones: 2 })).toMatch(/^Subnet subnet-b2 has no route .*nodes there cannot be reached/);
  });
});
