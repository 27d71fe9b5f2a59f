import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import { DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { GetScheduleCommand, paginateListSchedules } from "@aws-sdk/client-scheduler";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";

/** What the run-task and schedule forms need to know about a revision. */
export type RunnableTaskDefinition = { ref: string; networkMode: string; compatibilities: string[]; containers: string[] };

export type ScheduleSummary = {
  name: string;
  group: string;
  state: string;
  expression: string;
  timezone: string;
  taskDefinition: string;
  taskCount: number;
  launchType: string;
  roleArn: string;
};

/** The newest `limit` ACTIVE revisions, described (one call each), newest first. */
async function listRunnableTaskDefinitionsFromAws(conn: ConnectionSettings, region: string, limit = 25): Promise<RunnableTaskDefinition[]> {
  const ecs = awsClient(conn, region, "ecs");
  const list = await guarded(conn, "ecs", "ListTaskDefinitions", () =>
    ecs.send(new ListTaskDefinitionsCommand({ status: "ACTIVE", sort: "DESC", maxResults: limit })),
  );
  const arns = list.taskDefinitionArns ?? [];
  const described = await Promise.all(
    arns.map((arn) => guarded(conn, "ecs", "DescribeTaskDefinition", () => ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn })))),
  );
  return described.map(({ taskDefinition: td }) => ({
    ref: `${td?.family}:${td?.revision}`,
    networkMode: td?.networkMode ?? "bridge",
    compatibilities: td?.requiresCompatibilities ?? td?.compatibilities ?? [],
    containers: (td?.containerDefinitions ?? []).map((c) => c.name ?? ""),
  }));
}

/**
 * The EventBridge Scheduler schedules whose target is this cluster: ListSchedules
 * names each target's ARN only, so the matching ones are read with GetSchedule.
 */
async function listClusterSchedulesFromAws(conn: ConnectionSettings, region: string, clusterArn: string): Promise<ScheduleSummary[]> {
  const client = awsClient(conn, region, "scheduler");
  const names = await guarded(conn, "scheduler", "ListSchedules", async () => {
    const out: { name: string; group: string }[] = [];
    for await (const page of paginateListSchedules({ client, pageSize: 100 }, {})) {
      for (const s of page.Schedules ?? []) if (s.Target?.Arn === clusterArn) out.push({ name: s.Name ?? "", group: s.GroupName ?? "default" });
    }
    return out;
  });
  const schedules = await Promise.all(
    names.map((n) => guarded(conn, "scheduler", "GetSchedule", () => client.send(new GetScheduleCommand({ Name: n.name, GroupName: n.group })))),
  );
  return schedules
    .filter((s) => s.Target?.EcsParameters && s.Target.Arn === clusterArn)
    .map((s) => ({
      name: s.Name ?? "",
      group: s.GroupName ?? "default",
      state: s.State ?? "ENABLED",
      expression: s.ScheduleExpression ?? "",
      timezone: s.ScheduleExpressionTimezone ?? "UTC",
      taskDefinition: (s.Target?.EcsParameters?.TaskDefinitionArn ?? "").split("/").pop() ?? "",
      taskCount: s.Target?.EcsParameters?.TaskCount ?? 1,
      launchType: s.Target?.EcsParameters?.LaunchType ?? "",
      roleArn: s.Target?.RoleArn ?? "",
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function scheduleExistsFromAws(conn: ConnectionSettings, region: string, name: string, group = "default"): Promise<boolean> {
  try {
    await awsClient(conn, region, "scheduler").send(new GetScheduleCommand({ Name: name, GroupName: group }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return false;
    throw mapAwsError(error, { service: "scheduler", operation: "GetSchedule", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listRunnableTaskDefinitions = sharedReader("ecs:listRunnableTaskDefinitions", listRunnableTaskDefinitionsFromAws);
export const listClusterSchedules = sharedReader("ecs:listClusterSchedules", listClusterSchedulesFromAws);
export const scheduleExists = sharedReader("ecs:scheduleExists", scheduleExistsFromAws);
