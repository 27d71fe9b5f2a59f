import "server-only";
import { DescribeTasksCommand } from "@aws-sdk/client-ecs";
import { live, liveKey } from "@/lib/core/live/shared";
import { containersWithoutAwslogs, logSourcesOf, taskIdOf, type ContainerDefinitionLike, type ContainerLogSource } from "@/lib/ecs/logs/sources";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { describeTaskDefinition } from "../task-definitions/reads";
import { getServiceDetailShared } from "../services/reads";
import { guarded } from "@/lib/core/aws/guarded";

/** Where a service's or a task's containers log, with what the viewer says about the task. */
export type LogTarget = {
  taskDefinition: string;
  sources: ContainerLogSource[];
  /** Containers that do not use awslogs: the viewer names them instead of showing nothing. */
  otherContainers: string[];
  task?: { id: string; lastStatus: string; stoppedReason?: string; startedAt?: string; stoppedAt?: string; group?: string };
};

// A revision never changes once registered, so it is read once per revision for ten minutes.
async function definitionSources(conn: ConnectionSettings, region: string, ref: string) {
  const def = await live.cache.get(liveKey(conn, region, "ecs", "task-definition", ref), 10 * 60_000, () => describeTaskDefinition(conn, region, ref));
  const containers = (def as { containerDefinitions?: ContainerDefinitionLike[] } | null)?.containerDefinitions;
  return { sources: logSourcesOf(containers), otherContainers: containersWithoutAwslogs(containers) };
}

/** The service's current task definition's log sources; null when the service does not exist. */
export async function serviceLogTarget(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<LogTarget | null> {
  const detail = await getServiceDetailShared(conn, region, cluster, service);
  if (!detail) return null;
  return { taskDefinition: detail.taskDefinition, ...(await definitionSources(conn, region, detail.taskDefinition)) };
}

/**
 * A task's log sources from its own task definition revision (DescribeTasks). AWS describes a
 * stopped task for about an hour after it stopped; after that its streams can still be read from
 * the service's view. Null when AWS does not know the task.
 */
export async function taskLogTarget(conn: ConnectionSettings, region: string, cluster: string, task: string): Promise<LogTarget | null> {
  const described = await live.cache.get(liveKey(conn, region, "ecs", "task-for-logs", cluster, task), 3000, () =>
    guarded(conn, "ecs", "DescribeTasks", async () => {
      const out = await awsClient(conn, region, "ecs").send(new DescribeTasksCommand({ cluster, tasks: [task] }));
      return out.tasks?.[0] ?? null;
    }),
  );
  if (!described?.taskDefinitionArn) return null;
  const ref = described.taskDefinitionArn.split("/").pop()!;
  const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined);
  return {
    taskDefinition: ref,
    ...(await definitionSources(conn, region, ref)),
    task: {
      id: taskIdOf(described.taskArn ?? task),
      lastStatus: described.lastStatus ?? "UNKNOWN",
      stoppedReason: described.stoppedReason,
      startedAt: iso(described.startedAt),
      stoppedAt: iso(described.stoppedAt),
      group: described.group,
    },
  };
}
