import { familyRevision, isSet, type PrefillResult } from "../common/prefill";

/** The parts of a DescribeTasks task that say how it was run (the SDK's Task fits). */
export type TaskSource = {
  taskArn?: string;
  taskDefinitionArn?: string;
  launchType?: string;
  capacityProviderName?: string;
  group?: string;
  enableExecuteCommand?: boolean;
  attachments?: { type?: string; details?: { name?: string; value?: string }[] }[];
  overrides?: {
    containerOverrides?: { name?: string; command?: string[]; environment?: { name?: string; value?: string }[] }[];
  };
  tags?: { key?: string; value?: string }[];
};

/** The task's network interface, read with DescribeNetworkInterfaces while it still exists. */
export type TaskInterface = { securityGroups: string[]; publicIp: boolean } | null;

export type RunTaskPrefill = {
  taskDefinition: string;
  networkMode: string;
  count: string;
  compute: string;
  launchType: string;
  capacityProvider: string;
  vpcId: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: string;
  containerName: string;
  command: string;
  environment: { name: string; value: string }[];
};

// Container override fields the run-task wizard has no control for.
const OVERRIDE_UNSUPPORTED = ["cpu", "memory", "memoryReservation", "environmentFiles", "resourceRequirements"];
const TASK_OVERRIDE_UNSUPPORTED = ["cpu", "memory", "taskRoleArn", "executionRoleArn", "ephemeralStorage", "inferenceAcceleratorOverrides"];

/** The short id at the end of a task ARN, as the console shows it. */
export const taskId = (arn: string) => arn.split("/").pop() ?? arn;

/**
 * Run-task values that start the same task again: its revision, one task, the same compute,
 * the subnet it ran in with its interface's security groups and public IP, and the overrides.
 */
export function taskPrefill(
  t: TaskSource,
  ctx: { networks: { id: string; subnets: { id: string }[] }[]; networkMode: string; eni: TaskInterface },
): PrefillResult<Partial<RunTaskPrefill>> {
  const dropped: string[] = [];
  const notes: string[] = [];
  const values: Partial<RunTaskPrefill> = { taskDefinition: familyRevision(t.taskDefinitionArn), networkMode: ctx.networkMode, count: "1" };

  if (t.capacityProviderName) Object.assign(values, { compute: "capacityProvider", capacityProvider: t.capacityProviderName });
  else if (t.launchType === "EXTERNAL") dropped.push("launch type EXTERNAL");
  else if (t.launchType) Object.assign(values, { compute: "launchType", launchType: t.launchType === "EC2" ? "EC2" : "FARGATE" });

  const eni = (t.attachments ?? []).find((a) => a.type === "ElasticNetworkInterface");
  const subnet = eni?.details?.find((d) => d.name === "subnetId")?.value;
  if (subnet) {
    const vpc = ctx.networks.find((n) => n.subnets.some((s) => s.id === subnet));
    Object.assign(values, { subnets: [subnet], ...(vpc ? { vpcId: vpc.id } : {}) });
    notes.push(`The task ran in subnet ${subnet}; add others if the original run listed more.`);
    if (ctx.eni) Object.assign(values, { securityGroups: ctx.eni.securityGroups, assignPublicIp: ctx.eni.publicIp ? "ENABLED" : "DISABLED" });
    else notes.push("Its network interface could not be read (AWS deletes it when a task stops), so its security groups and public IP are unknown: pick them.");
  }

  const overrides = (t.overrides?.containerOverrides ?? []).filter((o) => o.command?.length || o.environment?.length);
  const [first, ...more] = overrides;
  if (first) {
    Object.assign(values, {
      containerName: first.name ?? "",
      command: (first.command ?? []).join("\n"),
      environment: (first.environment ?? []).map((e) => ({ name: e.name ?? "", value: e.value ?? "" })),
    });
  }
  for (const o of more) dropped.push(`overrides of container ${o.name} (the wizard overrides one container)`);
  for (const o of t.overrides?.containerOverrides ?? []) {
    const raw = o as Record<string, unknown>;
    for (const k of OVERRIDE_UNSUPPORTED) if (isSet(raw[k])) dropped.push(`${o.name}.${k} override`);
  }
  const taskOverrides = (t.overrides ?? {}) as Record<string, unknown>;
  for (const k of TASK_OVERRIDE_UNSUPPORTED) if (isSet(taskOverrides[k])) dropped.push(`task ${k} override`);
  if (t.enableExecuteCommand) dropped.push("ECS Exec");
  if (t.group && !t.group.startsWith("family:") && !t.group.startsWith("service:")) dropped.push(`task group ${t.group}`);
  if ((t.tags ?? []).some((x) => x.key && !x.key.startsWith("aws:"))) dropped.push("tags");
  return { values, dropped, notes };
}
