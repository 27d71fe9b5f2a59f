import type { VersionSupportInfo } from "@/lib/eks/clusters/version-support";
import type { SecurityGroup, Subnet, Vpc } from "@/lib/vpc/reads";

/** One VPC with what the wizard can pick inside it. */
export type EksNetwork = { vpc: Vpc; subnets: Subnet[]; securityGroups: SecurityGroup[] };
export type RoleOption = { name: string; arn: string };
export type VersionOption = VersionSupportInfo & { isDefault: boolean };
