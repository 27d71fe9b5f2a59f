import { ECS_AMI_PARAMETERS } from "@/lib/ecs/clusters/plan";
import { copyName, userTags, type PrefillResult } from "../common/prefill";

/** A cluster as DescribeClusters (SETTINGS, TAGS) shows it. */
export type ClusterSource = {
  name: string;
  capacityProviders: string[];
  defaultStrategy: { capacityProvider: string; weight: number; base: number }[];
  containerInsights: string;
  tags: { key?: string; value?: string }[];
};

/** One Auto Scaling group capacity provider with its group and launch template, as far as they could be read. */
export type Ec2CapacitySource = {
  provider: string;
  managedScaling: { status: string; targetCapacity: number | null };
  managedTerminationProtection: string;
  group: { name: string; min: number; max: number; desired: number; subnets: string[]; mixedInstances: boolean } | null;
  launchTemplate: { imageId?: string; instanceType?: string; keyName?: string; instanceProfile?: string } | null;
};

/** The EC2 capacity part of the cluster wizard's form (text inputs, so strings). */
export type Ec2FormValues = {
  asgMode: string;
  existingAsgArn: string;
  amiFamily: string;
  instanceType: string;
  keyName: string;
  instanceRoleMode: string;
  instanceProfile: string;
  minSize: string;
  maxSize: string;
  desiredCapacity: string;
  vpcId: string;
  subnets: string[];
  targetCapacity: string;
  terminationProtection: string;
  ec2Weight: string;
  ec2Base: string;
};

export type ClusterPrefill = {
  clusterName: string;
  containerInsights: string;
  infrastructure: string;
  fargateWeight: string;
  fargateBase: string;
  spotWeight: string;
  spotBase: string;
  tags: { key: string; value: string }[];
} & Omit<Ec2FormValues, "existingAsgArn">;

const FARGATE = ["FARGATE", "FARGATE_SPOT"];

/** The instance profile's name: launch templates name it or give its ARN (…:instance-profile/path/name). */
const profileName = (v: string) => v.split("/").pop() ?? v;

/**
 * The cluster wizard's values for a copy of an existing cluster: the same capacity (Fargate,
 * and EC2 as a new Auto Scaling group and launch template with the group's sizes, subnets and
 * the template's instance type, AMI family, key pair and instance profile), default strategy,
 * Container Insights and tags.
 */
export function clusterPrefill(
  c: ClusterSource,
  ec2: Ec2CapacitySource[],
  ctx: { networks: { id: string; subnets: { id: string }[] }[] },
): PrefillResult<Partial<ClusterPrefill>> {
  const dropped: string[] = [];
  const notes: string[] = [];
  const weight = (p: string) => c.defaultStrategy.find((s) => s.capacityProvider === p);
  const fargate = c.capacityProviders.some((p) => FARGATE.includes(p));
  const [first, ...more] = ec2;
  for (const m of more) dropped.push(`capacity provider ${m.provider} (the wizard makes one Auto Scaling group)`);
  const usable = first?.group ? first : undefined;
  if (first && !first.group) dropped.push(`capacity provider ${first.provider} (its Auto Scaling group could not be read)`);

  const values: Partial<ClusterPrefill> = {
    clusterName: copyName(c.name, 255),
    containerInsights: ["enabled", "enhanced"].includes(c.containerInsights) ? c.containerInsights : "disabled",
    infrastructure: usable ? (fargate ? "both" : "ec2") : "fargate",
    tags: userTags(c.tags),
  };
  if (fargate && c.defaultStrategy.some((s) => FARGATE.includes(s.capacityProvider))) {
    Object.assign(values, {
      fargateWeight: String(weight("FARGATE")?.weight ?? 0),
      fargateBase: String(weight("FARGATE")?.base ?? 0),
      spotWeight: String(weight("FARGATE_SPOT")?.weight ?? 0),
      spotBase: String(weight("FARGATE_SPOT")?.base ?? 0),
    });
  }
  if (c.capacityProviders.length > 0 && c.defaultStrategy.length === 0) notes.push("The original has no default capacity provider strategy; the copy gets one.");
  if (!usable) return { values, dropped, notes };

  const { group, launchTemplate: lt } = usable;
  const subnets = group!.subnets;
  const vpc = ctx.networks.find((n) => n.subnets.some((s) => subnets.includes(s.id)));
  Object.assign(values, {
    asgMode: "new",
    minSize: String(group!.min),
    maxSize: String(group!.max),
    desiredCapacity: String(group!.desired),
    subnets,
    ...(vpc ? { vpcId: vpc.id } : {}),
    terminationProtection: usable.managedTerminationProtection === "ENABLED" ? "enabled" : "disabled",
    ec2Weight: String(weight(usable.provider)?.weight ?? 0),
    ec2Base: String(weight(usable.provider)?.base ?? 0),
  });
  if (usable.managedScaling.status === "ENABLED" && usable.managedScaling.targetCapacity) values.targetCapacity = String(usable.managedScaling.targetCapacity);
  else dropped.push("managed scaling off (the copy's capacity provider scales the group)");
  if (group!.mixedInstances) dropped.push("mixed instances policy (the copy uses one instance type)");
  notes.push(`The copy gets its own Auto Scaling group and launch template with the settings of ${group!.name}.`);

  if (!lt) {
    dropped.push("launch template (could not be read: instance type, AMI, key pair and instance profile start at the defaults)");
    return { values, dropped, notes };
  }
  const family = Object.entries(ECS_AMI_PARAMETERS).find(([, param]) => param === lt.imageId)?.[0];
  if (family) values.amiFamily = family;
  else if (lt.imageId) dropped.push(`AMI ${lt.imageId} (the copy uses the ECS-optimized Amazon Linux 2023 AMI)`);
  if (lt.instanceType) values.instanceType = lt.instanceType;
  if (!family && lt.instanceType && /^[a-z]+\d+g/.test(lt.instanceType)) values.amiFamily = "al2023-arm64";
  if (lt.keyName) values.keyName = lt.keyName;
  if (lt.instanceProfile) Object.assign(values, { instanceRoleMode: "existing", instanceProfile: profileName(lt.instanceProfile) });
  return { values, dropped, notes };
}
