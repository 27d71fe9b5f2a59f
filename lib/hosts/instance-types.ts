/**
 * The instance types the wizard offers, per architecture: the burstable and general-purpose sizes
 * the EC2 console lists first for Amazon Linux 2023 (vCPUs, memory in MiB).
 */
export type Architecture = "x86_64" | "arm64";

export type InstanceTypeInfo = { type: string; architecture: Architecture; vcpus: number; memoryMiB: number };

const t = (type: string, architecture: Architecture, vcpus: number, memoryGiB: number): InstanceTypeInfo => ({ type, architecture, vcpus, memoryMiB: memoryGiB * 1024 });

export const INSTANCE_TYPES: InstanceTypeInfo[] = [
  t("t3.micro", "x86_64", 2, 1),
  t("t3.small", "x86_64", 2, 2),
  t("t3.medium", "x86_64", 2, 4),
  t("t3.large", "x86_64", 2, 8),
  t("m7i.large", "x86_64", 2, 8),
  t("c7i.large", "x86_64", 2, 4),
  t("t4g.micro", "arm64", 2, 1),
  t("t4g.small", "arm64", 2, 2),
  t("t4g.medium", "arm64", 2, 4),
  t("t4g.large", "arm64", 2, 8),
  t("m7g.large", "arm64", 2, 8),
  t("c7g.large", "arm64", 2, 4),
];

/** The console's default per architecture: the smallest burstable type. */
export const DEFAULT_INSTANCE_TYPE: Record<Architecture, string> = { x86_64: "t3.micro", arm64: "t4g.micro" };

export const instanceTypeInfo = (type: string) => INSTANCE_TYPES.find((i) => i.type === type);

/** AWS's public SSM parameters for the latest Amazon Linux 2023 AMI, per architecture. */
export const AL2023_PARAMETERS: Record<Architecture, string> = {
  x86_64: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  arm64: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
};
