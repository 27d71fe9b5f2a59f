/**
 * An internet-facing load balancer only receives traffic from the internet through subnets whose
 * route table sends 0.0.0.0/0 to an internet gateway. AWS still creates one in private subnets (it
 * just never answers), so the wizard says so at the field and at review. Pure.
 */
export type SubnetRoute = { id: string; az: string; public: boolean };

export type AlbSubnetCheck = { privateSubnets: string[]; publicZones: number } | null;

/** The chosen subnets that are private, for a new internet-facing ALB; null when there is nothing to say. */
export function internetFacingAlbCheck(
  input: { loadBalancerMode: string; loadBalancerScheme: string; subnets: string[] },
  known: SubnetRoute[],
): AlbSubnetCheck {
  if (input.loadBalancerMode !== "new" || input.loadBalancerScheme !== "internet-facing") return null;
  const chosen = input.subnets.map((id) => known.find((s) => s.id === id)).filter((s): s is SubnetRoute => Boolean(s));
  const privateSubnets = chosen.filter((s) => !s.public).map((s) => s.id);
  if (privateSubnets.length === 0) return null;
  const publicZones = new Set(chosen.filter((s) => s.public).map((s) => s.az)).size;
  return { privateSubnets, publicZones };
}

/** The warning's words. */
export function albSubnetWarning(check: NonNullable<AlbSubnetCheck>): string {
  const n = check.privateSubnets.length;
  const which = `${n === 1 ? "Subnet" : "Subnets"} ${check.privateSubnets.join(", ")} ${n === 1 ? "has" : "have"} no route to an internet gateway`;
  const effect =
    check.publicZones >= 2
      ? "the load balancer's nodes there cannot be reached from the internet."
      : "an internet-facing load balancer in them receives no traffic from the internet. It needs public subnets in at least two Availability Zones.";
  return `${which} (private): ${effect} Choose public subnets, or make the load balancer internal.`;
}
