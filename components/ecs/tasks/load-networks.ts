import "server-only";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { listSecurityGroups, listSubnets, listVpcs } from "@/lib/vpc/reads";
import type { NetworkOption } from "./network-fields";

/** Every VPC with its subnets and security groups, labelled for the awsvpc pickers. */
export async function loadNetworks(conn: ConnectionSettings, region: string): Promise<NetworkOption[]> {
  const vpcs = await listVpcs(conn, region);
  return Promise.all(
    vpcs.map(async (v) => {
      const [subnets, groups] = await Promise.all([listSubnets(conn, region, v.id), listSecurityGroups(conn, region, v.id)]);
      return {
        id: v.id,
        label: `${v.name || v.id} (${v.cidr})${v.isDefault ? " · default" : ""}`,
        subnets: subnets.map((s) => ({ id: s.id, label: `${s.id} · ${s.az} · ${s.public ? "public" : "private"}` })),
        securityGroups: groups.map((g) => ({ id: g.id, label: `${g.name} (${g.id})` })),
      };
    }),
  );
}
